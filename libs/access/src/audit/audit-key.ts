import type { AppConfig } from '@opvangplek/platform/config';
import { readOrCreateLocalSecret } from '@opvangplek/platform/crypto/local-secret';
import { randomBytes } from 'node:crypto';

/** What sealing and verifying the audit chain need from outside the database. */
export interface AuditChainOptions {
  /** The HMAC key (32 bytes). Never stored in the database. */
  key: Buffer;
  /** The file anchors are appended to (latest sequence number and hash); `null`: no anchor. */
  anchorFile: string | null;
}

/** AUDIT_KEY in production (required); in development one generated into DATA_DIR, like NOTES_KEY. */
export function auditKey(config: AppConfig): Buffer {
  const text = config.auditKey ?? readOrCreateLocalSecret(config.dataDir, 'audit-key', () => randomBytes(32).toString('base64'));
  return Buffer.from(text, 'base64');
}

export function auditChainOptions(config: AppConfig): AuditChainOptions {
  return { key: auditKey(config), anchorFile: config.auditAnchorFile };
}
