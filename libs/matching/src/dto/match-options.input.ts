import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType('MatchOptionsInput')
export class MatchOptionsInput {
  @Field(() => Date, {
    nullable: true,
    description: 'Evaluate at this moment instead of now (a raid planned for Saturday night).',
  })
  at?: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: "The requester's region: nearer places rank higher. Defaults to the caller's first region.",
  })
  requesterRegionCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Return at most this many matches (best first); all when omitted.' })
  first?: number | null;

  @Field(() => Int, { nullable: true, description: 'Return at most this many excluded facilities; all when omitted.' })
  excludedFirst?: number | null;
}
