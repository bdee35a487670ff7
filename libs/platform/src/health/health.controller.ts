import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public } from '../http/public.decorator';
import { QueueFactory, QueueName } from '../queue/queue-factory';
import { QueueProbe } from '../queue/queue-probe';

/** How long a readiness probe waits for a dependency before calling it down. */
const PROBE_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS).unref(),
    ),
  ]);
}

type Dependency = 'up' | 'down';

/**
 * `/health`: the process is up. `/ready`: it can take requests. That needs the database (where a
 * request is written before anything else), not the queue: with the queue down a request is still
 * stored and the sweep queues it once the queue is back, so `/ready` stays 200 and says `degraded`
 * with the queue down; a load balancer keeps sending requests, an operator sees what is wrong.
 */
@Public()
@Controller()
export class HealthController {
  /** Opened anew after a failed probe, as `/metrics`'s queue probes are (issue 15, F4): both say the same. */
  private readonly probeQueue: QueueProbe;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    queues: QueueFactory,
  ) {
    this.probeQueue = new QueueProbe(queues, QueueName.Health, PROBE_TIMEOUT_MS);
  }

  @Get('health')
  @HttpCode(HttpStatus.OK)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ready' | 'degraded'; database: Dependency; queue: Dependency }> {
    const [database, queue] = await Promise.allSettled([
      withTimeout(this.dataSource.query('SELECT 1'), 'database'),
      this.probeQueue.read((queue) => queue.getJobCounts('waiting')),
    ]);
    const state = {
      database: database.status === 'fulfilled' ? 'up' : 'down',
      queue: queue.status === 'fulfilled' ? 'up' : 'down',
    } as const;
    if (state.database === 'down') throw new HttpException({ status: 'not ready', ...state }, HttpStatus.SERVICE_UNAVAILABLE);
    return { status: state.queue === 'up' ? 'ready' : 'degraded', ...state };
  }
}
