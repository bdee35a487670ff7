import { Module } from '@nestjs/common';
import { RegistryModule } from '@opvangplek/registry';
import { CaseNotifications } from './case-notifications';
import { EscalationCoverageCheck } from './escalation-coverage.check';
import { StaleFiguresJob } from './jobs/stale-figures.job';
import { WebhookAcknowledgementController } from './webhook-acknowledgement.controller';
import { WebhookDeliveryJob } from './jobs/webhook-delivery.job';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookQueue } from './webhook-queue';
import { WebhookSender } from './webhook-sender';
import { WebhookProcessor } from './jobs/webhook.processor';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/**
 * What a feature needs to tell organisations of a change (the outbox and the queue) and to show a
 * case whom it told (imported by placement).
 */
@Module({
  providers: [WebhookOutbox, WebhookQueue, CaseNotifications],
  exports: [WebhookOutbox, WebhookQueue, CaseNotifications],
})
export class WebhookOutboxModule {}

/** ADMIN's webhook operations and the receivers' acknowledgements (API processes); the register is read through the registry. */
@Module({
  imports: [WebhookOutboxModule, RegistryModule],
  providers: [WebhooksService, WebhooksResolver, EscalationCoverageCheck],
  controllers: [WebhookAcknowledgementController],
})
export class NotificationsModule {}

/** Sending webhooks (worker processes). */
@Module({ imports: [WebhookOutboxModule], providers: [WebhookSender, WebhookDeliveryJob, StaleFiguresJob, WebhookProcessor] })
export class NotificationJobsModule {}
