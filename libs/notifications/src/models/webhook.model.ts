import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EscalationFunction, Role, WebhookEventType } from '@opvangplek/domain';
import { WebhookDeliveryStatus } from '../webhook-delivery.entity';

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'What an organisation can be told through a webhook.',
});
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });
registerEnumType(EscalationFunction, {
  name: 'EscalationFunction',
  description:
    'Whom an escalation contact reaches: the OvD bevolkingszorg (003:497), the Regionale Tafel / chain director (002:362-364), or another.',
});

@ObjectType('Webhook', { description: "An organisation's endpoint; its secret is shown only when it is created." })
export class WebhookModel {
  @Field(() => ID)
  id: string;

  @Field()
  organisation: string;

  @Field()
  url: string;

  @Field(() => [WebhookEventType])
  events: WebhookEventType[];

  @Field(() => [ID], { description: "The shelters whose offers it receives (a shelter's own system)." })
  facilityIds: string[];

  @Field(() => [ID], { description: 'The regions whose escalations it receives (their escalation contact).' })
  escalationRegions: string[];

  @Field(() => EscalationFunction, { nullable: true, description: 'Set for an escalation contact.' })
  contactFunction: EscalationFunction | null;

  @Field(() => Role, { nullable: true })
  deciderRole: Role | null;

  @Field(() => [ID])
  deciderRegions: string[];

  @Field()
  active: boolean;

  @Field({
    description:
      'False when its latest finished delivery was a dead letter (every try failed): it then covers no region in escalationCoverage.',
  })
  reachable: boolean;

  @Field()
  createdAt: Date;
}

@ObjectType('WebhookCreated')
export class WebhookCreatedModel {
  @Field(() => WebhookModel)
  webhook: WebhookModel;

  @Field({
    description:
      'The signing secret: shown this once. The receiver checks the opvangplek-signature header, t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">.',
  })
  secret: string;
}

@ObjectType('WebhookDelivery', { description: 'One notification to one endpoint, and how its tries went.' })
export class WebhookDeliveryModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  webhookId: string;

  @Field(() => WebhookEventType)
  type: WebhookEventType;

  @Field(() => ID, {
    nullable: true,
    description: 'The request it tells of; null for FIGURES_AGING and FIGURES_STALE, which are about a facility.',
  })
  requestId: string | null;

  @Field(() => ID, { nullable: true, description: 'The facility concerned, when there is one.' })
  facilityId: string | null;

  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field({ description: 'When the next try is due (PENDING).' })
  nextAttemptAt: Date;

  @Field(() => Int, { nullable: true, description: "The receiver's last HTTP status; null when it could not be reached." })
  lastStatus: number | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the receiver acknowledged it (POST /webhooks/acknowledge).' })
  acknowledgedAt: Date | null;
}

@ObjectType('RegionEscalationCoverage', {
  description: "A region's escalation contacts, and whether an escalation there reaches anyone.",
})
export class RegionEscalationCoverageModel {
  @Field(() => ID)
  regionCode: string;

  @Field()
  regionName: string;

  @Field({ description: 'Whether at least one active endpoint that can be reached (reachable) receives its escalations.' })
  covered: boolean;

  @Field(() => [EscalationFunction], {
    description: 'OVD_BEVOLKINGSZORG and REGIONALE_TAFEL when no active contact has that function.',
  })
  missingFunctions: EscalationFunction[];

  @Field(() => [WebhookModel], { description: 'Every endpoint naming the region, active or disabled.' })
  contacts: WebhookModel[];
}
