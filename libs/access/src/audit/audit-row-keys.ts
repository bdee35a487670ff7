import { auditRowKey } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';

/**
 * The row key of each DataSource the application writes audit rows through, installed once at
 * bootstrap by the access modules (AuditRowSigner, audit-row-signer.ts).
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
