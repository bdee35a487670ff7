import { type AppConfig, readOrCreateLocalSecret } from '@opvangplek/platform';

/**
 * The HS256 secret for development tokens: JWT_SECRET when set, else one kept in DATA_DIR, so
 * `npm start` and `npm run token` agree with no setup. Never used in production, where tokens are
 * verified against the identity provider's JWKS.
 */
export function resolveSigningSecret(config: AppConfig): string | undefined {
  if (config.auth.secret) return config.auth.secret;
  if (config.auth.jwksUrl || config.env === 'production') return undefined;
  return readOrCreateLocalSecret(config.dataDir, 'dev-jwt-secret');
}
