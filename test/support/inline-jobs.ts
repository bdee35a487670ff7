/**
 * The queue and event backends of the medium tier (test/support/medium-harness.ts): in memory, in
 * the test's own process, and run only when the test says so. The job code is the production code
 * (PlacementQueue adds, PlacementProcessor handles): only the transport is replaced, so a spec runs
 * a request's jobs to the end with `settle()` instead of polling for a status.
 *
 * What BullMQ's semantics the workflow relies on are kept: a job id already present (waiting,
 * delayed or completed and kept) is not added twice; `removeOnComplete: true` forgets a job once it
 * ran; a delay is counted on the service clock (a delayed job becomes due when the test moves the
 * clock past it, as the real one would fire then); a failed job is tried again up to `attempts`.
 */
import {
  type EventBus,
  type EventChannel,
  type EventHandler,
  encodeEvent,
  LocalFanOut,
  type Clock,
  correlationIdOf,
  newCorrelationId,
  runWithCorrelationId,
  type QueueName,
} from '@opvangplek/platform';
import type { Job, JobsOptions, Processor } from 'bullmq';

type JobState = 'waiting' | 'prioritized' | 'delayed' | 'active' | 'completed' | 'failed';

interface InlineJob {
  id: string;
  name: string;
  data: unknown;
  opts: JobsOptions;
  queue: string;
  dueAt: number;
  order: number;
  state: JobState;
  attemptsMade: number;
  processedOn?: number;
  failedReason?: string;
}

/** A job as the handlers read it (the fields of BullMQ's Job they use). */
function jobView(job: InlineJob): Job {
  return {
    id: job.id,
    name: job.name,
    data: job.data,
    opts: job.opts,
    get attemptsMade() {
      return job.attemptsMade;
    },
    get processedOn() {
      return job.processedOn;
    },
    getState: async () => job.state,
  } as unknown as Job;
}

let sequence = 0;

/**
 * Stands in for the platform's QueueFactory (overridden in the testing module): `queue()` and
 * `worker()` return in-memory objects with the part of BullMQ's API the service uses.
 */
export class InlineQueues {
  private readonly jobs = new Map<string, InlineJob>();
  private readonly processors = new Map<string, Processor>();
  private readonly defaults = new Map<string, JobsOptions>();
  /** Jobs that failed every attempt, in order: `settle()` fails with the first. */
  readonly failed: { queue: string; name: string; id: string; error: string }[] = [];

  constructor(private readonly clock: Clock) {}

  queue(name: QueueName, options: { defaultJobOptions?: JobsOptions } = {}) {
    this.defaults.set(name, options.defaultJobOptions ?? {});
    return {
      name,
      add: async (jobName: string, data: unknown, opts: JobsOptions = {}) => this.add(name, jobName, data, opts),
      getJob: async (id: string) => {
        const job = this.jobs.get(this.key(name, id));
        return job ? jobView(job) : undefined;
      },
      getJobCounts: async () => this.counts(name),
      on: () => undefined,
      close: async () => undefined,
    };
  }

  worker(name: QueueName, processor: Processor) {
    if (this.processors.has(name)) throw new Error(`two workers for the inline queue ${name}: the harness runs one`);
    this.processors.set(name, processor);
    return { on: () => undefined, close: async () => void this.processors.delete(name) };
  }

  /** Jobs not yet run, by queue and name (a spec may check that something was, or was not, queued). */
  pending(queue?: string): { queue: string; name: string; id: string; dueAt: Date; data: unknown }[] {
    return [...this.jobs.values()]
      .filter((job) => (queue === undefined || job.queue === queue) && ['waiting', 'prioritized', 'delayed'].includes(job.state))
      .sort((a, b) => a.order - b.order)
      .map((job) => ({ queue: job.queue, name: job.name, id: job.id, dueAt: new Date(job.dueAt), data: job.data }));
  }

  /**
   * Runs every job that is due on the service clock, one at a time, until none is left (the jobs a
   * job adds included), the way the worker would drain its queue with the clock standing still.
   * Jobs on a queue without a worker in the testing module (webhook deliveries) are left. Returns
   * how many ran; fails with the first job that failed every attempt.
   */
  async settle(limit = 500): Promise<number> {
    let ran = 0;
    for (;;) {
      // Lets work started by an event (the re-try a freed place queues) reach the queue first.
      await new Promise((resolve) => setImmediate(resolve));
      const job = this.nextDue();
      if (!job) break;
      if (++ran > limit) throw new Error(`more than ${limit} jobs in one settle(): a job keeps queueing another`);
      await this.run(job);
    }
    const failure = this.failed[0];
    if (failure) throw new Error(`job ${failure.name} ${failure.id} failed every attempt: ${failure.error}`);
    return ran;
  }

  private key(queue: string, id: string): string {
    return `${queue}\u0000${id}`;
  }

  private add(queue: string, name: string, data: unknown, given: JobsOptions) {
    const opts = { ...this.defaults.get(queue), ...given };
    const id = opts.jobId ?? `${++sequence}`;
    const existing = this.jobs.get(this.key(queue, id));
    if (existing) return jobView(existing); // BullMQ: an id already present is not added again
    const delay = opts.delay ?? 0;
    const job: InlineJob = {
      id,
      name,
      // As it would travel: serialised, so a handler never shares an object with the code that queued it.
      data: JSON.parse(JSON.stringify(data)),
      opts,
      queue,
      dueAt: this.clock.now().getTime() + delay,
      order: ++sequence,
      state: delay > 0 ? 'delayed' : opts.priority ? 'prioritized' : 'waiting',
      attemptsMade: 0,
    };
    this.jobs.set(this.key(queue, id), job);
    return jobView(job);
  }

  private nextDue(): InlineJob | undefined {
    const now = this.clock.now().getTime();
    return [...this.jobs.values()]
      .filter(
        (job) => ['waiting', 'prioritized', 'delayed'].includes(job.state) && job.dueAt <= now && this.processors.has(job.queue),
      )
      .sort((a, b) => (a.opts.priority ?? 0) - (b.opts.priority ?? 0) || a.dueAt - b.dueAt || a.order - b.order)[0];
  }

  private async run(job: InlineJob): Promise<void> {
    const processor = this.processors.get(job.queue)!;
    job.state = 'active';
    job.processedOn = Date.now();
    try {
      await runWithCorrelationId(correlationIdOf(job.data) ?? newCorrelationId('job'), () => processor(jobView(job), 'inline'));
      job.state = 'completed';
      if (job.opts.removeOnComplete === true) this.jobs.delete(this.key(job.queue, job.id));
    } catch (error) {
      job.attemptsMade += 1;
      job.failedReason = error instanceof Error ? error.message : String(error);
      if (job.attemptsMade < (job.opts.attempts ?? 1)) {
        job.state = 'waiting'; // tried again in this settle (the backoff is wall time the test does not wait)
        return;
      }
      job.state = 'failed';
      this.failed.push({ queue: job.queue, name: job.name, id: job.id, error: job.failedReason });
      if (job.opts.removeOnFail === true) this.jobs.delete(this.key(job.queue, job.id));
    }
  }

  private counts(queue: string): Record<JobState, number> {
    const counts: Record<JobState, number> = { waiting: 0, prioritized: 0, delayed: 0, active: 0, completed: 0, failed: 0 };
    for (const job of this.jobs.values()) if (job.queue === queue) counts[job.state] += 1;
    return counts;
  }
}

/**
 * The event bus in one process: a publish reaches this process's subscribers before it returns (the
 * PostgreSQL and Redis buses deliver a moment later, which a spec would have to wait for).
 */
export class InlineEventBus implements EventBus {
  private readonly fanOut = new LocalFanOut();
  /** Every payload published, by channel, in order. */
  readonly published: { channel: EventChannel; payload: object }[] = [];

  async publish(channel: EventChannel, payload: object): Promise<void> {
    this.published.push({ channel, payload });
    this.fanOut.deliver(channel, encodeEvent(payload));
  }

  async subscribe(channel: EventChannel, handler: EventHandler): Promise<() => Promise<void>> {
    this.fanOut.add(channel, handler);
    return async () => void this.fanOut.remove(channel, handler);
  }

  async close(): Promise<void> {}
}
