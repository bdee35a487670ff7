/** Where a subscription's secret is sealed: bound to its row, so a sealed secret copied to another row does not open. */
export const secretContext = (subscriptionId: string) => `webhook_subscriptions.secret:${subscriptionId}`;
