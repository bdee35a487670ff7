import { Module } from '@nestjs/common';
import { WebhookDeliveryJob } from './webhook-delivery.job';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookQueue } from './webhook-queue';
import { WebhookSender } from './webhook-sender';
import { WebhookProcessor } from './webhook.processor';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/** What a feature needs to tell organisations of a change: the outbox and the queue (imported by placement). */
@Module({ providers: [WebhookOutbox, WebhookQueue], exports: [WebhookOutbox, WebhookQueue] })
export class WebhookOutboxModule {}

/** ADMIN's webhook operations (API processes). */
@Module({ imports: [WebhookOutboxModule], providers: [WebhooksService, WebhooksResolver] })
export class NotificationsModule {}

/** Sending webhooks (worker processes). */
@Module({ imports: [WebhookOutboxModule], providers: [WebhookSender, WebhookDeliveryJob, WebhookProcessor] })
export class NotificationJobsModule {}
