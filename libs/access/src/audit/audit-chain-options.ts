import { type AppConfig, auditKey } from '@opvangplek/platform';

/** What sealing and verifying the audit chain need from outside the database. */
export interface AuditChainOptions {
  /** The HMAC key (32 bytes). Never stored in the database. */
  key: Buffer;
  /** The file anchors are appended to (latest sequence number and hash); `null`: no anchor. */
  anchorFile: string | null;
}

export function auditChainOptions(config: AppConfig): AuditChainOptions {
  return { key: auditKey(config), anchorFile: config.auditAnchorFile };
}
