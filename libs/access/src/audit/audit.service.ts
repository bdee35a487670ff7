import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CLOCK,
  type Clock,
  APP_CONFIG,
  type AppConfig,
  assertUuid,
  auditKey,
  auditRowKey,
  InvalidInputError,
  isAuthenticAuditRow,
  type SecurityEvent,
  type SecurityEventSink,
} from '@opvangplek/platform';
import type { DataSource } from 'typeorm';
import { audit, type AuditActor, type AuditRecord } from './audit';
import { AuditEntryEntity } from './audit-entry.entity';
import { BACKDATE_TOLERANCE_MS } from './audit-sealer';
import { StaffPseudonyms } from './staff-pseudonyms';

export interface AuditQuery {
  action?: string | null;
  actorOrg?: string | null;
  requestId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const ANONYMOUS: AuditActor = { sub: 'anonymous', role: 'NONE', org: '-' };

/** A row as `auditLog` shows it. */
export interface AuditEntryView extends AuditEntryEntity {
  /** Its row MAC verifies: the application wrote it (false for rows inserted with the database login, and for rows from before row MACs). */
  authentic: boolean;
  /** Its own time lies more than a minute from when the database recorded it. */
  backdated: boolean;
}

/** What the view shows instead of a secret-address facility's counts. */
export const COUNTS_WITHHELD = 'counts withheld (secret address)';

/** Writes audit rows outside a business transaction (refusals, reads) and answers `auditLog`. */
@Injectable()
export class AuditService implements SecurityEventSink {
  private readonly pseudonyms: StaffPseudonyms;
  private readonly rowKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const key = auditKey(config);
    this.pseudonyms = new StaffPseudonyms(key);
    this.rowKey = auditRowKey(key);
  }

  async record(event: SecurityEvent): Promise<void> {
    const action = event.kind === 'unauthenticated' ? 'auth.failure' : 'access.forbidden';
    const detail = `${event.operation ?? '?'}: ${event.detail}`;
    await audit(this.dataSource.manager, event.actor ?? ANONYMOUS, { action, detail }, this.clock.now());
  }

  async note(actor: AuditActor, record: AuditRecord): Promise<void> {
    await audit(this.dataSource.manager, actor, record, this.clock.now());
  }

  /**
   * Newest first; `after` is the id of the last row of the previous page. Shelter staff shown by
   * pseudonym; a secret-address facility's counts withheld (below); whether the application wrote
   * each row, by its row MAC.
   */
  async list(query: AuditQuery, first: number, after?: string | null): Promise<AuditEntryView[]> {
    const rows = await this.rows(query, first, after);
    const secret = await this.secretFacilities(rows);
    return rows.map((row) => {
      const authentic = isAuthenticAuditRow(this.rowKey, row);
      const backdated = row.recordedAt !== null && Math.abs(row.at.getTime() - row.recordedAt.getTime()) > BACKDATE_TOLERANCE_MS;
      // Issue 12: a capacity row names its facility and carries its counts ("v5 total=14
      // occupied=10 …"); for a secret-address facility those are the counts ADMIN is shown nowhere
      // else. The stored row stays as it is (it is hashed into the chain); only the view withholds them.
      const withheld = row.action.startsWith('capacity.') && row.facilityId !== null && secret.has(row.facilityId);
      const shown = withheld ? { ...row, detail: COUNTS_WITHHELD } : row;
      return { ...this.pseudonyms.view(shown), authentic, backdated };
    });
  }

  /**
   * Which of these rows' facilities have a secret address. A small read of `facilities` rather
   * than the registry's services: the access library does not depend on the registry.
   */
  private async secretFacilities(rows: readonly AuditEntryEntity[]): Promise<Set<string>> {
    const ids = [
      ...new Set(rows.filter((row) => row.action.startsWith('capacity.') && row.facilityId).map((row) => row.facilityId!)),
    ];
    if (ids.length === 0) return new Set();
    const secret: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM facilities WHERE secret_address AND id = ANY($1::uuid[])',
      [ids],
    );
    return new Set(secret.map(({ id }) => id));
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
