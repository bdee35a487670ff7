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
      // The API serves JSON; nothing may be framed or run scripts from elsewhere.
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } },
      crossOriginEmbedderPolicy: false,
      hsts: config.env === 'production',
    }),
  );
  if (config.http.corsOrigins.length > 0) app.enableCors({ origin: config.http.corsOrigins, allowedHeaders: ['authorization', 'content-type'] });

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
