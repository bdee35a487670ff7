import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '@opvangplek/platform/clock';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform/config';
import { assertUuid, InvalidInputError } from '@opvangplek/platform/errors';
import type { SecurityEvent, SecurityEventSink } from '@opvangplek/platform/graphql/security-events';
import type { DataSource } from 'typeorm';
import { audit, type AuditActor, type AuditRecord } from './audit';
import { AuditEntryEntity } from './audit-entry.entity';
import { auditKey } from './audit-key';
import { StaffPseudonyms } from './staff-pseudonyms';

export interface AuditQuery {
  action?: string | null;
  actorOrg?: string | null;
  requestId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const ANONYMOUS: AuditActor = { sub: 'anonymous', role: 'NONE', org: '-' };

/** Writes audit rows outside a business transaction (refusals, reads) and answers `auditLog`. */
@Injectable()
export class AuditService implements SecurityEventSink {
  private readonly pseudonyms: StaffPseudonyms;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pseudonyms = new StaffPseudonyms(auditKey(config));
  }

  async record(event: SecurityEvent): Promise<void> {
    const action = event.kind === 'unauthenticated' ? 'auth.failure' : 'access.forbidden';
    const detail = `${event.operation ?? '?'}: ${event.detail}`;
    await audit(this.dataSource.manager, event.actor ?? ANONYMOUS, { action, detail }, this.clock.now());
  }

  async note(actor: AuditActor, record: AuditRecord): Promise<void> {
    await audit(this.dataSource.manager, actor, record, this.clock.now());
  }

  /** Newest first; `after` is the id of the last row of the previous page. Shelter staff shown by pseudonym. */
  async list(query: AuditQuery, first: number, after?: string | null): Promise<AuditEntryEntity[]> {
    const rows = await this.rows(query, first, after);
    return rows.map((row) => this.pseudonyms.view(row));
  }

  private async rows(query: AuditQuery, first: number, after?: string | null): Promise<AuditEntryEntity[]> {
    if (!Number.isInteger(first) || first < 1 || first > 500) throw new InvalidInputError('first', 'first must be from 1 to 500');
    // An id is a PostgreSQL bigint: at most 9223372036854775807 (a larger number is a 500 in SQL).
    if (after != null && (!/^\d{1,19}$/.test(after) || BigInt(after) > 9223372036854775807n))
      throw new InvalidInputError('after', 'after must be the id of a row from a previous page');
    const builder = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').take(first);
    if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.actorOrg) {
      // A shelter's staff are found by the pseudonym the view shows, never by the organisation's
      // name: a guessed name matching rows beside a secret facility's id would locate it.
      const shelter = await this.shelterOrganisation(query.actorOrg);
      if (shelter === undefined)
        builder.andWhere("a.actorRole <> 'SHELTER_STAFF' AND a.actorOrg = :org", { org: query.actorOrg });
      else if (shelter === null) builder.andWhere('false');
      else builder.andWhere("a.actorRole = 'SHELTER_STAFF' AND a.actorOrg = :org", { org: shelter });
    }
    if (query.requestId) {
      assertUuid(query.requestId, 'filter.requestId', 'a request id');
      builder.andWhere('a.requestId = :requestId', { requestId: query.requestId });
    }
    if (query.from) builder.andWhere('a.at >= :from', { from: query.from });
    if (query.to) builder.andWhere('a.at < :to', { to: query.to });
    if (after) builder.andWhere('a.id < :after', { after });
    return builder.getMany();
  }

  /**
   * The shelter organisation shown as `pseudonym`: undefined when it is no shelter pseudonym, null
   * when no organisation has it. One row per shelter operator to try, so a handful of HMACs.
   */
  private async shelterOrganisation(pseudonym: string): Promise<string | null | undefined> {
    if (!pseudonym.startsWith('shelter-')) return undefined;
    const orgs: { org: string }[] = await this.dataSource.query(
      "SELECT DISTINCT actor_org AS org FROM audit_log WHERE actor_role = 'SHELTER_STAFF'",
    );
    return orgs.find(({ org }) => this.pseudonyms.isOrganisation(pseudonym, org))?.org ?? null;
  }
}
