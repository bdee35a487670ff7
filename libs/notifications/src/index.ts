export { NotificationJobsModule, NotificationsModule, WebhookOutboxModule } from './notifications.module';
export { WebhookOutbox, type QueuedDelivery } from './webhook-outbox';
export { WebhookQueue } from './webhook-queue';
export { verifyWebhook, SIGNATURE_HEADER } from './webhook-signature';
export { CaseNotifications } from './case-notifications';
export { CaseNotificationModel } from './models/case-notification.model';
export { signWebhook } from './webhook-signature';
export { StaleFiguresJob } from './jobs/stale-figures.job';
export * from './notifications.entities';
