import type { DataSource, EntityManager } from 'typeorm';
import { type AuditRowFacts, signAuditRow, type Statement } from '@opvangplek/platform';
import { auditRowKeyOf } from './audit-row-keys';

export interface AuditActor {
  sub: string;
  role: string;
  org: string;
}

export interface AuditRecord {
  action: string;
  requestId?: string | null;
  facilityId?: string | null;
  detail?: string | null;
}

/**
 * Appends an audit row in the caller's transaction (so a change and its audit row commit or roll
 * back together). Unsealed: the sealer chains it moments later, keeping the hot path free of a
 * global lock.
 */
export async function audit(manager: EntityManager, actor: AuditActor, record: AuditRecord, at: Date): Promise<void> {
  await auditAll(manager, [{ actor, record, at }]);
}

/** One audit row to append: who, what, when. */
export interface AuditEntry {
  actor: AuditActor;
  record: AuditRecord;
  at: Date;
}

/**
 * Appends several audit rows in one statement, in the given order (the sealer chains them by id):
 * for a transaction that records several changes at once, one round trip instead of one per row.
 * Each row carries its row MAC (platform's crypto/audit-row-mac.ts), made over the facts exactly as the database
 * will store them.
 */
export async function auditAll(manager: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
  const insert = auditInsert(manager.connection, entries);
  if (insert) await manager.query(insert.sql, insert.params);
}

/**
 * The statement `auditAll` runs, for a caller that runs it as part of one statement with the
 * change it audits (`asOneStatement`); null when there is nothing to append.
 */
export function auditInsert(connection: DataSource, entries: readonly AuditEntry[]): Statement | null {
  if (entries.length === 0) return null;
  const rowKey = auditRowKeyOf(connection);
  const params: unknown[] = [];
  const rows = entries.map(({ actor, record, at }) => {
    const facts: AuditRowFacts = {
      at,
      actorSub: stored(actor.sub, 200)!,
      actorRole: stored(actor.role, 40)!,
      actorOrg: stored(actor.org, 200)!,
      action: stored(record.action, 60)!,
      // uuid columns read back in lower case
      requestId: record.requestId?.toLowerCase() ?? null,
      facilityId: record.facilityId?.toLowerCase() ?? null,
      detail: stored(record.detail, 500),
    };
    const row = [
      facts.at,
      facts.actorSub,
      facts.actorRole,
      facts.actorOrg,
      facts.action,
      facts.requestId,
      facts.facilityId,
      facts.detail,
      signAuditRow(rowKey, facts),
    ];
    return `(${row.map((value) => `$${params.push(value)}`).join(', ')})`;
  });
  return {
    sql: `INSERT INTO audit_log (at, actor_sub, actor_role, actor_org, action, request_id, facility_id, detail, row_mac) VALUES ${rows.join(', ')}`,
    params,
  };
}

/**
 * A text as its column will hold it: cut to the column's length, and through UTF-8 as the driver
 * sends it (a surrogate half left by the cut becomes U+FFFD there too), so the MAC covers what is read back.
 */
function stored(text: string | null | undefined, length: number): string | null {
  if (text == null) return null;
  return Buffer.from(text.slice(0, length), 'utf8').toString('utf8');
}
