import { createHash } from 'node:crypto';

/** The fields of an audit row that the chain protects. */
export interface AuditFacts {
  id: string;
  at: Date;
  actorSub: string;
  actorRole: string;
  actorOrg: string;
  action: string;
  requestId: string | null;
  facilityId: string | null;
  detail: string | null;
}

/** The hash before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** sha256 over the previous hash and the row's facts in a fixed order (JSON array: unambiguous). */
export function auditHash(prevHash: string, row: AuditFacts): string {
  const facts = [
    row.id,
    row.at.toISOString(),
    row.actorSub,
    row.actorRole,
    row.actorOrg,
    row.action,
    row.requestId,
    row.facilityId,
    row.detail,
  ];
  return createHash('sha256').update(prevHash).update(JSON.stringify(facts)).digest('hex');
}

export interface ChainBreak {
  id: string;
  problem: string;
}

/** Checks sealed rows in id order; the first break says where tampering (or a gap) is. */
export function verifyChain(
  rows: readonly (AuditFacts & { prevHash: string | null; hash: string | null })[],
  startHash = GENESIS_HASH,
): ChainBreak | null {
  let previous = startHash;
  for (const row of rows) {
    if (row.prevHash !== previous)
      return { id: row.id, problem: 'does not follow the previous row (a row was removed or reordered)' };
    if (row.hash !== auditHash(previous, row))
      return { id: row.id, problem: 'its content does not match its hash (the row was changed)' };
    previous = row.hash;
  }
  return null;
}
