import { Args, Field, ID, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuditService } from './audit.service';

@ObjectType('AuditEntry', { description: 'One audited event: who, role, organisation, what, when. Never profile data.' })
export class AuditEntryModel {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field({ description: 'Who acted; shelter staff as a stable pseudonym (staff-…), since theirs can name a secret shelter.' })
  actorSub: string;

  @Field()
  actorRole: string;

  @Field({ description: 'Their organisation; a shelter operator as a stable pseudonym (shelter-…).' })
  actorOrg: string;

  @Field({ description: 'e.g. capacity.update, placement.status, auth.failure, access.forbidden, profile.match' })
  action: string;

  @Field(() => ID, { nullable: true })
  requestId: string | null;

  @Field(() => ID, { nullable: true })
  facilityId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Short detail. For a capacity change at a secret-address facility the counts are withheld: 'counts withheld (secret address)'.",
  })
  detail: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the database received the row (its own clock, whatever the row says in `at`). Null for rows from before it was recorded.',
  })
  recordedAt: Date | null;

  @Field({ description: 'Chained into the tamper-evident hash chain yet (rows are sealed within seconds).' })
  sealed: boolean;

  @Field({
    description:
      "Written by the application: the row carries the application's MAC over its facts, made with a key the database does not hold. False for a row inserted with the database login alone (a forgery), and for rows from before rows were signed. `npm run audit:verify` reports the former.",
  })
  authentic: boolean;

  @Field({
    description:
      '`at` lies more than a minute from `recordedAt`: the row claims another time than when it was written (a backdated insert, or a wrong clock).',
  })
  backdated: boolean;
}

@InputType('AuditLogFilter')
export class AuditLogFilterInput {
  @Field(() => String, { nullable: true })
  action?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "An organisation as the log shows it: a shelter operator's rows by its pseudonym (shelter-…) only.",
  })
  actorOrg?: string | null;

  @Field(() => ID, { nullable: true })
  requestId?: string | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => [AuditEntryModel], { description: 'The audit log, newest first (ADMIN). Page with `after` = the last id.' })
  async auditLog(
    @Args('filter', { type: () => AuditLogFilterInput, nullable: true }) filter?: AuditLogFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => ID, nullable: true }) after?: string | null,
  ): Promise<AuditEntryModel[]> {
    const rows = await this.audit.list(filter ?? {}, first ?? 100, after);
    return rows.map((row) => ({ ...row, sealed: row.hash !== null }));
  }
}
