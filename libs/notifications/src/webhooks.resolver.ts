import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type Viewer } from '@opvangplek/access';
import { CreateWebhookInput } from './dto/create-webhook.input';
import { RegionEscalationCoverageModel, WebhookCreatedModel, WebhookDeliveryModel, WebhookModel } from './models/webhook.model';
import { type WebhookDeliveryEntity, WebhookDeliveryStatus } from './webhook-delivery.entity';
import type { WebhookSubscriptionEntity } from './webhook-subscription.entity';
import { WebhooksService } from './webhooks.service';

const toModel = (webhook: WebhookSubscriptionEntity & { reachable?: boolean }): WebhookModel => ({
  id: webhook.id,
  organisation: webhook.organisation,
  url: webhook.url,
  events: webhook.events,
  facilityIds: webhook.facilityIds,
  escalationRegions: webhook.escalationRegions,
  contactFunction: webhook.contactFunction,
  deciderRole: webhook.deciderRole,
  deciderRegions: webhook.deciderRegions,
  active: webhook.active,
  // A new or just disabled endpoint has no dead letter of its own yet.
  reachable: webhook.reachable ?? true,
  createdAt: webhook.createdAt,
});

const toDeliveryModel = (delivery: WebhookDeliveryEntity): WebhookDeliveryModel => ({
  id: delivery.id,
  webhookId: delivery.subscriptionId,
  type: delivery.notification.type,
  requestId: delivery.notification.requestId,
  facilityId: delivery.notification.facilityId,
  status: delivery.status,
  attempts: delivery.attempts,
  nextAttemptAt: delivery.nextAttemptAt,
  lastStatus: delivery.lastStatus,
  lastError: delivery.lastError,
  createdAt: delivery.createdAt,
  deliveredAt: delivery.deliveredAt,
  acknowledgedAt: delivery.acknowledgedAt,
});

/** Outbound webhooks, administered by ADMIN (the access table). */
@Resolver()
export class WebhooksResolver {
  constructor(private readonly service: WebhooksService) {}

  @Mutation(() => WebhookCreatedModel, { description: "Registers an organisation's endpoint; answers its signing secret once." })
  async createWebhook(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateWebhookInput): Promise<WebhookCreatedModel> {
    const { webhook, secret } = await this.service.create(viewer, input);
    return { webhook: toModel(webhook), secret };
  }

  @Mutation(() => WebhookModel, { description: 'Stops an endpoint: its pending deliveries become dead letters.' })
  async disableWebhook(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<WebhookModel> {
    return toModel(await this.service.disable(viewer, id));
  }

  @Query(() => [WebhookModel])
  async webhooks(): Promise<WebhookModel[]> {
    return (await this.service.list()).map(toModel);
  }

  @Query(() => [RegionEscalationCoverageModel], {
    description: 'Every region with its escalation contacts; `covered: false` means an escalation there reaches nobody.',
  })
  async escalationCoverage(): Promise<RegionEscalationCoverageModel[]> {
    return (await this.service.coverage()).map((region) => ({ ...region, contacts: region.contacts.map(toModel) }));
  }

  @Query(() => [WebhookDeliveryModel], { description: 'Deliveries, newest first; status DEAD lists the dead letters.' })
  async webhookDeliveries(
    @Args('status', { type: () => WebhookDeliveryStatus, nullable: true }) status?: WebhookDeliveryStatus | null,
    @Args('first', { type: () => Int, defaultValue: 100 }) first = 100,
  ): Promise<WebhookDeliveryModel[]> {
    return (await this.service.deliveries(status ?? null, first)).map(toDeliveryModel);
  }

  @Mutation(() => WebhookDeliveryModel, { description: 'Sends a dead letter once more.' })
  async redeliverWebhook(@Args('deliveryId', { type: () => ID }) deliveryId: string): Promise<WebhookDeliveryModel> {
    return toDeliveryModel(await this.service.redeliver(deliveryId));
  }
}
