import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public } from '../http/public.decorator';
import { QueueFactory, QueueName } from '../queue/queue-factory';
import type { AnyQueue } from '../queue/queue-factory';

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

/** `/health`: the process is up. `/ready`: it can do its work (database and queue answer). */
@Public()
@Controller()
export class HealthController {
  private readonly probeQueue: AnyQueue<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    queues: QueueFactory,
  ) {
    this.probeQueue = queues.queue(QueueName.Health);
  }

  @Get('health')
  @HttpCode(HttpStatus.OK)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ready'; database: 'up'; queue: 'up' }> {
    const [database, queue] = await Promise.allSettled([
      withTimeout(this.dataSource.query('SELECT 1'), 'database'),
      withTimeout(this.probeQueue.getJobCounts('waiting'), 'queue'),
    ]);
    if (database.status === 'rejected' || queue.status === 'rejected') {
      throw new HttpException(
        {
          status: 'not ready',
          database: database.status === 'fulfilled' ? 'up' : 'down',
          queue: queue.status === 'fulfilled' ? 'up' : 'down',
        },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    return { status: 'ready', database: 'up', queue: 'up' };
  }
}
