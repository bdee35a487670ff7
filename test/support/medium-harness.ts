/**
 * The medium tier (`*.medium-spec.ts`, jest project `medium`): a feature's Nest providers on a
 * private clone of the migrated template database, on a FixedClock, with no HTTP, no GraphQL and
 * no second process. The queue and the event bus are in memory (inline-jobs.ts) and a job runs only
 * when the spec calls `settle()`, through the real PlacementProcessor: a spec never polls, and what
 * it sees after `settle()` is what the worker would have left once its queue was drained.
 *
 * The database is real PostgreSQL, reached as the application role as the app does (the owner's
 * `database.dataSource` is there for arranging and checking rows), never a mock.
 *
 * The modules are the standalone process's: the API side of a feature (its services) and its jobs
 * side (the processor), so a rule runs the same code path as in production. Only the transport
 * (BullMQ, LISTEN/NOTIFY or Redis) and GraphQL's adapters (resolvers, the auth guard, the error
 * formatter) are left out; the end-to-end tier (`*.e2e-spec.ts`) keeps those.
 */
import { ConsoleLogger, type DynamicModule, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { ENTITIES } from '@opvangplek/composition';
import { AppError, contractCodeOf, EVENT_BUS, type FixedClock, platformModules, QueueFactory } from '@opvangplek/platform';
import { InlineEventBus, InlineQueues } from './inline-jobs';
import { testConfig } from './test-config';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface MediumOptions {
  clock: FixedClock;
  /** The feature modules the rule needs (e.g. PlacementModule, PlacementJobsModule, CapacityModule). */
  imports: DynamicModule['imports'];
  /** Configuration as environment variables, over the tests' (test-config.ts), e.g. HOLD_MINUTES_NOODBED. */
  env?: Record<string, string>;
  /** Rows the spec needs before the providers start (facilities through the register loader). */
  arrange?: (database: TestDatabase) => Promise<void>;
}

export interface Medium {
  database: TestDatabase;
  module: TestingModule;
  clock: FixedClock;
  queues: InlineQueues;
  events: InlineEventBus;
  /** A provider of the testing module (the first found when two modules provide it). */
  get<T>(type: Type<T> | string | symbol): T;
  /** Runs every queued job that is due on the clock until none is left; returns how many ran. */
  settle(): Promise<number>;
  /** Closes the providers, then drops the private database. */
  close(): Promise<void>;
}

/** Builds the providers of `imports` on a new private database. Call `close()` in afterAll/afterEach. */
export async function startMedium(options: MediumOptions): Promise<Medium> {
  const database = await createTestDatabase();
  try {
    await options.arrange?.(database);
    // Sweeps run when a spec calls them, never on the processor's timer (an hour of the fixed clock).
    const config = testConfig(database.url, 'postgres', undefined, { SWEEP_SECONDS: '3600', ...options.env });
    const queues = new InlineQueues(options.clock);
    const events = new InlineEventBus();
    const module = await Test.createTestingModule({
      imports: [...platformModules(config, ENTITIES, options.clock), ...(options.imports ?? [])],
    })
      .overrideProvider(QueueFactory)
      .useValue(queues)
      .overrideProvider(EVENT_BUS)
      .useValue(events)
      .compile();
    // Warnings and errors only: a job that fails or an event not published should be seen.
    module.useLogger(new ConsoleLogger({ logLevels: ['error', 'warn'] }));
    await module.init();
    let closed: Promise<void> | undefined;
    return {
      database,
      module,
      clock: options.clock,
      queues,
      events,
      get: <T>(type: Type<T> | string | symbol) => module.get<T>(type, { strict: false }),
      settle: () => queues.settle(),
      // Once, however often it is called (an afterEach after a failed start closes the previous one again).
      close: () =>
        (closed ??= (async () => {
          await module.close();
          await database.drop();
        })()),
    };
  } catch (error) {
    await database.drop().catch(() => undefined);
    throw error;
  }
}

/** What a refused call would carry as GraphQL `extensions`: the contract's code, the field and the details. */
export interface Refusal {
  code: string;
  message: string;
  field?: string;
  [detail: string]: unknown;
}

/**
 * Awaits a call the spec expects to be refused and returns its refusal as the error formatter would
 * send it (format-error.ts): `{ code: 'FORBIDDEN' }`, `{ code: 'BAD_USER_INPUT', field }`, … Fails
 * when the call succeeds or throws something that is not a typed AppError.
 */
export async function refusal(call: Promise<unknown>): Promise<Refusal> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      code: contractCodeOf(error.kind),
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...error.details,
    };
  }
  throw new Error('expected the call to be refused, but it succeeded');
}
