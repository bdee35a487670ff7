import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  bedenktijdAlertHorizon,
  EscalationCause,
  type PlacementNote,
  placementNote,
  PlacementNoteCode,
  PlacementStatus,
  STAY_ALERT_BEFORE_MS,
  Urgency,
  WebhookEventType,
} from '@opvangplek/domain';
import { CLOCK, type Clock, APP_CONFIG, type AppConfig } from '@opvangplek/platform';
import { In, IsNull, LessThanOrEqual, Not, Raw } from 'typeorm';
import { notify, SYSTEM_ACTOR } from '../placement-changes';
import { PlacementQueue } from '../placement-queue';
import type { PlacementRequestEntity } from '../placement-request.entity';
import { PlacementRepository } from '../placement.repository';
import { PlacementLifecycle } from '../workflow/lifecycle';
import { escalate, escalateNoPlaceInTime } from '../workflow/escalation';
import { CapacityDriftJob } from './capacity-drift.job';
import { RetentionJob } from './retention.job';
import { PlannedActionRunner } from '../planned-actions/planned-action-runner';

/** Advisory lock: one sweep at a time across every worker process. */
const SWEEP_LOCK_KEY = 4_207_193_010;
/** A request waiting for capacity is re-tried at least this often, in case an event was missed. */
const CAPACITY_RETRY_MS = 5 * 60_000;

export interface SweepReport {
  lapsed: number;
  due: number;
  reconciled: number;
  escalated: number;
  alerts: number;
  overstays: number;
  erased: number;
  /** Implicit-retry keys past their window, cleared. */
  retryKeysCleared: number;
  /** Requests and history notes moved to the current NOTES_KEY after a rotation. */
  resealed: number;
  /** Planned actions whose window started (their people are requests now) and ended (unused places given back). */
  actionsStarted: number;
  actionsEnded: number;
  /** Capacity counts set to what the ledger proves, and drift it could not settle (capacity-drift.check.ts). */
  driftRepaired: number;
  driftUnrepaired: number;
}

/** What a sweep did, in words for its log line (only what it did); null when it did nothing. */
export function describeSweep(report: SweepReport): string | null {
  const done = Object.entries(report).filter(([, count]) => count > 0);
  return done.length > 0 ? `sweep: ${done.map(([what, count]) => `${what} ${count}`).join(', ')}` : null;
}

/** What time and lost messages would otherwise leave undone. */
@Injectable()
export class SweepJob {
  private readonly logger = new Logger(SweepJob.name);

  constructor(
    private readonly repository: PlacementRepository,
    private readonly lifecycle: PlacementLifecycle,
    private readonly retention: RetentionJob,
    private readonly queue: PlacementQueue,
    private readonly plannedActions: PlannedActionRunner,
    private readonly drift: CapacityDriftJob,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs periodically in the worker (and on demand in tests, with a fixed clock). Under an advisory
   * lock, so one process sweeps at a time. Enqueues with deterministic ids, so overlapping sweeps
   * and the original jobs never double up.
   */
  async sweep(): Promise<SweepReport> {
    const started = performance.now();
    const now = this.clock.now();
    const report = {
      lapsed: 0,
      due: 0,
      reconciled: 0,
      escalated: 0,
      alerts: 0,
      overstays: 0,
      erased: 0,
      retryKeysCleared: 0,
      resealed: 0,
      actionsStarted: 0,
      actionsEnded: 0,
      driftRepaired: 0,
      driftUnrepaired: 0,
    };
    // Under the lock only what must not run twice at once, and reads: what to queue is collected and
    // queued after the lock's transaction commits, so an unanswering Redis never holds the lock.
    const lostAfterMs = this.config.placement.reconcileAfterSeconds * 1000;
    // Job ids only (one re-queue per request and period): wall time, like the jobs themselves.
    const bucket = Math.floor(Date.now() / lostAfterMs);
    const toQueue: { request: PlacementRequestEntity; trigger: string }[] = [];
    let lapsed: PlacementRequestEntity[] = [];
    const locked = await this.repository.underAdvisoryLock(SWEEP_LOCK_KEY, async (manager) => {
      // Planned actions first: at a window's start its people take their reserved places before anyone else is matched.
      const actions = await this.plannedActions.runDue();
      report.actionsStarted = actions.started;
      report.actionsEnded = actions.ended;
      lapsed = await this.repository.lapsedOffers(manager, now);

      const due = await this.repository.dueWaiting(manager, now);
      // Not the delayed job's own id (`due-<at>`): while that job exists (still delayed, or
      // completed and kept for the dedupe window) re-adding it is a silent no-op, so a due request
      // its delayed job did not place (it ran a moment early and waited again under the same id;
      // its delay is wall time while decisions use the app clock) would stay WAITING. A per-bucket
      // id adds at most one job per request and bucket; handlers re-check state, so that is harmless.
      for (const request of due) toQueue.push({ request, trigger: `due-${request.nextAttemptAt!.getTime()}-sweep-${bucket}` });
      report.due = due.length;

      const lost = await this.repository.lost(manager, lostAfterMs, CAPACITY_RETRY_MS);
      for (const request of lost) toQueue.push({ request, trigger: `sweep-${bucket}` });
      report.reconciled = lost.length;
    });
    if (!locked) return report;

    // Each expiry re-checks the offer's attempt under its row lock, so a second sweep cannot expire one twice.
    for (const request of lapsed) {
      report.lapsed += (await this.lifecycle.expireOffer(request.id, request.attempt)) ? 1 : 0;
    }
    // Together, each bounded by QUEUE_CALL_TIMEOUT_MS: one that is not queued now is found again by the next sweep.
    await Promise.all(
      toQueue.map(({ request, trigger }) =>
        this.queue.enqueueMatch(request.id, request.attempt, trigger, { urgency: request.urgency }).catch(() => undefined),
      ),
    );

    report.escalated += await this.escalateOverdue(now);
    // An onward request still without a place when her interim stay ends is stuck: the interim place
    // was for "een korte periode" (002:765-767), so it escalates like an acute request (domain.md §5a).
    report.escalated += await this.flagAll(
      {
        status: In([PlacementStatus.RECEIVED, PlacementStatus.MATCHING, PlacementStatus.WAITING]),
        escalated: false,
        bridgeRequestId: Raw(
          (column) => `${column} IN (SELECT id FROM placement_requests WHERE status = 'PLACED' AND stay_ends_at <= :now)`,
          {
            now,
          },
        ),
      },
      (request) =>
        placementNote(
          PlacementNoteCode.ESCALATED,
          escalate(request, now, EscalationCause.INTERIM_STAY_ENDED, { requestId: request.bridgeRequestId! }),
        ),
      WebhookEventType.ESCALATED,
    );
    report.alerts = await this.flagAll(
      {
        status: PlacementStatus.PLACED,
        stayAlertAt: IsNull(),
        stayEndsAt: LessThanOrEqual(new Date(now.getTime() + STAY_ALERT_BEFORE_MS)),
      },
      (request) => {
        request.stayAlertAt = now;
        return placementNote(PlacementNoteCode.STAY_ENDS, { at: request.stayEndsAt! });
      },
      WebhookEventType.STAY_ENDING,
    );
    // Her bedenktijd (at most three months, 003:661) ends soon: warned once, by the first sweep
    // that finds it due (the flag is set under the row lock, re-checked there).
    report.alerts += await this.flagAll(
      {
        status: Not(In([PlacementStatus.ENDED, PlacementStatus.CANCELLED])),
        bedenktijdAlerted: false,
        bedenktijdEndsAt: LessThanOrEqual(bedenktijdAlertHorizon(now, this.config.placement.bedenktijdAlertDays)),
        // One person, one warning: while she is still in the stay a transfer follows, the stay warns.
        bridgeRequestId: Raw(
          (column) => `(${column} IS NULL OR ${column} NOT IN (SELECT id FROM placement_requests WHERE status = 'PLACED'))`,
        ),
      },
      (request) => {
        request.bedenktijdAlerted = true;
        return placementNote(PlacementNoteCode.BEDENKTIJD_ENDING, { at: request.bedenktijdEndsAt! });
      },
      WebhookEventType.BEDENKTIJD_ENDING,
    );
    report.erased = await this.retention.eraseExpiredProfiles();
    report.retryKeysCleared = await this.retention.clearExpiredRetryKeys();
    report.resealed = await this.retention.resealUnderCurrentKey();
    // A group's accepted share that never arrived gives its places back (the others stay placed).
    for (const hold of await this.repository.overdueShares(now)) {
      report.lapsed += (await this.lifecycle.releaseOverdueShare(hold.id, hold.requestId)) ? 1 : 0;
    }
    report.overstays = await this.flagAll(
      { status: PlacementStatus.PLACED, overstay: false, stayEndsAt: LessThanOrEqual(now) },
      (request) => {
        request.overstay = true;
        return placementNote(PlacementNoteCode.OVERSTAY, { at: request.stayEndsAt! });
      },
    );
    // Last: a repair that frees places re-tries those waiting, after everything above has settled.
    const drift = await this.drift.run();
    report.driftRepaired = drift.repaired.length;
    report.driftUnrepaired = drift.unrepaired.length;
    // Operators alert on its age (`opvangplek_sweep_last_finished_age_seconds`); a record that fails is not the sweep's failure.
    await this.repository
      .recordSweep('placement', performance.now() - started, { ...report })
      .catch((error: Error) => this.logger.warn(`sweep not recorded: ${error.message}`));
    return report;
  }

  /**
   * One planned action's start, by its own job at the window's opening: under the sweep's lock
   * (waited for), so the job and a sweep never start one at once; a sweep that started it first
   * leaves nothing to do.
   */
  async startPlannedAction(actionId: string): Promise<boolean> {
    let started = false;
    await this.repository.underAdvisoryLock(
      SWEEP_LOCK_KEY,
      async () => {
        started = await this.plannedActions.start(actionId);
      },
      { wait: true },
    );
    return started;
  }

  /**
   * ACUTE requests still without a place to go ESCALATE_AFTER_MINUTES after they came in (003:497):
   * every such request (the sweep), or one (its own deadline's job). The row lock re-checks the
   * condition, so the job and a sweep never escalate one twice. The same rule as `escalationDue`
   * (escalation-due.ts), which the workflow applies to the one request it changes.
   */
  async escalateOverdue(now: Date, requestId?: string): Promise<number> {
    const escalateBefore = new Date(now.getTime() - this.config.placement.escalateAfterMinutes * 60_000);
    const acuteTooLong = {
      ...(requestId ? { id: requestId } : {}),
      urgency: Urgency.ACUTE,
      escalated: false,
      createdAt: LessThanOrEqual(escalateBefore),
      // Not an onward request: the person has the interim place its bridge holds (a noodbed on
      // Saturday night waits for Monday by design). Without a place, the bridge request itself
      // is matched again and escalates on its own.
      bridgeRequestId: IsNull(),
    };
    let escalated = 0;
    for (const where of [
      { ...acuteTooLong, status: In([PlacementStatus.RECEIVED, PlacementStatus.MATCHING, PlacementStatus.WAITING]) },
      // An offer no shelter has accepted is no place to go yet: whoever is with her is still waiting
      // for one ("het niet pro-actief kunnen regelen van een opvanglocatie", 003:497). The offer a
      // noodbed call's answer named is one, until it is withdrawn (which bumps the attempt).
      { ...acuteTooLong, status: PlacementStatus.OFFERED, toldAttempt: Raw((column) => `${column} IS DISTINCT FROM "attempt"`) },
    ]) {
      escalated += await this.flagAll(
        where,
        (request) => escalateNoPlaceInTime(request, now, this.config.placement.escalateAfterMinutes),
        WebhookEventType.ESCALATED,
      );
    }
    return escalated;
  }

  /** Flags each request still matching `where` in its own transaction, with a history note, and tells whom `notice` concerns. */
  private async flagAll(
    where: object,
    flag: (request: PlacementRequestEntity) => PlacementNote,
    notice?: WebhookEventType,
  ): Promise<number> {
    const ids = await this.repository.idsWhere(where);
    let count = 0;
    for (const id of ids) {
      const done = await this.repository.inTransaction(async (manager, changes) => {
        const request = await this.repository.lockWhere(manager, id, where);
        if (!request) return false;
        const note = flag(request);
        await this.repository.persist(manager, request);
        await this.repository.record(manager, request, request.status, SYSTEM_ACTOR, note, changes.records);
        if (notice) notify(changes, request, notice, this.clock.now());
        changes.requests.push(request);
        return true;
      });
      count += done ? 1 : 0;
    }
    return count;
  }
}
