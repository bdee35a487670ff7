import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';

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

/**
 * The row key of each DataSource the application writes audit rows through, installed once at
 * bootstrap by the access modules (AuditRowSigner below).
 *
 * Why not a parameter of `audit()`/`auditAll()`: they are called from the capacity, matching and
 * placement libraries, inside repositories and jobs that pass an EntityManager and nothing else;
 * threading a signer through every one of those signatures (and their callers) would spread the
 * audit key over code that has no business with it. The EntityManager already names its
 * DataSource, so the key is found from it. Keyed by DataSource rather than one global, so two
 * applications in one process (the tests) each sign with their own key; and a DataSource nobody
 * installed a key for makes `auditAll` throw instead of writing unsigned rows unnoticed.
 */
const rowKeys = new WeakMap<DataSource, Buffer>();

export function installAuditRowKey(dataSource: DataSource, auditKey: Buffer): void {
  rowKeys.set(dataSource, auditRowKey(auditKey));
}

export function auditRowKeyOf(dataSource: DataSource): Buffer {
  const key = rowKeys.get(dataSource);
  if (!key)
    throw new Error(
      'No audit key is installed for this database connection: audit rows must be signed (AccessModule, AuthenticationModule or AuditJobsModule install it at bootstrap; elsewhere call installAuditRowKey)',
    );
  return key;
}
