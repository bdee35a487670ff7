import { Field, ID, InputType } from '@nestjs/graphql';
import { EscalationFunction, Role, WebhookEventType } from '@opvangplek/domain';

@InputType('CreateWebhookInput')
export class CreateWebhookInput {
  @Field({ description: 'The organisation as its tokens name it (the org claim), e.g. avim-rotterdam.' })
  organisation: string;

  @Field({
    description:
      'https:// on a public address (http:// and private addresses only with WEBHOOK_ALLOW_INSECURE, never in production).',
  })
  url: string;

  @Field(() => [WebhookEventType])
  events: WebhookEventType[];

  @Field(() => [ID], { nullable: true })
  facilityIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Regions for which this endpoint is the escalation contact.' })
  escalationRegions?: string[] | null;

  @Field(() => EscalationFunction, {
    nullable: true,
    description:
      'The function the escalation contact reaches (OVD_BEVOLKINGSZORG, REGIONALE_TAFEL); OTHER when left out. Only with escalationRegions.',
  })
  contactFunction?: EscalationFunction | null;

  @Field(() => Role, {
    nullable: true,
    description:
      "The organisation's role in the chain as its tokens say it: DECISION_WAITING reaches it when such a token could take the decision.",
  })
  deciderRole?: Role | null;

  @Field(() => [ID], { nullable: true, description: "The regions of that role (as its tokens' regions claim)." })
  deciderRegions?: string[] | null;
}
