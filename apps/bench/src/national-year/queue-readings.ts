/**
 * What the placement queue did for one request, read from the simulation's own Redis namespace:
 * when each of its jobs was added, started and finished, and how often it failed, in simulated
 * minutes after her first contact. It explains a wait the history alone does not (a request back
 * in MATCHING for half an hour is a job that waited, failed and backed off, or was never added).
 * Jobs are kept an hour after they finish (placement-queue.ts), longer than a quick run.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueName } from '@opvangplek/platform';

const MINUTE_MS = 60_000;

export class QueueReadings {
  private readonly connection: Redis;
  private readonly queue: Queue;

  constructor(
    redisUrl: string,
    private readonly namespace: string,
    /** The simulated moment of a wall moment of the run (its speed changes included). */
    private readonly simulatedAt: (wallMs: number) => number,
  ) {
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
    this.queue = new Queue(QueueName.Placement, { connection: this.connection, prefix: namespace });
  }

  /** One line per job of the request: `<id> added +m, started +m, finished +m (ran n wall ms) (n attempts, failed: reason)`. */
  async jobsOf(requestId: string, contactMs: number): Promise<string[]> {
    const keys = new Set<string>();
    let cursor = '0';
    do {
      const [next, found] = await this.connection.scan(
        cursor,
        'MATCH',
        `${this.namespace}:${QueueName.Placement}:*${requestId}*`,
        'COUNT',
        1000,
      );
      for (const key of found) keys.add(key.slice(`${this.namespace}:${QueueName.Placement}:`.length).replace(/:logs$/, ''));
      cursor = next;
    } while (cursor !== '0');
    const minutes = (wallMs: number | undefined) =>
      wallMs ? `+${((this.simulatedAt(wallMs) - contactMs) / MINUTE_MS).toFixed(1)}` : '—';
    const lines: { at: number; text: string }[] = [];
    for (const id of keys) {
      const job = await this.queue.getJob(id);
      if (!job) continue;
      // A delayed job's due moment in the service clock's time (placement-queue.ts; its wall delay may be set again).
      const dueAtMs = (job.data as { dueAtMs?: number }).dueAtMs;
      lines.push({
        at: job.timestamp,
        text:
          `${id.replace(requestId, '<id>')} added ${minutes(job.timestamp)}` +
          `${dueAtMs !== undefined ? ` due +${((dueAtMs - contactMs) / MINUTE_MS).toFixed(1)}` : ''}, started ${minutes(job.processedOn)}, finished ${minutes(job.finishedOn)}` +
          `${job.processedOn && job.finishedOn ? ` (ran ${job.finishedOn - job.processedOn} wall ms)` : ''}` +
          `${job.attemptsMade > 1 || job.failedReason ? ` (${job.attemptsMade} attempts${job.failedReason ? `, failed: ${job.failedReason.slice(0, 80)}` : ''})` : ''}`,
      });
    }
    return lines.sort((a, b) => a.at - b.at).map((line) => line.text);
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }
}
