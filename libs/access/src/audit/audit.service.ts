import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '@opvangplek/platform/clock';
import { assertUuid, InvalidInputError } from '@opvangplek/platform/errors';
import type { SecurityEvent, SecurityEventSink } from '@opvangplek/platform/graphql/security-events';
import type { DataSource } from 'typeorm';
import { audit, type AuditActor, type AuditRecord } from './audit';
import { AuditEntryEntity } from './audit-entry.entity';

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(event: SecurityEvent): Promise<void> {
    const action = event.kind === 'unauthenticated' ? 'auth.failure' : 'access.forbidden';
    const detail = `${event.operation ?? '?'}: ${event.detail}`;
    await audit(this.dataSource.manager, event.actor ?? ANONYMOUS, { action, detail }, this.clock.now());
  }

  async note(actor: AuditActor, record: AuditRecord): Promise<void> {
    await audit(this.dataSource.manager, actor, record, this.clock.now());
  }

  /** Newest first; `after` is the id of the last row of the previous page. */
  async list(query: AuditQuery, first: number, after?: string | null): Promise<AuditEntryEntity[]> {
    if (!Number.isInteger(first) || first < 1 || first > 500) throw new InvalidInputError('first', 'first must be from 1 to 500');
    // An id is a PostgreSQL bigint: at most 9223372036854775807 (a larger number is a 500 in SQL).
    if (after != null && (!/^\d{1,19}$/.test(after) || BigInt(after) > 9223372036854775807n))
      throw new InvalidInputError('after', 'after must be the id of a row from a previous page');
    const builder = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').take(first);
    if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.actorOrg) builder.andWhere('a.actorOrg = :org', { org: query.actorOrg });
    if (query.requestId) {
      assertUuid(query.requestId, 'filter.requestId', 'a request id');
      builder.andWhere('a.requestId = :requestId', { requestId: query.requestId });
    }
    if (query.from) builder.andWhere('a.at >= :from', { from: query.from });
    if (query.to) builder.andWhere('a.at < :to', { to: query.to });
    if (after) builder.andWhere('a.id < :after', { after });
    return builder.getMany();
  }
}
