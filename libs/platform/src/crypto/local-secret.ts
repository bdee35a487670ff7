import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * A secret generated once and kept in DATA_DIR (readable by the owner only), so development and
 * zero-config runs need no setup, and every process with the same DATA_DIR agrees on it.
 * Production passes its secrets in the environment instead.
 */
export function readOrCreateLocalSecret(dataDir: string, fileName: string, create: () => string = () => randomBytes(32).toString('base64url')): string {
  const file = path.join(dataDir, fileName);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = create();
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      // Another process created it first (two instances starting at once): use theirs.
      return readFileSync(file, 'utf8').trim();
    }
  }
}
