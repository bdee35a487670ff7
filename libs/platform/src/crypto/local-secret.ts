import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * A secret generated once and kept in DATA_DIR (readable by the owner only), so development and
 * zero-config runs need no setup, and every process with the same DATA_DIR agrees on it.
 * Production passes its secrets in the environment instead.
 */
export function readOrCreateLocalSecret(
  dataDir: string,
  fileName: string,
  create: () => string = () => randomBytes(32).toString('base64url'),
): string {
  const file = path.join(dataDir, fileName);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = create();
    // Written aside, then linked into place: the file appears whole or not at all. (Creating it
    // with 'wx' and then writing let a process starting at the same moment read it empty.)
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(draft, secret, { mode: 0o600 });
    try {
      linkSync(draft, file);
      return secret;
    } catch {
      // Another process created it first (two instances starting at once): use theirs.
      return readFileSync(file, 'utf8').trim();
    } finally {
      rmSync(draft, { force: true });
    }
  }
}
