import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CLOCK,
  type Clock,
  wallDelayMs,
  APP_CONFIG,
  type AppConfig,
  type CorrelatedJobData,
  withCorrelation,
  type AnyQueue,
  bounded,
  QueueFactory,
  QueueName,
} from '@opvangplek/platform';
import { Urgency } from '@opvangplek/domain';
import type { Job } from 'bullmq';

/** Job names on the placement queue; each job's data type sits beside it. */
export enum PlacementJob {
  MatchRequest = 'MatchRequestJob',
  ExpireOffer = 'ExpireOfferJob',
  /** Places came free at facilities of one kind in one region: try the requests waiting for them. */
  RetryWaiting = 'RetryWaitingJob',
  /** An ACUTE request's escalation deadline: escalated then if she still has no place to go (the sweep is the net). */
  EscalateIfUnreached = 'EscalateIfUnreachedJob',
  /** A planned action's window opens: its people become requests then (the sweep is the net). */
  StartPlannedAction = 'StartPlannedActionJob',
}

/**
 * Every job carries the correlation id of the request or sweep that queued it (its log lines' id),
 * and a delayed one the moment it is due in the service clock's time (set by `add`): a job that
 * runs before it is set again for the rest, and on a simulated clock whose speed changes its wall
 * delay is reckoned again (`retimeDelayed`).
 */
export interface PlacementJobBase extends CorrelatedJobData {
  dueAtMs?: number;
}
export interface MatchRequestJobData extends PlacementJobBase {
  requestId: string;
  attempt: number;
}
export interface ExpireOfferJobData extends PlacementJobBase {
  requestId: string;
  attempt: number;
}
export interface RetryWaitingJobData extends PlacementJobBase {
  type: string;
  regionCode: string;
  /** Who queued it (unique per call): tells a job this call added from one that was there already. */
  queuedBy: string;
}
export interface EscalateIfUnreachedJobData extends PlacementJobBase {
  requestId: string;
}
export interface StartPlannedActionJobData extends PlacementJobBase {
  actionId: string;
}
export type PlacementJobData =
  MatchRequestJobData | ExpireOfferJobData | RetryWaitingJobData | EscalateIfUnreachedJobData | StartPlannedActionJobData;

/**
 * How long after its deadline an escalation job runs: the job's wall delay is the deadline turned
 * into wall time, and a clock running faster than the wall (issue 19) may read a moment short of it.
 */
const ESCALATION_JOB_AFTER_DEADLINE_MS = 1_000;

const PRIORITY: Record<Urgency, number> = { [Urgency.ACUTE]: 1, [Urgency.URGENT]: 2, [Urgency.PLANNED]: 3 };
/** Below every new request's: a burst of re-tries never keeps a new request from its first match. */
const RETRY_PRIORITY = 10;
/** States in which a re-try job has not started reading yet, so a new change needs no job of its own. */
const PENDING_STATES = new Set(['waiting', 'prioritized', 'delayed', 'waiting-children']);

/**
 * Puts placement work on the queue. Job ids are deterministic (`match.<request>.<attempt>.<trigger>`),
 * so the same trigger never runs twice, and a handler re-checks the request's state anyway.
 * Retries back off exponentially; completed jobs are kept an hour (dedupe window), failures a week.
 * Delays are given in the service clock's time and turned into wall time here (a simulated clock runs faster).
 * An add waits at most QUEUE_CALL_TIMEOUT_MS: callers answer anyway, and the sweep re-queues what was lost.
 */
@Injectable()
export class PlacementQueue {
  readonly queue: AnyQueue<PlacementJobData>;

  constructor(
    queues: QueueFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.queue = queues.queue<PlacementJobData>(QueueName.Placement, {
      defaultJobOptions: {
        attempts: 6,
        backoff: { type: 'exponential', delay: 500 },
        removeOnComplete: { age: 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    });
  }

  async enqueueMatch(
    requestId: string,
    attempt: number,
    trigger: string,
    options: { delayMs?: number; urgency?: Urgency } = {},
  ): Promise<void> {
    const data: MatchRequestJobData = withCorrelation({ requestId, attempt });
    await this.add(PlacementJob.MatchRequest, data, {
      jobId: `match.${requestId}.${attempt}.${trigger}`,
      delayMs: options.delayMs,
      priority: options.urgency ? PRIORITY[options.urgency] : undefined,
    });
  }

  /**
   * The end of a place held for her: an offer nobody answered (`offer`), or an accepted place she
   * has not reached (`arrival`, a job of its own: the offer's job of the same attempt may still be
   * kept under its id), due at `dueAt` (the hold's end). The sweep is the net for both.
   */
  async enqueueExpiry(requestId: string, attempt: number, dueAt: Date, stage: 'offer' | 'arrival' = 'offer'): Promise<void> {
    const data: ExpireOfferJobData = withCorrelation({ requestId, attempt });
    const jobId = stage === 'offer' ? `expire.${requestId}.${attempt}` : `expire.${requestId}.${attempt}.arrival`;
    await this.add(PlacementJob.ExpireOffer, data, { jobId, dueAt });
  }

  /**
   * The escalation of an ACUTE request at its `deadline`, on time rather than at the next sweep:
   * the chain's promise is a place to go or an escalation within 15 minutes.
   */
  async enqueueEscalation(requestId: string, deadline: Date): Promise<void> {
    const data: EscalateIfUnreachedJobData = withCorrelation({ requestId });
    await this.add(PlacementJob.EscalateIfUnreached, data, {
      jobId: `escalate.${requestId}`,
      dueAt: new Date(deadline.getTime() + ESCALATION_JOB_AFTER_DEADLINE_MS),
      priority: PRIORITY[Urgency.ACUTE],
    });
  }

  /**
   * A planned action's start, at the window's opening rather than at the next sweep: its people's
   * first contact is then, and the chain's 15 minutes run from it.
   */
  async enqueueActionStart(actionId: string, startsAt: Date): Promise<void> {
    const data: StartPlannedActionJobData = withCorrelation({ actionId });
    await this.add(PlacementJob.StartPlannedAction, data, {
      // One id per start: a window moved later gets a job of its own.
      jobId: `start-action.${actionId}.${startsAt.getTime()}`,
      delayMs: startsAt.getTime() - this.clock.now().getTime(),
      priority: PRIORITY[Urgency.ACUTE],
    });
  }

  /**
   * A delayed job that ran before it was due (a clock that slowed down after it was set; another
   * process's clock a moment behind) is set again for the rest of its wait, under the next step's
   * id, so a retry of this run adds nothing twice.
   */
  async setAgain(job: Job<PlacementJobData>): Promise<void> {
    const { dueAtMs, ...data } = job.data;
    const step = /^(.*)\.again(\d+)$/.exec(job.id ?? '');
    await this.add(job.name as PlacementJob, data, {
      jobId: step ? `${step[1]}.again${Number(step[2]) + 1}` : `${job.id}.again1`,
      delayMs: (dueAtMs ?? 0) - this.clock.now().getTime(),
      priority: job.opts.priority,
    });
  }

  /**
   * Reckons every delayed job's wall delay again from its due moment: called when a simulated
   * clock's speed changes (issue 19), since a wall delay is reckoned at the speeds known when it is
   * set. A job promoted or taken meanwhile is left as it is. Returns how many were set again.
   */
  async retimeDelayed(): Promise<number> {
    const jobs = (await bounded(
      this.queue.getDelayed(),
      this.config.queueCallTimeoutMs,
      'read delayed jobs',
    )) as Job<PlacementJobData>[];
    const now = this.clock.now().getTime();
    let retimed = 0;
    for (const job of jobs) {
      if (job?.data?.dueAtMs === undefined) continue; // a retry's back-off: wall time, not the clock's
      try {
        await job.changeDelay(Math.round(wallDelayMs(this.clock, job.data.dueAtMs - now)));
        retimed++;
      } catch {
        // Promoted, taken or removed since it was read: it runs (or ran) as it was.
      }
    }
    return retimed;
  }

  /**
   * Adds one job with a deterministic id, its delay given in the service clock's time (turned into
   * wall time here, and kept as the due moment in its data), waiting at most QUEUE_CALL_TIMEOUT_MS
   * for the queue.
   */
  private async add(
    name: PlacementJob,
    data: PlacementJobData,
    /**
     * `dueAt`: the moment the job is for, in the service clock's time; the delay is counted from the
     * moment it is added, which after a commit is a little later than when the moment was decided
     * (at a simulated clock's speed, minutes). `delayMs`: from now.
     */
    options: { jobId: string; dueAt?: Date; delayMs?: number; priority?: number },
  ): Promise<void> {
    const now = this.clock.now().getTime();
    const delayMs = Math.max(0, options.dueAt ? options.dueAt.getTime() - now : (options.delayMs ?? 0));
    await bounded(
      this.queue.add(name, delayMs > 0 ? { ...data, dueAtMs: now + delayMs } : data, {
        jobId: options.jobId,
        // Whole milliseconds: the PostgreSQL backend stores a delay as a bigint.
        delay: Math.round(wallDelayMs(this.clock, delayMs)),
        priority: options.priority,
      }),
      this.config.queueCallTimeoutMs,
      `enqueue ${options.jobId}`,
    );
  }

  /**
   * One re-try job per kind and region while one is pending (its id is `retry.<kind>.<region>`;
   * gone once it ran, so the next change makes a new one, however soon). A change while that job
   * already runs gets one follow-up job per run (it may have read the counts before the change).
   * Each queue call is bounded like every enqueue after commit: a silent Redis never holds an answer.
   */
  async enqueueRetry(type: string, regionCode: string): Promise<void> {
    const data: RetryWaitingJobData = withCorrelation({ type, regionCode, queuedBy: randomUUID() });
    const jobId = `retry.${type}.${regionCode}`;
    const options = { priority: RETRY_PRIORITY, removeOnComplete: true, removeOnFail: true, attempts: 3 };
    const call = <T>(work: Promise<T>, what: string) => bounded(work, this.config.queueCallTimeoutMs, `${what} ${jobId}`);
    for (let round = 0; round < 3; round++) {
      await call(this.queue.add(PlacementJob.RetryWaiting, data, { ...options, jobId }), 'enqueue');
      const job = (await call(this.queue.getJob(jobId), 'read')) as Job<RetryWaitingJobData> | undefined;
      if (!job) continue; // it finished between the two calls: add it again
      const state = await call(job.getState(), 'read state of');
      // Ours (it reads the counts after this change), or one that has not read them yet.
      if (job.data.queuedBy === data.queuedBy || PENDING_STATES.has(state)) return;
      if (state === 'active') {
        const followUp = `${jobId}.after.${job.processedOn ?? 0}`;
        await call(this.queue.add(PlacementJob.RetryWaiting, data, { ...options, jobId: followUp }), 'enqueue follow-up of');
        return;
      }
    }
  }
}
