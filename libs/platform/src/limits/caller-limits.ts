import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { Pool } from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { AppConfig } from '../config/app-config';
import {
  InsuredLeaseStore,
  type Lease,
  type LeaseStore,
  MemoryLeaseStore,
  PostgresLeaseStore,
  RedisLeaseStore,
} from './lease-store';

export const CALLER_LIMITS = Symbol('CALLER_LIMITS');

/** The rate limit's window. */
const WINDOW_SECONDS = 60;
/** A lease lives this long unless renewed: how long a crashed process's sockets keep counting. */
const LEASE_TTL_MS = 30_000;
/** How often a process renews the leases it holds (well inside LEASE_TTL_MS). */
const RENEW_EVERY_MS = 10_000;
/** A store that does not answer within this long counts as down (the request goes on, insured). */
const STORE_TIMEOUT_MS = 1_000;

export type LeaseKind = 'socket' | 'subscription';

/**
 * The per-caller limits every API process shares: one rate budget for every path (HTTP by any
 * spelling, the exports, WebSocket operations), at most N open sockets and M subscriptions per
 * caller. The caller is a key from `verifiedCallerKey` (the verified subject, else the address).
 *
 * The rate is rate-limiter-flexible's fixed window, kept in Redis when REDIS_URL is set, else in
 * PostgreSQL (`rate_limit`), so N processes behind a balancer give a caller one budget, not N.
 *
 * When the store fails or is slow, each process limits on its own in memory (the library's
 * `insuranceLimiter`): neither fail-closed (refusing everyone would make a Redis outage a
 * placement outage at 3 a.m.) nor fail-open (a store outage would lift every limit exactly when
 * someone may be forcing one); at worst a caller gets N processes × the limit for that time.
 */
export class CallerLimits implements OnApplicationShutdown {
  /** Leases this process holds, by id: renewed while held, released on close. */
  private readonly held = new Map<string, Lease>();
  private readonly renewal: NodeJS.Timeout;

  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly leases: LeaseStore,
    private readonly limits: { perMinute: number; socketsPerCaller: number; subscriptionsPerCaller: number },
    private readonly closeStore: () => Promise<void>,
    /** Says that the store failed (at most once a minute: `storeFailureWarning`). */
    private readonly storeFailed: (error: unknown) => void,
  ) {
    this.renewal = setInterval(() => {
      this.leases.renew([...this.held.values()], LEASE_TTL_MS).catch((error: unknown) => this.storeFailed(error));
    }, RENEW_EVERY_MS);
    this.renewal.unref();
  }

  get perMinute(): number {
    return this.limits.perMinute;
  }

  /**
   * Counts `points` against the caller's budget for this minute: 0 when allowed, else how many
   * seconds until the window ends (for Retry-After).
   */
  async take(caller: string, points = 1): Promise<number> {
    try {
      await this.limiter.consume(caller, points);
      return 0;
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      // Only if the in-memory insurance itself failed: let the request through rather than 500 it.
      this.storeFailed(outcome);
      return 0;
    }
  }

  /** Holds one of the caller's sockets or subscriptions; false when the caller is at the cap. */
  async hold(kind: LeaseKind, caller: string, id: string): Promise<boolean> {
    const lease = { scope: `${kind}:${caller}`, id: `${kind}:${id}` };
    const max = kind === 'socket' ? this.limits.socketsPerCaller : this.limits.subscriptionsPerCaller;
    const taken = await this.leases.acquire(lease.scope, lease.id, max, LEASE_TTL_MS);
    if (taken) this.held.set(lease.id, lease);
    return taken;
  }

  /** Gives back what `hold` took (a no-op for what is not held). */
  release(kind: LeaseKind, id: string): void {
    const lease = this.held.get(`${kind}:${id}`);
    if (!lease) return;
    this.held.delete(lease.id);
    this.leases.release(lease).catch((error: unknown) => this.storeFailed(error));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.renewal);
    await Promise.all([...this.held.values()].map((lease) => this.leases.release(lease).catch(() => undefined)));
    this.held.clear();
    await this.leases.close();
    await this.closeStore();
  }
}

/**
 * The limits on the configured store: Redis when REDIS_URL is set (keys under the namespace),
 * else the database (`rate_limit`, `caller_lease`), else (no database: unit use only) memory.
 */
export function createCallerLimits(config: AppConfig): CallerLimits {
  const points = config.http.rateLimitPerMinute;
  const limits = {
    perMinute: points,
    socketsPerCaller: config.websocket.maxSocketsPerCaller,
    subscriptionsPerCaller: config.websocket.maxSubscriptionsPerCaller,
  };
  // The library's recommended fallback while the store is down (see the class comment).
  const insuranceLimiter = new RateLimiterMemory({ points, duration: WINDOW_SECONDS });
  const warn = storeFailureWarning();

  if (config.redisUrl) {
    // Fail fast while Redis is away (no offline queue, short timeouts): the insurance takes over.
    const redis = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: STORE_TIMEOUT_MS,
      connectTimeout: STORE_TIMEOUT_MS * 2,
      connectionName: `${config.namespace}-limits`,
    });
    redis.on('error', warn);
    const limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.namespace}:rl`,
      points,
      duration: WINDOW_SECONDS,
      rejectIfRedisNotReady: true,
      insuranceLimiter,
    });
    const leases = new InsuredLeaseStore(new RedisLeaseStore(redis, config.namespace), warn);
    return new CallerLimits(
      limiter,
      leases,
      limits,
      async () => {
        await redis.quit().catch(() => redis.disconnect());
      },
      warn,
    );
  }

  if (config.databaseUrl) {
    const pool = new Pool({
      connectionString: config.databaseUrl,
      max: 4,
      application_name: 'opvangplek-limits',
      connectionTimeoutMillis: STORE_TIMEOUT_MS * 2,
      query_timeout: STORE_TIMEOUT_MS,
    });
    pool.on('error', warn);
    const limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true, // by migration CallerLimits1796400000000: the app needs no CREATE privilege
      keyPrefix: config.namespace,
      points,
      duration: WINDOW_SECONDS,
      insuranceLimiter,
    });
    const leases = new InsuredLeaseStore(new PostgresLeaseStore(pool), warn);
    return new CallerLimits(limiter, leases, limits, () => pool.end(), warn);
  }

  return new CallerLimits(insuranceLimiter, new MemoryLeaseStore(), limits, () => Promise.resolve(), warn);
}

/** A store outage is logged at most once a minute per process, not once per request. */
function storeFailureWarning(): (error: unknown) => void {
  const logger = new Logger('CallerLimits');
  let lastWarning = 0;
  return (error) => {
    if (Date.now() - lastWarning < 60_000) return;
    lastWarning = Date.now();
    const message = error instanceof Error ? error.message : String(error);
    logger.warn(`the shared limit store failed (${message}); limiting in this process's memory meanwhile`);
  };
}
