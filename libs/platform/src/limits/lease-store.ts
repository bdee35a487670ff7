import type Redis from 'ioredis';
import type { Pool } from 'pg';

/**
 * Counted leases shared by every API process: at most `max` live leases per scope (e.g. a caller's
 * open WebSockets). A lease expires `ttlMs` after it was taken or last renewed, so the leases of a
 * process that crashed stop counting by themselves; a live process renews its own.
 *
 * Hand-written because rate-limiter-flexible counts events in a window, not things held open: a
 * counter that is incremented on open and decremented on close stays wrong forever once a process
 * dies between the two. A lease per socket with its own expiry does not.
 */
export interface LeaseStore {
  /** Takes (or renews) lease `id` in `scope` unless `max` other live leases are held there. */
  acquire(scope: string, id: string, max: number, ttlMs: number): Promise<boolean>;
  /** Pushes the expiry of held leases `ttlMs` ahead. */
  renew(leases: readonly Lease[], ttlMs: number): Promise<void>;
  release(lease: Lease): Promise<void>;
  close(): Promise<void>;
}

export interface Lease {
  scope: string;
  id: string;
}

/**
 * Redis: a sorted set per scope (member = lease id, score = expiry in the server's milliseconds),
 * changed by scripts so that pruning, counting and adding are one atomic step across processes, on
 * the Redis server's clock.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
redis.call('PEXPIRE', KEYS[1], ttl)
return 1`;

const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], 'XX', now + ttl, ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1`;

type LeaseRedis = Redis & {
  leaseAcquire(key: string, id: string, max: number, ttlMs: number): Promise<number>;
  leaseRenew(key: string, id: string, ttlMs: number): Promise<number>;
};

export class RedisLeaseStore implements LeaseStore {
  private readonly redis: LeaseRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand('leaseAcquire', { numberOfKeys: 1, lua: ACQUIRE });
    redis.defineCommand('leaseRenew', { numberOfKeys: 1, lua: RENEW });
    this.redis = redis as LeaseRedis;
  }

  private key(scope: string): string {
    return `${this.prefix}:lease:${scope}`;
  }

  async acquire(scope: string, id: string, max: number, ttlMs: number): Promise<boolean> {
    return (await this.redis.leaseAcquire(this.key(scope), id, max, ttlMs)) === 1;
  }

  async renew(leases: readonly Lease[], ttlMs: number): Promise<void> {
    if (leases.length === 0) return;
    const pipeline = this.redis.pipeline() as ReturnType<Redis['pipeline']> & {
      leaseRenew(key: string, id: string, ttlMs: number): unknown;
    };
    for (const lease of leases) pipeline.leaseRenew(this.key(lease.scope), lease.id, ttlMs);
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0] as Error;
  }

  async release(lease: Lease): Promise<void> {
    await this.redis.zrem(this.key(lease.scope), lease.id);
  }

  async close(): Promise<void> {
    // The connection belongs to whoever made it (CallerLimits closes it with the rate limiter).
  }
}

/**
 * PostgreSQL (table `caller_lease`): the scope is locked for the transaction (an advisory lock on
 * its hash), so two processes cannot both take the last place; times are the database's.
 */
export class PostgresLeaseStore implements LeaseStore {
  private lastSweep = 0;

  constructor(private readonly pool: Pool) {}

  async acquire(scope: string, id: string, max: number, ttlMs: number): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`caller_lease:${scope}`]);
      await client.query('DELETE FROM caller_lease WHERE scope = $1 AND expires_at <= now()', [scope]);
      const { rows } = await client.query<{ others: number }>(
        'SELECT count(*)::int AS others FROM caller_lease WHERE scope = $1 AND id <> $2',
        [scope, id],
      );
      const taken = rows[0].others < max;
      if (taken) {
        await client.query(
          `INSERT INTO caller_lease (id, scope, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
           ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
          [id, scope, ttlMs],
        );
      }
      await client.query('COMMIT');
      return taken;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async renew(leases: readonly Lease[], ttlMs: number): Promise<void> {
    if (leases.length > 0) {
      await this.pool.query(`UPDATE caller_lease SET expires_at = now() + $2 * interval '1 millisecond' WHERE id = ANY($1)`, [
        leases.map((lease) => lease.id),
        ttlMs,
      ]);
    }
    // Scopes nobody acquires in again keep their expired rows; clear them now and then.
    if (Date.now() - this.lastSweep > 10 * 60_000) {
      this.lastSweep = Date.now();
      await this.pool.query(`DELETE FROM caller_lease WHERE expires_at < now() - interval '10 minutes'`);
    }
  }

  async release(lease: Lease): Promise<void> {
    await this.pool.query('DELETE FROM caller_lease WHERE id = $1', [lease.id]);
  }

  async close(): Promise<void> {
    // The pool belongs to whoever made it (CallerLimits ends it with the rate limiter's).
  }
}

/** This process only: the stand-in while the shared store cannot be reached. */
export class MemoryLeaseStore implements LeaseStore {
  private readonly scopes = new Map<string, Map<string, number>>();

  constructor(private readonly now: () => number = Date.now) {}

  acquire(scope: string, id: string, max: number, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const leases = this.scopes.get(scope) ?? new Map<string, number>();
    for (const [held, expiresAt] of leases) if (expiresAt <= now) leases.delete(held);
    const taken = leases.has(id) || leases.size < max;
    if (taken) leases.set(id, now + ttlMs);
    if (leases.size > 0) this.scopes.set(scope, leases);
    else this.scopes.delete(scope);
    return Promise.resolve(taken);
  }

  renew(leases: readonly Lease[], ttlMs: number): Promise<void> {
    const expiresAt = this.now() + ttlMs;
    for (const lease of leases) {
      const held = this.scopes.get(lease.scope);
      if (held?.has(lease.id)) held.set(lease.id, expiresAt);
    }
    return Promise.resolve();
  }

  release(lease: Lease): Promise<void> {
    const held = this.scopes.get(lease.scope);
    held?.delete(lease.id);
    if (held?.size === 0) this.scopes.delete(lease.scope);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * The shared store, with this process's memory standing in while the store fails (as
 * rate-limiter-flexible's insuranceLimiter does for the rate): a Redis or database outage must not
 * turn into refused sockets or 500s, and per process the cap still holds.
 */
export class InsuredLeaseStore implements LeaseStore {
  private readonly insurance = new MemoryLeaseStore();

  constructor(
    private readonly primary: LeaseStore,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  async acquire(scope: string, id: string, max: number, ttlMs: number): Promise<boolean> {
    try {
      return await this.primary.acquire(scope, id, max, ttlMs);
    } catch (error) {
      this.onFailure(error);
      return this.insurance.acquire(scope, id, max, ttlMs);
    }
  }

  async renew(leases: readonly Lease[], ttlMs: number): Promise<void> {
    await this.insurance.renew(leases, ttlMs);
    await this.primary.renew(leases, ttlMs).catch(this.onFailure);
  }

  async release(lease: Lease): Promise<void> {
    await this.insurance.release(lease);
    await this.primary.release(lease).catch(this.onFailure);
  }

  async close(): Promise<void> {
    await this.primary.close();
  }
}
