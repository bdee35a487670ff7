import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { RepeatedWarning } from '../observability/repeated-warning';
import {
  createPostgresBackend,
  type IQueueBackend,
  type JobProgress,
  type PostgresConnectionOptions,
  type PostgresQueueBackend,
  Queue,
  type QueueOptions,
  Worker,
  type Processor,
  type WorkerOptions,
} from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { correlationIdOf, newCorrelationId, runWithCorrelationId } from '../observability/correlation';

/** Every queue's name, in one place. A job's name is its class name; its data type sits beside it. */
export enum QueueName {
  /** Readiness probe: proves the queue backend answers. */
  Health = 'health',
  /** Placement requests: matching, offer expiry, the periodic sweep. */
  Placement = 'placement',
  /** Outbound webhook deliveries (issue 14): one job per try. */
  Webhooks = 'webhooks',
}

/** A queue or worker on either backend: job code only uses the API both share. */
export type AnyQueue<Data> = Queue<Data, unknown, string, Data, unknown, string, IQueueBackend, unknown>;
export type AnyWorker<Data> = Worker<Data, unknown, string, IQueueBackend, JobProgress, unknown>;

/**
 * Builds BullMQ queues and workers on the configured backend: Redis (production) or BullMQ's
 * PostgreSQL backend (zero-config, one database and nothing else). Same Queue/Worker API either way,
 * so job code never knows which one runs it. Closes everything it built on shutdown.
 */
@Injectable()
export class QueueFactory implements OnApplicationShutdown {
  private readonly closables: { close(): Promise<void> }[] = [];
  private readonly logger = new Logger('Queue');
  /** Each failed reconnect of each connection, said once per 30 s during an outage. */
  private readonly connectionWarnings = new RepeatedWarning((message) => this.logger.warn(message));
  private readonly jobLogger = new Logger('Job');
  private redis: Redis | undefined;
  private producerRedis: Redis | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  queue<Data = unknown>(name: QueueName, options: Omit<QueueOptions, 'connection'> = {}): AnyQueue<Data> {
    const queue =
      this.config.queueBackend === 'redis'
        ? new Queue<Data>(name, { ...options, connection: this.producerConnection(), prefix: this.config.namespace })
        : new Queue<Data, unknown, string, Data, unknown, string, PostgresQueueBackend, PostgresConnectionOptions>(
            name,
            { ...options, connection: this.postgresConnection() },
            createPostgresBackend,
          );
    this.track(queue, `queue ${name}`);
    return queue as unknown as AnyQueue<Data>;
  }

  worker<Data = unknown>(
    name: QueueName,
    processor: Processor<Data>,
    options: Omit<WorkerOptions, 'connection'> = {},
  ): AnyWorker<Data> {
    processor = this.correlated(processor);
    const worker =
      this.config.queueBackend === 'redis'
        ? // Workers block on their connection; BullMQ duplicates the one passed here for each worker.
          new Worker<Data>(name, processor, { ...options, connection: this.redisConnection(), prefix: this.config.namespace })
        : new Worker<Data, unknown, string, PostgresQueueBackend, JobProgress, PostgresConnectionOptions>(
            name,
            processor,
            { ...options, connection: this.postgresConnection() },
            createPostgresBackend,
          );
    this.track(worker, `worker ${name}`);
    return worker as unknown as AnyWorker<Data>;
  }

  /**
   * Closes a queue built here and forgets it (a probe's queue that failed, replaced by a new one).
   * Closing does not wait: a queue whose start failed may not answer its close either.
   */
  discard(queue: AnyQueue<unknown>): void {
    const index = this.closables.indexOf(queue);
    if (index >= 0) this.closables.splice(index, 1);
    queue.close().catch(() => undefined);
  }

  /**
   * Runs each job under the correlation id of the work that queued it (a new `job-…` id when none
   * came with it), so its log lines, and the jobs it queues in turn, carry that id; and writes one
   * line per job, like the API's one line per HTTP request.
   */
  private correlated<Data>(processor: Processor<Data>): Processor<Data> {
    return (job, token, signal) => {
      const correlationId = correlationIdOf(job.data) ?? newCorrelationId('job');
      return runWithCorrelationId(correlationId, async () => {
        const started = Date.now();
        try {
          const result = await processor(job, token, signal);
          this.jobLogger.log({ job: job.name, jobId: job.id, ms: Date.now() - started, msg: 'job done' });
          return result;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          this.jobLogger.warn({ job: job.name, jobId: job.id, ms: Date.now() - started, error: message, msg: 'job failed' });
          throw error;
        }
      });
    };
  }

  /**
   * A lost connection (a database restart, Redis going away) is logged, not thrown: BullMQ
   * reconnects, and an 'error' event without a listener would otherwise end the process.
   */
  private track(
    closable: { close(): Promise<void>; on(event: 'error', listener: (error: Error) => void): unknown },
    what: string,
  ): void {
    closable.on('error', (error: Error) => this.connectionWarnings.say(`${what}: ${error.message}`));
    this.closables.push(closable);
  }

  private redisConnection(): Redis {
    // BullMQ requires maxRetriesPerRequest: null on its connections (stack.md).
    this.redis ??= new Redis(this.config.redisUrl!, { maxRetriesPerRequest: null });
    return this.redis;
  }

  /**
   * Queues only add jobs: their connection fails a command fast while Redis is away (one reconnect
   * try, a command timeout) instead of keeping it until Redis returns, so nothing waits on an outage.
   * Workers keep the patient connection above (BullMQ needs maxRetriesPerRequest: null there).
   */
  private producerConnection(): Redis {
    if (!this.producerRedis) {
      this.producerRedis = new Redis(this.config.redisUrl!, {
        maxRetriesPerRequest: 1,
        commandTimeout: this.config.queueCallTimeoutMs,
      });
      this.producerRedis.on('error', (error: Error) => this.connectionWarnings.say(`queue connection: ${error.message}`));
    }
    return this.producerRedis;
  }

  private postgresConnection() {
    return {
      connectionString: this.config.databaseUrl!,
      schema: `${this.config.namespace}_jobs`,
      migrate: true,
      max: 4,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.closables.splice(0).map((closable) => closable.close()));
    await this.redis?.quit().catch(() => undefined);
    await this.producerRedis?.quit().catch(() => undefined);
  }
}
