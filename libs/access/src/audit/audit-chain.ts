import { createHash, createHmac } from 'node:crypto';
import { type AuditRowFacts, auditRowKey, isAuthenticAuditRow } from '@opvangplek/platform';

/** The fields of an audit row that the chain protects: the facts the application wrote, and more. */
export interface AuditFacts extends AuditRowFacts {
  id: string;
  /** When the database received the row (set by a trigger); null for rows from before it existed. */
  recordedAt?: Date | null;
  /** The application's MAC over the facts, made when it wrote the row (platform's crypto/audit-row-mac.ts); null for rows from before. */
  rowMac?: string | null;
}

/**
 * How a row was sealed: the first, unkeyed chain; HMAC with AUDIT_KEY (kept outside the database)
 * before rows carried a row MAC; and since then HMAC over the facts and the row MAC, with the
 * sealer's verdict on that MAC in the algorithm's name (so the chain covers it): `-app` the
 * application wrote the row, `-foreign` it did not (no valid row MAC: inserted with the database
 * login alone).
 */
export type AuditAlgorithm = 'sha256' | 'hmac-sha256' | 'hmac-sha256-app' | 'hmac-sha256-foreign';
export const LEGACY_ALGORITHM: AuditAlgorithm = 'sha256';
export const HMAC_ALGORITHM: AuditAlgorithm = 'hmac-sha256';
export const APP_ALGORITHM: AuditAlgorithm = 'hmac-sha256-app';
export const FOREIGN_ALGORITHM: AuditAlgorithm = 'hmac-sha256-foreign';
const KEYED = new Set<string>([HMAC_ALGORITHM, APP_ALGORITHM, FOREIGN_ALGORITHM]);

/** The chain algorithm the sealer uses for a row: its verdict on the row's MAC. */
export function sealingAlgorithm(rowKey: Buffer, row: AuditFacts): AuditAlgorithm {
  return isAuthenticAuditRow(rowKey, row) ? APP_ALGORITHM : FOREIGN_ALGORITHM;
}

/** The hash before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The first, unkeyed chain: sha256 over the previous hash and the row's facts in a fixed order
 * (JSON array: unambiguous). Anyone who can write the table can recompute it, so it is only
 * accepted for rows sealed before the first HMAC row.
 */
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

/**
 * HMAC-SHA256 with the audit key over the previous hash and the row's facts, including the time
 * the database recorded it (and, for the algorithms since row MACs, the row MAC): without the key
 * (which never enters the database) no one can reseal a changed, removed or inserted row.
 */
export function auditHmac(key: Buffer, prevHash: string, row: AuditFacts, alg: AuditAlgorithm = HMAC_ALGORITHM): string {
  const facts = [
    alg,
    row.id,
    row.at.toISOString(),
    row.recordedAt ? row.recordedAt.toISOString() : null,
    row.actorSub,
    row.actorRole,
    row.actorOrg,
    row.action,
    row.requestId,
    row.facilityId,
    row.detail,
  ];
  if (alg !== HMAC_ALGORITHM) facts.push(row.rowMac ?? null);
  return createHmac('sha256', key).update(prevHash).update(JSON.stringify(facts)).digest('hex');
}

export interface ChainBreak {
  id: string;
  problem: string;
}

export type SealedFacts = AuditFacts & { prevHash: string | null; hash: string | null; alg?: string | null };

export interface VerifyOptions {
  /** The audit key; without it only the legacy (unkeyed) rows can be checked. */
  key?: Buffer;
  /** An HMAC row came before these rows: a legacy row from here on is a downgrade. */
  hmacSeen?: boolean;
}

/**
 * Checks sealed rows in chain order; the first break says where tampering (or a gap) is. Rows
 * sealed the old, unkeyed way are accepted only before the first HMAC row (they were sealed before
 * the key existed); after it, every row must carry a valid HMAC.
 */
export function verifyChain(
  rows: readonly SealedFacts[],
  startHash = GENESIS_HASH,
  options: VerifyOptions = {},
): ChainBreak | null {
  let previous = startHash;
  let hmacSeen = options.hmacSeen ?? false;
  const rowKey = options.key ? auditRowKey(options.key) : null;
  for (const row of rows) {
    if (row.prevHash !== previous)
      return {
        id: row.id,
        problem: 'does not follow the previous row (a row was removed or reordered, or this one sealed outside the sealer)',
      };
    const alg = row.alg ?? LEGACY_ALGORITHM;
    if (KEYED.has(alg)) {
      if (!options.key) return { id: row.id, problem: 'is sealed with the audit key, which was not given' };
      if (row.hash !== auditHmac(options.key, previous, row, alg as AuditAlgorithm))
        return {
          id: row.id,
          problem: 'its content does not match its hash (the row was changed, or sealed by someone without the audit key)',
        };
      if (alg === APP_ALGORITHM && !isAuthenticAuditRow(rowKey!, row))
        return { id: row.id, problem: 'is sealed as written by the application, but its row MAC does not match its facts' };
      hmacSeen = true;
    } else if (alg === LEGACY_ALGORITHM) {
      if (hmacSeen)
        return {
          id: row.id,
          problem: 'is sealed without the audit key after keyed rows (the chain was resealed without the key)',
        };
      if (row.hash !== auditHash(previous, row))
        return { id: row.id, problem: 'its content does not match its hash (the row was changed)' };
    } else {
      return { id: row.id, problem: `is sealed with an unknown algorithm "${alg}"` };
    }
    previous = row.hash!;
  }
  return null;
}
