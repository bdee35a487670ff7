import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';
import {
  type AuthenticatedHttpRequest,
  authenticateRequest,
  REQUEST_AUTHENTICATOR,
  type RequestAuthenticator,
} from '../graphql/request-authenticator';
import { CALLER_LIMITS, type CallerLimits } from '../limits/caller-limits';
import { isRateLimitedPath, normalisedPath, ratePointsOf, verifiedCallerKey } from './rate-limiter';

interface MinimalRequest extends AuthenticatedHttpRequest {
  method: string;
  path: string;
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
 *
 * One limiter for every path that serves data: GraphQL by any method and spelling (`/graphql/`,
 * `/GRAPHQL`, GET), the CSV and HSDS exports and FHIR. The caller is the verified token subject, else the client
 * address (the token is verified here once; the GraphQL context and the guard reuse the outcome),
 * so a made-up or respaced token buys no fresh allowance. The budget is shared with WebSocket
 * operations and across API processes (CallerLimits).
 *
 * The client address is the socket's peer unless TRUST_PROXY names the proxies in front of the
 * API (Express's `trust proxy`): only then is X-Forwarded-For read, and only the hops it trusts.
 */
export function applyHttpSecurity(app: INestApplication, config: AppConfig): void {
  (app.getHttpAdapter().getInstance() as { set(setting: string, value: unknown): void }).set(
    'trust proxy',
    config.http.trustProxy,
  );
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
      crossOriginEmbedderPolicy: false,
      hsts: config.env === 'production',
    }),
  );
  if (config.http.corsOrigins.length > 0)
    app.enableCors({ origin: config.http.corsOrigins, allowedHeaders: ['authorization', 'content-type'] });

  const limits = app.get<CallerLimits>(CALLER_LIMITS, { strict: false });
  const authenticator = app.get<RequestAuthenticator>(REQUEST_AUTHENTICATOR, { strict: false });
  app.use((request: MinimalRequest, response: MinimalResponse, next: (error?: unknown) => void) => {
    if (request.method === 'OPTIONS' || !isRateLimitedPath(request.path)) return next();
    authenticateRequest(authenticator, request)
      .then(async (auth) => {
        const retryAfter = await limits.take(verifiedCallerKey(auth, request.ip), ratePointsOf(request.path));
        if (retryAfter === 0) return next();
        const message = `Too many requests: at most ${config.http.rateLimitPerMinute} a minute. Try again in ${retryAfter} seconds.`;
        response.setHeader('Retry-After', String(retryAfter));
        if (normalisedPath(request.path) === '/graphql') {
          response.status(429).json({ errors: [{ message, extensions: { code: 'RATE_LIMITED' } }] });
        } else {
          response.status(429).json({ error: { code: 'RATE_LIMITED', message, field: null } });
        }
      })
      .catch(next);
  });
}

/**
 * The whole policy, spelled out (no helmet defaults, so nothing is allowed by accident). The API
 * serves JSON and the console (apps/console), which loads only its own built files: scripts and
 * styles from this origin, no inline script, no eval, nothing framed or framing. `connect-src
 * 'self'` covers GraphQL over HTTP and the same-origin graphql-ws socket (CSP Level 3 matches
 * ws:/wss: of the same host; the browser tests prove it). When the console logs in through an
 * identity provider, it also talks to that issuer (discovery and token endpoints), and nothing else.
 * The console's service worker (/sw.js) and web manifest are its own files too: `worker-src` and
 * `manifest-src` say so rather than leaving it to the fallbacks (script-src, default-src).
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
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    ...(config.env === 'production' ? { upgradeInsecureRequests: [] } : {}),
  };
}
