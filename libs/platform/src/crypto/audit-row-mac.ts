import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Issue 12: the application role may INSERT audit rows (it must, to write them), so whoever
 * holds its database login could insert a row that the sealer then chained like any other. Each
 * row the application writes therefore carries `row_mac`: HMAC-SHA256, under a key derived from
 * AUDIT_KEY (which never enters the database), over the row's facts as written. The sealer checks
 * it before chaining; a row without a valid MAC is still chained (the chain never stalls) but
 * marked as not written by the application, and `audit:verify` and `auditLog` say so.
 *
 * Format `v1.<nonce>.<mac>`: the random nonce makes every value unique, and `row_mac` is UNIQUE, so
 * a valid MAC copied into a second INSERT (a replayed row) is refused by the database.
 *
 * Access writes, seals and verifies audit rows with these functions; they are the platform's
 * because its migration AuditRowMac signs the rows already there exactly as the application signs
 * new ones, and the platform imports no feature.
 */
export interface AuditRowFacts {
  at: Date;
  actorSub: string;
  actorRole: string;
  actorOrg: string;
  action: string;
  requestId: string | null;
  facilityId: string | null;
  detail: string | null;
}

const VERSION = 'v1';

/** The key for row MACs: derived from AUDIT_KEY for this one purpose (the chain uses AUDIT_KEY itself). */
export function auditRowKey(auditKey: Buffer): Buffer {
  return createHmac('sha256', auditKey).update('opvangplek audit row mac v1').digest();
}

function mac(rowKey: Buffer, nonce: string, row: AuditRowFacts): string {
  const facts = [
    'audit-row',
    nonce,
    row.at.toISOString(),
    row.actorSub,
    row.actorRole,
    row.actorOrg,
    row.action,
    row.requestId,
    row.facilityId,
    row.detail,
  ];
  return createHmac('sha256', rowKey).update(JSON.stringify(facts)).digest('hex');
}

/** A fresh row MAC for these facts (exactly as they will be stored). */
export function signAuditRow(rowKey: Buffer, row: AuditRowFacts): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${VERSION}.${nonce}.${mac(rowKey, nonce, row)}`;
}

/** Whether `rowMac` was made by the application for exactly these facts. */
export function isAuthenticAuditRow(rowKey: Buffer, row: AuditRowFacts & { rowMac?: string | null }): boolean {
  if (!row.rowMac) return false;
  const [version, nonce, given, ...rest] = row.rowMac.split('.');
  if (version !== VERSION || !nonce || !given || rest.length > 0 || !/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(mac(rowKey, nonce, row), 'hex'));
}
