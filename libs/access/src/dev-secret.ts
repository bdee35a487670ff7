import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AppConfig } from '@opvangplek/platform/config';

/**
 * The HS256 secret for development tokens: JWT_SECRET when set, else one generated once and kept
 * in DATA_DIR (readable by the owner only), so `npm start` and `npm run token` agree with no setup.
 * Never used in production, where tokens are verified against the identity provider's JWKS.
 */
export function resolveSigningSecret(config: AppConfig): string | undefined {
  if (config.auth.secret) return config.auth.secret;
  if (config.auth.jwksUrl || config.env === 'production') return undefined;
  const file = path.join(config.dataDir, 'dev-jwt-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(config.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      // Another process created it first (two instances starting at once): use theirs.
      return readFileSync(file, 'utf8').trim();
    }
  }
}
