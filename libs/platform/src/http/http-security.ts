import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';
import { callerKey, RateLimiter } from './rate-limiter';

interface MinimalRequest {
  method: string;
  path: string;
  headers: { authorization?: string };
  ip?: string;
}
interface MinimalResponse {
  status(code: number): MinimalResponse;
  setHeader(name: string, value: string): void;
  json(body: unknown): void;
}

/**
 * HTTP hardening in one place (issue: privacy and hardening): security headers (helmet), CORS only
 * for configured origins, and a per-caller rate limit on the API endpoints. The body size limit is
 * set where the body parser is (bootstrap).
 */
export function applyHttpSecurity(app: INestApplication, config: AppConfig): void {
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
      crossOriginEmbedderPolicy: false,
      hsts: config.env === 'production',
    }),
  );
  if (config.http.corsOrigins.length > 0)
    app.enableCors({ origin: config.http.corsOrigins, allowedHeaders: ['authorization', 'content-type'] });

  const limiter = new RateLimiter(config.http.rateLimitPerMinute, 60_000);
  app.use((request: MinimalRequest, response: MinimalResponse, next: () => void) => {
    if (request.path !== '/graphql' || request.method !== 'POST') return next();
    const retryAfter = limiter.take(callerKey(request.headers.authorization, request.ip));
    if (retryAfter === 0) return next();
    response.setHeader('Retry-After', String(retryAfter));
    response.status(429).json({
      errors: [
        {
          message: `Too many requests: at most ${config.http.rateLimitPerMinute} a minute. Try again in ${retryAfter} seconds.`,
          extensions: { code: 'RATE_LIMITED' },
        },
      ],
    });
  });
}

/**
 * The whole policy, spelled out (no helmet defaults, so nothing is allowed by accident). The API
 * serves JSON and the console (apps/console), which loads only its own built files: scripts and
 * styles from this origin, no inline script, no eval, nothing framed or framing. `connect-src
 * 'self'` covers GraphQL over HTTP and the same-origin graphql-ws socket (CSP Level 3 matches
 * ws:/wss: of the same host; the browser tests prove it). When the console logs in through an
 * identity provider, it also talks to that issuer (discovery and token endpoints), and nothing else.
 */
export function contentSecurityPolicy(config: AppConfig): Record<string, string[]> {
  const issuerOrigin = config.console.oidc ? new URL(config.console.oidc.issuer).origin : undefined;
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", ...(issuerOrigin ? [issuerOrigin] : [])],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    ...(config.env === 'production' ? { upgradeInsecureRequests: [] } : {}),
  };
}
