import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { readOrCreateLocalSecret } from './local-secret';

/** NOTES_KEY in production (required); in development one generated into DATA_DIR. */
export function notesKey(config: AppConfig): Buffer {
  const text = config.notesKey ?? readOrCreateLocalSecret(config.dataDir, 'notes-key', () => randomBytes(32).toString('base64'));
  return Buffer.from(text, 'base64');
}

/** The notes key first (it seals), then the keys it replaced (they only open). */
export function notesKeyRing(config: AppConfig): Buffer[] {
  return [notesKey(config), ...config.previousNotesKeys.map((key) => Buffer.from(key, 'base64'))];
}

/**
 * AUDIT_KEY in production (required); in development one generated into DATA_DIR, like NOTES_KEY.
 * Access seals and signs the audit log under it; the platform's migration AuditRowMac signs too.
 */
export function auditKey(config: AppConfig): Buffer {
  const text = config.auditKey ?? readOrCreateLocalSecret(config.dataDir, 'audit-key', () => randomBytes(32).toString('base64'));
  return Buffer.from(text, 'base64');
}
