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
  await manager.query(
    `INSERT INTO audit_log (at, actor_sub, actor_role, actor_org, action, request_id, facility_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [at, actor.sub.slice(0, 200), actor.role.slice(0, 40), actor.org.slice(0, 200), record.action, record.requestId ?? null, record.facilityId ?? null, record.detail?.slice(0, 500) ?? null],
  );
}
