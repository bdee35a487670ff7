import { Field, ID, InputType } from '@nestjs/graphql';
import { WebhookEventType } from '@opvangplek/domain';

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
}
