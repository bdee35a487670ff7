/**
 * The one typed configuration of every Opvangplek process, read from the environment once at boot.
 * `loadConfig` is pure (env in, config or a list of sentences out) so it is unit-tested without Nest.
 */
import { isIP } from 'node:net';
import * as path from 'node:path';
import {
  type AuthorityHours,
  DEFAULT_AUTHORITY_HOURS,
  type IsoWeekday,
  type OpeningHours,
  PlacingAuthority,
  ShelterType,
  DEFAULT_DELIVERY_SCHEDULE,
} from '@opvangplek/domain';
import type { SimulatedClockSettings } from '../clock/clock';

export type QueueBackendKind = 'redis' | 'postgres';
/** What Express's `trust proxy` setting accepts, short of `true` (see parseTrustProxy). */
export type TrustProxy = false | number | string[];
export type RuntimeEnvironment = 'development' | 'test' | 'production';

export interface AppConfig {
  env: RuntimeEnvironment;
  http: {
    host: string;
    port: number;
    bodyLimit: string;
    corsOrigins: string[];
    /**
     * Operations per caller (verified subject, else client address) per minute, over HTTP and
     * WebSocket together, shared by every API process (Redis, else PostgreSQL).
     */
    rateLimitPerMinute: number;
    /**
     * Express's `trust proxy` (TRUST_PROXY): `false` = the socket's peer is the client and
     * X-Forwarded-For is ignored; a hop count or the proxies' addresses otherwise.
     */
    trustProxy: TrustProxy;
  };
  graphql: {
    /** Deepest selection nesting an operation may have. */
    maxDepth: number;
    /** Most fields an operation may select in all (fragments expanded, aliases counted). */
    maxFields: number;
    /** Highest cost one operation may have (MAX_QUERY_COST; see operation-cost.ts). */
    maxCost: number;
  };
  /** GraphQL over graphql-ws: the same limits as HTTP (above), plus those only a socket has. */
  websocket: {
    /** Largest message a socket may send, in bytes: BODY_LIMIT, as for an HTTP request body. */
    maxPayloadBytes: number;
    /** Subscriptions one connection may have open at once (WS_MAX_SUBSCRIPTIONS). */
    maxSubscriptions: number;
    /** Sockets one caller may have open at once, across all API processes (WS_MAX_SOCKETS_PER_CALLER). */
    maxSocketsPerCaller: number;
    /** Subscriptions one caller may have open at once over all its sockets and processes. */
    maxSubscriptionsPerCaller: number;
  };
  dataDir: string;
  /** `undefined` only in zero-config mode, where the standalone launcher starts an embedded server. */
  databaseUrl: string | undefined;
  /**
   * The owner's connection, for migrations only (DATABASE_MIGRATION_URL); `undefined` = migrate with
   * DATABASE_URL, which then has to own the tables (a start refuses that in production, see application-role.ts).
   */
  databaseMigrationUrl: string | undefined;
  redisUrl: string | undefined;
  /** Where BullMQ keeps jobs. Defaults to Redis when REDIS_URL is set, else PostgreSQL. */
  queueBackend: QueueBackendKind;
  /** What carries events between processes (capacityChanged…): Redis pub/sub or Postgres LISTEN/NOTIFY. */
  eventsBackend: QueueBackendKind;
  /** Prefix for every Redis key and channel and the BullMQ schema, so several deployments can share one server. */
  namespace: string;
  /**
   * Longest wait for one enqueue or event publish after a commit (QUEUE_CALL_TIMEOUT_MS): past it the
   * caller is answered anyway and the sweep's reconciler queues the work later.
   */
  queueCallTimeoutMs: number;
  auth: {
    issuer: string;
    audience: string;
    /** HS256 secret for development tokens; absent when a JWKS URL is used. */
    secret: string | undefined;
    jwksUrl: string | undefined;
    /** Longest lifetime (`exp - iat`) a token may have, in hours (MAX_TOKEN_HOURS); tokens without `iat` are refused. */
    maxTokenHours: number;
  };
  freshness: {
    roundTheClockAgingHours: number;
    roundTheClockStaleHours: number;
    workingDaysAging: number;
    workingDaysStale: number;
  };
  placement: {
    /** How long an offered place is held (default for every kind). */
    holdMinutes: number;
    /** Per-kind override, from HOLD_MINUTES_<KIND> (e.g. HOLD_MINUTES_NOODBED=60). */
    holdMinutesByType: Partial<Record<ShelterType, number>>;
    /**
     * How long a stay of a kind usually lasts where no end was planned, for capacity ahead (issue 18),
     * from USUAL_STAY_DAYS_<KIND> (e.g. USUAL_STAY_DAYS_VROUWENOPVANG=90); 0: no usual length. Kinds
     * not given keep the domain's USUAL_STAY_DAYS (noodbed 3, NLA crisis 14, COSM 92, others none).
     */
    usualStayDaysByType: Partial<Record<ShelterType, number | null>>;
    /** An ACUTE request without a place after this long is escalated (OvD bevolkingszorg, 003:497). */
    escalateAfterMinutes: number;
    /** How often the worker's sweep runs (due waits, lost jobs, lapsed offers, stays, escalation). */
    sweepSeconds: number;
    /** A RECEIVED/MATCHING request untouched this long has lost its job (worker crash, Redis flushed). */
    reconcileAfterSeconds: number;
    /** Days after a request ends or is cancelled before its profile and notes are erased. */
    retentionDays: number;
    /** Days ahead of the end of her bedenktijd (003:661) that the sweep warns (BEDENKTIJD_ALERT_DAYS). */
    bedenktijdAlertDays: number;
    /**
     * A submission without clientReference equal to one the same caller made this many seconds ago
     * is a retry of it (IMPLICIT_RETRY_SECONDS; 0 turns it off).
     */
    implicitRetrySeconds: number;
    /** How many facilities one offer goes to at once (issue 18): PARALLEL_OFFERS_ACUTE (3), PARALLEL_OFFERS_URGENT (1). */
    parallelOffers: { acute: number; urgent: number };
  };
  /** Outbound webhooks (issue 14): how failed deliveries are tried again. */
  webhooks: {
    /** Tries in all before a delivery is a dead letter (WEBHOOK_MAX_ATTEMPTS). */
    maxAttempts: number;
    /** The first retry's delay (WEBHOOK_FIRST_RETRY_MS); each next one doubles, up to WEBHOOK_MAX_RETRY_MS. */
    firstRetryMs: number;
    maxRetryMs: number;
    /** How long a receiver may take to answer (WEBHOOK_TIMEOUT_MS). */
    timeoutMs: number;
    /** Plain http:// and private addresses as receivers (WEBHOOK_ALLOW_INSECURE): refused in production. */
    allowInsecure: boolean;
  };
  /** Base64 AES-256 key for free-text notes and profiles; absent outside production (a local one is generated). */
  notesKey: string | undefined;
  /** Keys NOTES_KEY replaced (NOTES_KEY_PREVIOUS, comma-separated): they still open what they sealed until it is resealed. */
  previousNotesKeys: string[];
  /** Base64 HMAC key for the audit chain, kept outside the database; absent outside production (a local one is generated). */
  auditKey: string | undefined;
  /** Where the audit sealer appends anchors (latest sequence number and hash), outside the database. */
  auditAnchorFile: string;
  /** How often a worker chains new audit rows. */
  auditSealSeconds: number;
  /** When each placing authority can place (Europe/Amsterdam); `null` = always. */
  authorityHours: AuthorityHours;
  /**
   * Accelerated time for the simulated year (SIMULATED_CLOCK_START/_SPEED/_WALL_EPOCH, issue 19);
   * `null` = the system clock. Refused in production.
   */
  simulatedClock: SimulatedClockSettings | null;
  console: ConsoleConfig;
  observability: {
    /** pino's level for every log line (LOG_LEVEL); `warn` under test, else `info`. */
    logLevel: LogLevel;
    /**
     * Bearer token Prometheus sends to `/metrics` (METRICS_TOKEN). Without one, `/metrics` is open
     * outside production and absent in production: the figures say how busy the chain is.
     */
    metricsToken: string | undefined;
  };
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The browser console served at `/` (apps/console). */
export interface ConsoleConfig {
  /** Where the built console is (CONSOLE_DIR); `undefined` = `dist/console` of this installation. */
  dir: string | undefined;
  /**
   * The organisation's identity provider, for the console's authorization-code + PKCE login.
   * `null`: no provider configured, the console asks for a pasted token (development).
   */
  oidc: { issuer: string; clientId: string; scope: string } | null;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * `24/7`, or days and hours like `Mon-Fri 09:00-17:00` (public holidays closed). CoMensha's hours
 * are configuration: the documents say 09:00–17:00, CoMensha has since published 08:00–19:00.
 */
export function parseOpeningHours(text: string): OpeningHours | null | undefined {
  if (text.trim() === '24/7') return null;
  const match =
    /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))? ([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/.exec(
      text.trim(),
    );
  if (!match) return undefined;
  const first = WEEKDAYS.indexOf(match[1] as (typeof WEEKDAYS)[number]) + 1;
  const last = match[2] ? WEEKDAYS.indexOf(match[2] as (typeof WEEKDAYS)[number]) + 1 : first;
  if (last < first) return undefined;
  const days = Array.from({ length: last - first + 1 }, (_, i) => (first + i) as IsoWeekday);
  const opens = `${match[3]}:${match[4]}`;
  const closes = `${match[5]}:${match[6]}`;
  if (closes <= opens) return undefined;
  return { days, opens, closes, closedOnPublicHolidays: true };
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/**
 * A size as Express's body parser reads BODY_LIMIT (`100kb`, `1mb`, `2048`; units of 1024), in
 * bytes, so the WebSocket message limit is the HTTP body limit. `undefined` when it is not a size.
 */
export function parseByteSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!match) return undefined;
  const bytes = Math.floor(Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()]);
  return bytes > 0 ? bytes : undefined;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY as Express's `trust proxy` takes it: `false` (the default: the client is the socket's
 * peer, X-Forwarded-For is ignored), a number of proxy hops in front of the API, or the proxies'
 * addresses (IPs, CIDR ranges, or `loopback`, `linklocal`, `uniquelocal`), comma-separated. `true`
 * is refused: it trusts every hop, so any client could name its own address and get a fresh rate
 * limit with each request. Returns a sentence describing the problem when the value is not usable.
 */
export function parseTrustProxy(text: string | undefined): TrustProxy | { problem: string } {
  const value = text?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'false' || value === 'off' || value === '0') return false;
  if (value === 'true') {
    return {
      problem:
        'TRUST_PROXY is "true", which would let any client choose its address in X-Forwarded-For; give the number of proxies in front of the API (e.g. 1) or their addresses',
    };
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 10) return hops;
    return { problem: `TRUST_PROXY is "${text}"; allowed: false, a number of proxy hops from 1 to 10, or proxy addresses` };
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !PROXY_NAMES.has(entry) && !isAddressOrRange(entry));
  if (wrong.length > 0 || entries.length === 0) {
    return {
      problem: `TRUST_PROXY is "${text}"; allowed: false, a number of proxy hops from 1 to 10, or a comma-separated list of IP addresses, CIDR ranges and loopback, linklocal, uniquelocal (not: "${wrong.join('", "')}")`,
    };
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Opvangplek cannot start, the configuration is wrong:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Collects every problem instead of stopping at the first, so one start shows them all. */
class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string, fallback?: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? fallback : value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.string(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name} is "${value}"; allowed: ${allowed.join(', ')}`);
    return fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name} is "${raw}"; allowed: a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  url(name: string, protocols: string[]): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (protocols.includes(parsed.protocol)) return raw;
    } catch {
      /* reported below */
    }
    this.problems.push(`${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
    return undefined;
  }
}

function readAuthorityHours(read: EnvReader): AuthorityHours {
  const hours: AuthorityHours = { ...DEFAULT_AUTHORITY_HOURS };
  for (const authority of Object.values(PlacingAuthority)) {
    const name = `${authority}_HOURS`;
    const text = read.string(name);
    if (text === undefined) continue;
    const parsed = parseOpeningHours(text);
    if (parsed === undefined) {
      read.problems.push(`${name} is "${text}"; allowed: 24/7, or days and hours like "Mon-Fri 09:00-17:00"`);
    } else {
      hours[authority] = parsed;
    }
  }
  return hours;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const read = new EnvReader(env);
  const runtime = read.oneOf<RuntimeEnvironment>('NODE_ENV', ['development', 'test', 'production'], 'development');
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const databaseMigrationUrl = read.url('DATABASE_MIGRATION_URL', ['postgres:', 'postgresql:']);
  if (databaseMigrationUrl && !read.string('DATABASE_URL')) {
    read.problems.push(
      "DATABASE_MIGRATION_URL is set but DATABASE_URL is not: DATABASE_URL is the application's own (least-privilege) login",
    );
  }
  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
  const defaultBackend: QueueBackendKind = redisUrl ? 'redis' : 'postgres';
  const queueBackend = read.oneOf<QueueBackendKind>('QUEUE_BACKEND', ['redis', 'postgres'], defaultBackend);
  const eventsBackend = read.oneOf<QueueBackendKind>('EVENTS_BACKEND', ['redis', 'postgres'], defaultBackend);
  for (const [name, kind] of [
    ['QUEUE_BACKEND', queueBackend],
    ['EVENTS_BACKEND', eventsBackend],
  ] as const) {
    if (kind === 'redis' && !redisUrl) read.problems.push(`${name} is "redis" but REDIS_URL is not set`);
  }

  const namespace = read.string('OPVANGPLEK_NAMESPACE', 'opvangplek')!;
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(namespace)) {
    read.problems.push(
      `OPVANGPLEK_NAMESPACE is "${namespace}"; allowed: lower-case letters, digits and _, starting with a letter, at most 40`,
    );
  }

  const secret = read.string('JWT_SECRET');
  const jwksUrl = read.url('JWT_JWKS_URL', ['https:', 'http:']);
  if (secret !== undefined && secret.length < 32) {
    read.problems.push('JWT_SECRET must be at least 32 characters long');
  }
  if (runtime === 'production' && !jwksUrl) {
    read.problems.push("JWT_JWKS_URL is required in production (tokens come from the organisations' identity provider)");
  }

  const corsOrigins = (read.string('CORS_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);

  const bodyLimit = read.string('BODY_LIMIT', '100kb')!;
  const bodyLimitBytes = parseByteSize(bodyLimit);
  if (bodyLimitBytes === undefined) {
    read.problems.push(`BODY_LIMIT is "${bodyLimit}"; allowed: a size such as 100kb, 1mb or 65536 (bytes)`);
  }
  const rateLimitPerMinute = read.integer('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000);
  // One budget for HTTP and WebSocket alike: a separate WebSocket rate would let a caller spend both.
  if (read.string('WS_OPERATIONS_PER_MINUTE') !== undefined) {
    read.problems.push(
      'WS_OPERATIONS_PER_MINUTE is no longer used: WebSocket operations draw from the same per-caller budget as HTTP (RATE_LIMIT_PER_MINUTE); remove it',
    );
  }
  const trustProxy = parseTrustProxy(read.string('TRUST_PROXY'));
  if (typeof trustProxy === 'object' && !Array.isArray(trustProxy)) read.problems.push(trustProxy.problem);

  const config: AppConfig = {
    env: runtime,
    http: {
      host: read.string('HOST', '127.0.0.1')!,
      port: read.integer('PORT', 3000, 0, 65535),
      bodyLimit,
      corsOrigins,
      rateLimitPerMinute,
      trustProxy: typeof trustProxy === 'object' && !Array.isArray(trustProxy) ? false : trustProxy,
    },
    graphql: {
      maxDepth: read.integer('GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxFields: read.integer('GRAPHQL_MAX_FIELDS', 2_000, 10, 1_000_000),
      maxCost: read.integer('MAX_QUERY_COST', 2_500, 100, 10_000_000),
    },
    websocket: {
      maxPayloadBytes: bodyLimitBytes ?? 100 * 1024,
      maxSubscriptions: read.integer('WS_MAX_SUBSCRIPTIONS', 20, 1, 10_000),
      maxSocketsPerCaller: read.integer('WS_MAX_SOCKETS_PER_CALLER', 5, 1, 1_000),
      maxSubscriptionsPerCaller: read.integer('WS_MAX_SUBSCRIPTIONS_PER_CALLER', 40, 1, 100_000),
    },
    dataDir: path.resolve(read.string('DATA_DIR', '.data')!),
    databaseUrl,
    databaseMigrationUrl,
    redisUrl,
    queueBackend,
    eventsBackend,
    namespace,
    queueCallTimeoutMs: read.integer('QUEUE_CALL_TIMEOUT_MS', 1500, 50, 60_000),
    auth: {
      issuer: read.string('JWT_ISSUER', 'opvangplek-dev')!,
      audience: read.string('JWT_AUDIENCE', 'opvangplek')!,
      secret,
      jwksUrl,
      maxTokenHours: read.integer('MAX_TOKEN_HOURS', 12, 1, 24 * 30),
    },
    freshness: {
      roundTheClockAgingHours: read.integer('FRESHNESS_24_7_AGING_HOURS', 4, 1, 720),
      roundTheClockStaleHours: read.integer('FRESHNESS_24_7_STALE_HOURS', 8, 1, 720),
      workingDaysAging: read.integer('FRESHNESS_OFFICE_AGING_WORKING_DAYS', 1, 1, 60),
      workingDaysStale: read.integer('FRESHNESS_OFFICE_STALE_WORKING_DAYS', 2, 1, 60),
    },
    placement: {
      holdMinutes: read.integer('HOLD_MINUTES', 120, 5, 7 * 24 * 60),
      holdMinutesByType: Object.fromEntries(
        Object.values(ShelterType)
          .filter((type) => read.string(`HOLD_MINUTES_${type}`) !== undefined)
          .map((type) => [type, read.integer(`HOLD_MINUTES_${type}`, 120, 5, 7 * 24 * 60)]),
      ),
      usualStayDaysByType: Object.fromEntries(
        Object.values(ShelterType)
          .filter((type) => read.string(`USUAL_STAY_DAYS_${type}`) !== undefined)
          .map((type) => {
            const days = read.integer(`USUAL_STAY_DAYS_${type}`, 0, 0, 3650);
            return [type, days === 0 ? null : days];
          }),
      ),
      // The chain's promise is one place to go or a named escalation within 15 minutes of her being
      // found (issue 19). The request comes some minutes after that, and the contacts must still be
      // told: 10 leaves five minutes for both (the request's own deadline job escalates on time).
      escalateAfterMinutes: read.integer('ESCALATE_AFTER_MINUTES', 10, 1, 24 * 60),
      sweepSeconds: read.integer('SWEEP_SECONDS', 30, 1, 3600),
      reconcileAfterSeconds: read.integer('RECONCILE_AFTER_SECONDS', 60, 1, 3600),
      retentionDays: read.integer('RETENTION_DAYS', 90, 1, 3650),
      bedenktijdAlertDays: read.integer('BEDENKTIJD_ALERT_DAYS', 14, 0, 90),
      implicitRetrySeconds: read.integer('IMPLICIT_RETRY_SECONDS', 120, 0, 24 * 3600),
      parallelOffers: {
        acute: read.integer('PARALLEL_OFFERS_ACUTE', 3, 1, 10),
        urgent: read.integer('PARALLEL_OFFERS_URGENT', 1, 1, 10),
      },
    },
    webhooks: {
      maxAttempts: read.integer('WEBHOOK_MAX_ATTEMPTS', DEFAULT_DELIVERY_SCHEDULE.maxAttempts, 1, 100),
      firstRetryMs: read.integer('WEBHOOK_FIRST_RETRY_MS', DEFAULT_DELIVERY_SCHEDULE.firstDelayMs, 10, 24 * 3_600_000),
      maxRetryMs: read.integer('WEBHOOK_MAX_RETRY_MS', DEFAULT_DELIVERY_SCHEDULE.maxDelayMs, 10, 7 * 24 * 3_600_000),
      timeoutMs: read.integer('WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
      allowInsecure: read.oneOf('WEBHOOK_ALLOW_INSECURE', ['true', 'false'], 'false') === 'true',
    },
    authorityHours: readAuthorityHours(read),
    simulatedClock: readSimulatedClock(read),
    auditSealSeconds: read.integer('AUDIT_SEAL_SECONDS', 5, 1, 3600),
    notesKey: read.string('NOTES_KEY'),
    previousNotesKeys: (read.string('NOTES_KEY_PREVIOUS') ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
    auditKey: read.string('AUDIT_KEY'),
    auditAnchorFile: path.resolve(
      read.string('AUDIT_ANCHOR_FILE') ?? path.join(read.string('DATA_DIR', '.data')!, 'audit-anchor.jsonl'),
    ),
    console: readConsoleConfig(read, runtime),
    observability: {
      logLevel: read.oneOf<LogLevel>('LOG_LEVEL', LOG_LEVELS, runtime === 'test' ? 'warn' : 'info'),
      metricsToken: read.string('METRICS_TOKEN'),
    },
  };
  if (config.observability.metricsToken !== undefined && config.observability.metricsToken.length < 32) {
    read.problems.push('METRICS_TOKEN must be at least 32 characters long (e.g. `openssl rand -hex 32`)');
  }
  if (config.notesKey !== undefined && Buffer.from(config.notesKey, 'base64').length !== 32) {
    read.problems.push('NOTES_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
  }
  if (runtime === 'production' && config.notesKey === undefined) {
    read.problems.push('NOTES_KEY is required in production: it encrypts free-text notes and victim profiles at rest');
  }
  if (runtime === 'production' && config.simulatedClock !== null) {
    read.problems.push(
      'SIMULATED_CLOCK_START is refused in production: a simulated clock moves every deadline, hold and escalation off real time',
    );
  }
  if (runtime === 'production' && config.webhooks.allowInsecure) {
    read.problems.push('WEBHOOK_ALLOW_INSECURE is refused in production: webhook receivers must be https:// on public addresses');
  }
  if (config.previousNotesKeys.some((key) => Buffer.from(key, 'base64').length !== 32)) {
    read.problems.push('NOTES_KEY_PREVIOUS must list keys of 32 bytes each, base64-encoded, separated by commas');
  }
  if (config.auditKey !== undefined && Buffer.from(config.auditKey, 'base64').length !== 32) {
    read.problems.push('AUDIT_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
  }
  if (runtime === 'production' && config.auditKey === undefined) {
    read.problems.push('AUDIT_KEY is required in production: it keys the audit chain, so the database alone cannot reseal it');
  }
  if (config.freshness.roundTheClockAgingHours > config.freshness.roundTheClockStaleHours) {
    read.problems.push('FRESHNESS_24_7_AGING_HOURS must not exceed FRESHNESS_24_7_STALE_HOURS');
  }
  if (config.freshness.workingDaysAging > config.freshness.workingDaysStale) {
    read.problems.push('FRESHNESS_OFFICE_AGING_WORKING_DAYS must not exceed FRESHNESS_OFFICE_STALE_WORKING_DAYS');
  }
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

/**
 * The simulated clock's settings, or null without SIMULATED_CLOCK_START. The wall epoch defaults
 * to this process's start; processes that must agree on "now" are all given the same one.
 */
function readSimulatedClock(read: EnvReader): SimulatedClockSettings | null {
  const startText = read.string('SIMULATED_CLOCK_START');
  const speedText = read.string('SIMULATED_CLOCK_SPEED');
  const epochText = read.string('SIMULATED_CLOCK_WALL_EPOCH');
  const scheduleFile = read.string('SIMULATED_CLOCK_SCHEDULE_FILE') ?? null;
  if (startText === undefined) {
    if (speedText !== undefined || epochText !== undefined || scheduleFile !== null) {
      read.problems.push(
        'SIMULATED_CLOCK_SPEED, SIMULATED_CLOCK_WALL_EPOCH and SIMULATED_CLOCK_SCHEDULE_FILE need SIMULATED_CLOCK_START (an ISO time)',
      );
    }
    return null;
  }
  const start = new Date(startText);
  if (Number.isNaN(start.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(startText)) {
    read.problems.push(`SIMULATED_CLOCK_START is "${startText}"; allowed: an ISO time like 2026-01-05T00:00:00Z`);
  }
  const speed = speedText === undefined ? 1 : Number(speedText);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 1_000_000) {
    read.problems.push(`SIMULATED_CLOCK_SPEED is "${speedText}"; allowed: a number above 0 and up to 1000000`);
  }
  const wallEpochMs = epochText === undefined ? Date.now() : Number(epochText);
  if (!Number.isSafeInteger(wallEpochMs) || wallEpochMs < 0) {
    read.problems.push(`SIMULATED_CLOCK_WALL_EPOCH is "${epochText}"; allowed: milliseconds since 1970 (Date.now())`);
  }
  return { start, speed, wallEpochMs, scheduleFile };
}

function readConsoleConfig(read: EnvReader, runtime: RuntimeEnvironment): ConsoleConfig {
  const issuer = read.url('OIDC_ISSUER', runtime === 'production' ? ['https:'] : ['https:', 'http:']);
  const clientId = read.string('OIDC_CLIENT_ID');
  const scope = read.string('OIDC_SCOPE', 'openid profile')!;
  const issuerGiven = read.string('OIDC_ISSUER') !== undefined;
  if (issuerGiven && clientId === undefined) {
    read.problems.push(
      "OIDC_ISSUER is set but OIDC_CLIENT_ID is not: set both for the console's login through the identity provider, or neither",
    );
  }
  if (!issuerGiven && clientId !== undefined) {
    read.problems.push(
      "OIDC_CLIENT_ID is set but OIDC_ISSUER is not: set both for the console's login through the identity provider, or neither",
    );
  }
  if (!scope.split(/\s+/).includes('openid')) read.problems.push(`OIDC_SCOPE is "${scope}"; it must include openid`);
  const dir = read.string('CONSOLE_DIR');
  return {
    dir: dir === undefined ? undefined : path.resolve(dir),
    oidc: issuer && clientId ? { issuer: issuer.replace(/\/+$/, ''), clientId, scope } : null,
  };
}

/** The injection token of the `AppConfig` object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
