import type { EntityManager } from 'typeorm';

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
 */
export async function auditAll(manager: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const values: unknown[] = [];
  const rows = entries.map(({ actor, record, at }) => {
    const row = [
      at,
      actor.sub.slice(0, 200),
      actor.role.slice(0, 40),
      actor.org.slice(0, 200),
      record.action,
      record.requestId ?? null,
      record.facilityId ?? null,
      record.detail?.slice(0, 500) ?? null,
    ];
    return `(${row.map((value) => `$${values.push(value)}`).join(', ')})`;
  });
  await manager.query(
    `INSERT INTO audit_log (at, actor_sub, actor_role, actor_org, action, request_id, facility_id, detail) VALUES ${rows.join(', ')}`,
    values,
  );
}
