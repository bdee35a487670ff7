import { Field, ObjectType } from '@nestjs/graphql';
import { EscalationFunction, WebhookEventType } from '@opvangplek/domain';
import { WebhookDeliveryStatus } from '../webhook-delivery.entity';
import './webhook.model';

@ObjectType('CaseNotification', {
  description: 'An organisation told of this case through its webhook (an escalation, a decision waiting for it).',
})
export class CaseNotificationModel {
  @Field()
  organisation: string;

  @Field(() => EscalationFunction, {
    nullable: true,
    description: "The function told, when it was told as the region's escalation contact (OvD bevolkingszorg, Regionale Tafel).",
  })
  contactFunction: EscalationFunction | null;

  @Field(() => WebhookEventType)
  type: WebhookEventType;

  @Field({ description: 'When the message was queued (with the change it tells of).' })
  at: Date;

  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus;

  @Field(() => Date, { nullable: true, description: 'When their system took it (a 2xx answer).' })
  deliveredAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When they said a person has seen it.' })
  acknowledgedAt: Date | null;
}
