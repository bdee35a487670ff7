import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Viewer } from '@opvangplek/access';
import { outlineProfile, PlacementStatus, PlannedActionStatus } from '@opvangplek/domain';
import { CLOCK, type Clock, AppError } from '@opvangplek/platform';
import { RegisterReader } from '@opvangplek/capacity';
import { SYSTEM_ACTOR } from '../placement-changes';
import { PlacementQueue } from '../placement-queue';
import type { PlacementRequestEntity } from '../placement-request.entity';
import { PlacementRequestsService } from '../placement-requests.service';
import { PlacementRepository } from '../placement.repository';
import { PlacementLifecycle } from '../workflow/lifecycle';
import { PlacementOffer, PlacesTakenMeanwhile } from '../workflow/offer';
import { PlannedActionRepository, type PlannedActionRow } from './planned-action.repository';

/** Requests of an action that no shelter has taken on yet: at the end (or a cancellation) they were not used. */
const NOT_YET_ACCEPTED = [PlacementStatus.RECEIVED, PlacementStatus.MATCHING, PlacementStatus.WAITING, PlacementStatus.OFFERED];

/** The planner as the requests of their action name them (requester, history, who may cancel). */
function plannerOf(action: PlannedActionRow): Viewer {
  return {
    sub: action.plannedBy,
    role: action.plannedByRole,
    org: action.plannedByOrg,
    regions: action.plannedByRegions,
    facilityIds: [],
  };
}

/**
 * What time does to a planned action (run by the sweep, under its advisory lock, so one process at
 * a time; every step is also idempotent on its own): at the window's start each expected person
 * becomes a placement request that takes a reserved place first; at its end what was not used is
 * given back.
 */
@Injectable()
export class PlannedActionRunner {
  private readonly logger = new Logger(PlannedActionRunner.name);

  constructor(
    private readonly actions: PlannedActionRepository,
    private readonly placements: PlacementRepository,
    private readonly requests: PlacementRequestsService,
    private readonly offers: PlacementOffer,
    private readonly lifecycle: PlacementLifecycle,
    private readonly queue: PlacementQueue,
    private readonly register: RegisterReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Starts and ends what is due; returns how many actions started and ended. */
  async runDue(): Promise<{ started: number; ended: number }> {
    const now = this.clock.now();
    let started = 0;
    let ended = 0;
    for (const id of await this.actions.dueToEnd(now)) ended += (await this.end(id)) ? 1 : 0;
    for (const id of await this.actions.dueToStart(now)) started += (await this.start(id)) ? 1 : 0;
    return { started, ended };
  }

  /**
   * Turns the action into one request per expected person. A re-run (a crash half-way, a second
   * process) finds each request by its reference and each reserved place already taken, so nothing
   * doubles.
   */
  async start(actionId: string): Promise<boolean> {
    const action = await this.actions.transaction((manager) => this.actions.lockAction(manager, actionId));
    // Not before its window (a caller other than runDue, a job that ran early): the places stay reservations.
    if (!action || action.status !== PlannedActionStatus.PLANNED || action.startsAt > this.clock.now()) return false;
    const planner = plannerOf(action);
    for (const [outlineIndex, outline] of action.outlines.entries()) {
      for (let personIndex = 0; personIndex < outline.count; personIndex++) {
        const request = await this.requests.openForPlannedAction(planner, {
          profile: outlineProfile(outline),
          regionCode: action.regionCode,
          clientReference: `planned-action:${action.id}:${outlineIndex}:${personIndex}`,
        });
        await this.actions.linkRequest(action.id, outlineIndex, personIndex, request.id);
        await this.placeInReservedPlace(action, outlineIndex, request);
      }
    }
    await this.actions.transaction(async (manager) => {
      const locked = await this.actions.lockAction(manager, actionId);
      if (locked?.status === PlannedActionStatus.PLANNED)
        await this.actions.setStatus(manager, actionId, PlannedActionStatus.STARTED, this.clock.now());
    });
    return true;
  }

  /**
   * Offers a new request one of its outline's reserved places (the shelter answers as to any offer);
   * without one left that can still be held (outside the window a reserved place was free for
   * everyone; another action's overlapping reservation may have converted first), the request is
   * matched like any other.
   */
  private async placeInReservedPlace(
    action: PlannedActionRow,
    outlineIndex: number,
    fresh: PlacementRequestEntity,
  ): Promise<void> {
    if (fresh.status !== PlacementStatus.RECEIVED || fresh.attempt !== 0) return;
    const now = this.clock.now();
    let tried: string | null = null;
    const take = async () =>
      this.placements.inTransaction(async (manager, changes) => {
        const request = await this.placements.lock(manager, fresh.id);
        if (!request || request.status !== PlacementStatus.RECEIVED || request.attempt !== 0) return 'done' as const;
        const reservation = await this.actions.takeReservedPlace(manager, action.id, outlineIndex);
        if (!reservation) return 'none' as const;
        tried = reservation.id;
        const facilities = new Map((await this.register.load({ ids: [reservation.facilityId] })).map((f) => [f.id, f]));
        await this.placements.transition(manager, changes, request, PlacementStatus.MATCHING, SYSTEM_ACTOR, null);
        const holds = await this.offers.offer(
          manager,
          changes,
          request,
          { kind: 'OFFER', allocations: [{ facilityId: reservation.facilityId, places: 1 }], alternatives: [] },
          facilities,
          now,
          undefined,
          true,
        );
        // The place was reserved for the whole window: the people come in the course of the night, so
        // the offer stands until the window ends (the end gives back what no shelter accepted by then).
        if (request.offerExpiresAt && request.offerExpiresAt < action.endsAt) {
          request.offerExpiresAt = action.endsAt;
          await this.placements.persist(manager, request);
          await this.placements.extendHolds(
            manager,
            holds.map((hold) => hold.id),
            action.endsAt,
          );
        }
        return 'offered' as const;
      });
    let outcome: 'done' | 'none' | 'offered' = 'none';
    // Each round settles one reserved place: held (converted), or not holdable any more (taken before
    // the window, or by another action that started first), then the outline's next reserved place.
    for (;;) {
      tried = null;
      try {
        outcome = await take();
        break;
      } catch (error) {
        if (!(error instanceof PlacesTakenMeanwhile) || !tried) throw error;
        const notHeld: string = tried;
        await this.actions.transaction((manager) => this.actions.markNotHeld(manager, notHeld));
      }
    }
    if (outcome === 'none')
      await this.queue.enqueueMatch(fresh.id, 0, 'planned-action', { urgency: fresh.urgency }).catch(() => undefined);
  }

  /** Gives back what the action did not use: its reservations, and its requests no shelter accepted. */
  async end(actionId: string): Promise<boolean> {
    const due = await this.actions.transaction((manager) => this.actions.lockAction(manager, actionId));
    if (!due || due.endsAt > this.clock.now()) return false;
    if (due.status !== PlannedActionStatus.PLANNED && due.status !== PlannedActionStatus.STARTED) return false;
    // The requests first, the action's status last: a crash in between leaves it due, and the next sweep finishes it.
    await this.cancelUnusedRequests(actionId, 'the planned action ended: this expected person did not come');
    return this.actions.transaction(async (manager) => {
      const locked = await this.actions.lockAction(manager, actionId);
      if (!locked || (locked.status !== PlannedActionStatus.PLANNED && locked.status !== PlannedActionStatus.STARTED))
        return false;
      await this.actions.releaseReservations(manager, actionId);
      await this.actions.setStatus(manager, actionId, PlannedActionStatus.ENDED, this.clock.now());
      return true;
    });
  }

  /** Cancels the action's requests no shelter has accepted (their held places go back). Safe to repeat. */
  async cancelUnusedRequests(actionId: string, reason: string): Promise<void> {
    const action = await this.actions.transaction((manager) => this.actions.lockAction(manager, actionId));
    if (!action) return;
    const planner = plannerOf(action);
    for (const { requestId } of await this.actions.requestsOf(actionId)) {
      const request = await this.placements.find(requestId);
      if (!request || !NOT_YET_ACCEPTED.includes(request.status)) continue;
      try {
        await this.lifecycle.cancel(planner, requestId, reason);
      } catch (error) {
        // Accepted or cancelled meanwhile: nothing left to give back here.
        if (!(error instanceof AppError)) throw error;
        this.logger.debug(`planned action ${actionId}: request ${requestId} not cancelled (${error.message})`);
      }
    }
  }
}
