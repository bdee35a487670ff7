import { Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '@opvangplek/access';
import {
  applyProfileChange,
  bedenktijdEndsAt,
  type FacilitySnapshot,
  type OnwardReevaluation,
  mayActOnTransfer,
  mayChangeProfile,
  placementNote,
  PlacementNoteCode,
  PlacementStatus,
  type ProfileChange,
  isTerminalStatus,
  reevaluateAfterProfileChange,
  TransferReason,
  transferProfile,
  type VictimProfile,
  WebhookEventType,
} from '@opvangplek/domain';
import { type LedgerActor, RegisterReader } from '@opvangplek/capacity';
import { MatchingService } from '@opvangplek/matching';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, ConflictError, ForbiddenError } from '@opvangplek/platform';
import type { EntityManager } from 'typeorm';
import { type Changes, ledgerActor, notify, SYSTEM_ACTOR } from '../placement-changes';
import { PlacementGuard } from '../placement-guard';
import { HoldState } from '../placement-hold.entity';
import { PlacementQueue } from '../placement-queue';
import type { PlacementRequestEntity } from '../placement-request.entity';
import { PlacementRepository } from '../placement.repository';
import { escalateIfDue } from './escalation';
import { FollowUps } from './follow-up';
import { PlacementHolds } from './holds';
import { regionFoundIn } from './noodbed-call';
import { placeMisfitsAmong } from './place-misfits';
import { Transfers } from './transfer';

/**
 * Her profile over time (updateVictimProfile, issue 14): the change is recorded (a new version, a
 * sealed history row, an audit row, a PROFILE_CHANGED history step naming the fields), and her
 * request is re-evaluated in the same transaction (reevaluateAfterProfileChange): matched again
 * while she waits, an offer that no longer fits withdrawn, a transfer opened when the place she is
 * in no longer fits. An open transfer or onward request follows the same change.
 */
@Injectable()
export class ProfileUpdates {
  constructor(
    private readonly repository: PlacementRepository,
    private readonly guard: PlacementGuard,
    private readonly holds: PlacementHolds,
    private readonly transfers: Transfers,
    private readonly followUps: FollowUps,
    private readonly matching: MatchingService,
    private readonly register: RegisterReader,
    private readonly queue: PlacementQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  update(viewer: Viewer, requestId: string, change: ProfileChange, reason: string): Promise<PlacementRequestEntity> {
    return FollowUps.inChainOrder((mayStartOver) => this.updateOnce(viewer, requestId, change, reason, mayStartOver));
  }

  /** One try at `update`; null when it must start over (FollowUps.lockChain). */
  private async updateOnce(
    viewer: Viewer,
    requestId: string,
    change: ProfileChange,
    reason: string,
    mayStartOver: boolean,
  ): Promise<PlacementRequestEntity | null> {
    // The facilities she holds places at, and those of an onward request's kinds, read before the
    // transaction (inside it every read must use its own connection; the register does not change
    // with what it locks).
    const facilities = await this.facilitiesOfChain(requestId);
    return this.repository.inTransaction(async (manager, changes) => {
      // Along the chain, later requests first (the follow-up, this one, the stay it follows), as
      // arrival at the onward place locks them.
      const locked = await this.followUps.lockChain(
        manager,
        requestId,
        () => this.guard.lockVisible(manager, viewer, requestId),
        mayStartOver,
      );
      if (!locked) return null;
      const { followUp, request } = locked;
      const leaving = request.bridgeRequestId ? await this.repository.find(request.bridgeRequestId, manager) : null;
      if (!mayActOnTransfer(viewer, request, leaving?.regionCode ?? null))
        throw new ForbiddenError(
          "Only the region's coordinators, the requesting organisation and CoMensha can change her profile.",
        );
      if (!mayChangeProfile(request.status) || !request.profile)
        throw new ConflictError(
          `This request is ${request.profile ? request.status : 'erased'}: her profile can no longer change here.`,
        );
      const bridge = leaving && isOpen(leaving) ? await this.repository.lock(manager, leaving.id) : null;
      const actor = ledgerActor(viewer);
      // One person, one profile: the change reaches every open request of her chain, each re-evaluated.
      const open = followUp && isOpen(followUp) ? followUp : null;
      // A change reaching a safety move re-matches it, and a region excluded withdraws its place: whoever
      // may not know where she goes would steer the move, and learn its destination region by region.
      // The receiving region and CoMensha carry her profile until she arrives (red team, fifth pass M3).
      // Those who asked for the move know it is open, so the refusal tells them nothing new.
      if (open?.transferReason === TransferReason.SAFETY && !(await this.repository.isVisible(viewer, open.id, manager)))
        throw new ConflictError(
          'A move for her safety is open: until she arrives, the receiving region or CoMensha records changes to her profile. Tell them what changed.',
        );
      const chain = { followUp: open, request, bridge: bridge && isOpen(bridge) ? bridge : null };
      // Each request of the chain compares the change with its own copy: a safety transfer already
      // keeps her out of the region she leaves, the stay she is still in does not yet.
      const changed = await this.change(manager, changes, request, change, reason, actor, facilities, chain);
      const verdicts = new Map<string, { kind: string } | null>([[request.id, changed]]);
      for (const other of [open, chain.bridge])
        if (other?.profile)
          verdicts.set(other.id, await this.change(manager, changes, other, change, reason, actor, facilities, chain));
      // Her place no longer fits and nothing follows her stay yet: a transfer (the stay she is in
      // when this is an open transfer or onward request: that already is her move).
      if (changed?.kind === 'TRANSFER' && !open) {
        await this.transfers.open(
          manager,
          changes,
          request,
          { reason: TransferReason.PROFILE_CHANGED, regionCode: null, note: null },
          actor,
        );
      }
      await this.withdrawMoveNoLongerNeeded(manager, changes, chain, verdicts, reason, facilities);
      return request;
    });
  }

  /**
   * A change taken back (a wrong date of birth corrected) makes the place she is in fit again: the
   * move that only the misfit opened (PROFILE_CHANGED) is no longer needed and is cancelled, any
   * place it held released. A move asked for by a person (safety, move-on) stays.
   */
  private async withdrawMoveNoLongerNeeded(
    manager: EntityManager,
    changes: Changes,
    chain: { followUp: PlacementRequestEntity | null; request: PlacementRequestEntity; bridge: PlacementRequestEntity | null },
    verdicts: ReadonlyMap<string, { kind: string } | null>,
    reason: string,
    facilities: ChainFacilities,
  ): Promise<void> {
    const [stay, move] =
      chain.request.status === PlacementStatus.PLACED
        ? [chain.request, chain.followUp]
        : [chain.bridge?.status === PlacementStatus.PLACED ? chain.bridge : null, chain.request];
    if (!stay || move?.transferReason !== TransferReason.PROFILE_CHANGED || move.bridgeRequestId !== stay.id) return;
    if (verdicts.get(stay.id)?.kind !== 'NOTHING') return;
    await this.followUps.cancelFollowUp(
      manager,
      changes,
      stay,
      move,
      SYSTEM_ACTOR,
      reason,
      placementNote(PlacementNoteCode.CANCELLED_PLACE_NOW_FITS, { requestId: stay.id }),
    );
    await this.transfers.cancelled(manager, changes, move, SYSTEM_ACTOR, facilities.byId, stay);
  }

  /** Applies `change` to one request and re-evaluates it; null when nothing changed (a retry). */
  private async change(
    manager: EntityManager,
    changes: Changes,
    request: PlacementRequestEntity,
    change: ProfileChange,
    reason: string,
    actor: LedgerActor,
    facilities: ChainFacilities,
    chain: { followUp: PlacementRequestEntity | null; request: PlacementRequestEntity; bridge: PlacementRequestEntity | null },
  ): Promise<{ kind: string } | null> {
    const now = this.clock.now();
    const applied = applyProfileChange(request.profile as VictimProfile, await this.keepingSafety(manager, request, change));
    if (applied.changed.length === 0) return null;
    this.matching.assertValidProfile(applied.profile, now, 'changes');
    await this.matching.assertKnownRegions(applied.profile, 'changes');

    request.profile = applied.profile;
    request.profileVersion += 1;
    const endsAt = bedenktijdEndsAt(applied.profile);
    if (endsAt?.getTime() !== request.bedenktijdEndsAt?.getTime()) {
      request.bedenktijdEndsAt = endsAt;
      request.bedenktijdAlerted = false; // a new (or moved) bedenktijd is warned of again
    }
    await this.repository.recordProfileChange(manager, changes.records, {
      requestId: request.id,
      version: request.profileVersion,
      actor,
      fields: applied.changed,
      sealable: { before: applied.before, after: applied.after, reason },
    });

    const held = await this.repository.holdsIn(manager, request.id, [HoldState.HELD, HoldState.OCCUPIED]);
    const misfit = held.length
      ? await placeMisfitsAmong(
          this.matching,
          applied.profile,
          held.map((hold) => hold.facilityId),
          facilities.byId,
          now,
          'record the change again',
          regionFoundIn(request),
        )
      : null;
    const verdict = reevaluateAfterProfileChange(request.status, misfit);
    await this.repository.persist(manager, request);
    await this.repository.record(
      manager,
      request,
      request.status,
      actor,
      placementNote(PlacementNoteCode.PROFILE_CHANGED, { fields: applied.changed, version: request.profileVersion }),
      changes.records,
    );
    changes.requests.push(request);

    if (verdict.kind === 'REMATCH') {
      const onward = await this.onwardVerdict(manager, request, applied.profile, facilities, chain, now);
      if (onward === 'NOT_NEEDED') {
        const interim = [chain.request, chain.bridge].find((r) => r?.id === request.bridgeRequestId)!;
        await this.followUps.cancelFollowUp(
          manager,
          changes,
          interim,
          request,
          actor,
          reason,
          placementNote(PlacementNoteCode.CANCELLED_PLACE_NOW_FITS, { requestId: interim.id }),
        );
        return { kind: 'CANCELLED' };
      }
      // Its kinds no longer fit her: matched again for any kind.
      if (onward === 'ANY_KIND') request.types = [];
      await this.rematch(manager, changes, request, actor);
    }
    if (verdict.kind === 'WITHDRAW_OFFER') {
      const released = await this.holds.releaseHolds(manager, changes, request.id, [HoldState.HELD], now, actor);
      request.facilityId = null;
      request.offerExpiresAt = null;
      for (const facilityId of released) notify(changes, request, WebhookEventType.OFFER_WITHDRAWN, now, facilityId);
      await this.rematch(manager, changes, request, actor);
    }
    return verdict;
  }

  /** Matched again with the new profile: a new attempt, so a match still running on the old one is ignored. */
  private async rematch(manager: EntityManager, changes: Changes, request: PlacementRequestEntity, actor: LedgerActor) {
    request.attempt += 1;
    if (request.status === PlacementStatus.RECEIVED || request.status === PlacementStatus.MATCHING)
      await this.repository.persist(manager, request);
    else await this.repository.transition(manager, changes, request, PlacementStatus.MATCHING, actor, null);
    // A place to go withdrawn past her deadline (an accepted place, a noodbed the police were told):
    // escalated now, as when a shelter gives it back (lifecycle.ts `withdrawOffer`).
    const minutes = this.config.placement.escalateAfterMinutes;
    await escalateIfDue(this.repository, manager, changes, request, this.clock.now(), minutes);
    const { id, attempt, urgency } = request;
    changes.after.push(() => this.queue.enqueueMatch(id, attempt, `profile-v${request.profileVersion}`, { urgency }));
  }

  /**
   * A safety transfer keeps the region she left out of her regions (transferProfile), whatever list
   * a change of her profile gives: she is never matched back where the danger is (004:7085-7089).
   */
  private async keepingSafety(
    manager: EntityManager,
    request: PlacementRequestEntity,
    change: ProfileChange,
  ): Promise<ProfileChange> {
    if (request.transferReason !== TransferReason.SAFETY || !request.bridgeRequestId || change.excludedRegionCodes === undefined)
      return change;
    const left = await this.repository.find(request.bridgeRequestId, manager);
    if (!left) return change;
    return {
      ...change,
      excludedRegionCodes: transferProfile(
        { ...(request.profile as VictimProfile), ...change } as VictimProfile,
        TransferReason.SAFETY,
        left.regionCode,
      ).excludedRegionCodes,
    };
  }

  /**
   * For an onward request (it follows an interim place, for its kinds), whether those kinds still
   * fit her (onwardAfterProfileChange); KEEP for any other request.
   */
  private async onwardVerdict(
    manager: EntityManager,
    request: PlacementRequestEntity,
    profile: VictimProfile,
    facilities: ChainFacilities,
    chain: { request: PlacementRequestEntity; bridge: PlacementRequestEntity | null },
    now: Date,
  ): Promise<OnwardReevaluation> {
    if (!request.bridgeRequestId || request.transferReason || request.types.length === 0) return 'KEEP';
    const interim = [chain.request, chain.bridge].find((r) => r?.id === request.bridgeRequestId);
    if (!interim) return 'KEEP';
    const kindFacilities = facilities.ofKinds.filter((facility) => request.types.includes(facility.type));
    const there =
      interim.status === PlacementStatus.PLACED
        ? (await this.repository.holdsIn(manager, interim.id, [HoldState.OCCUPIED])).map((hold) =>
            facilities.byId.get(hold.facilityId),
          )
        : null;
    if (there?.some((facility) => !facility))
      throw new ConflictError('This request changed meanwhile; read it again and record the change again.');
    return this.matching.onwardAfterProfileChange(
      profile,
      kindFacilities,
      there as FacilitySnapshot[] | null,
      now,
      regionFoundIn(request),
    );
  }

  /** The facilities the requests of her chain hold places at, and those of the kinds an onward request is for. */
  private async facilitiesOfChain(requestId: string): Promise<ChainFacilities> {
    const [followUpId, request] = await Promise.all([this.repository.followUpIdOf(requestId), this.repository.find(requestId)]);
    const chainIds = [requestId, followUpId, request?.bridgeRequestId ?? null].filter((id): id is string => !!id);
    const holds = (await Promise.all(chainIds.map((id) => this.repository.holdsOf(id)))).flat();
    const ids = [...new Set(holds.map((hold) => hold.facilityId))];
    const loaded = ids.length ? await this.register.load({ ids }) : [];
    const chain = await Promise.all(chainIds.map((id) => (id === requestId ? request : this.repository.find(id))));
    const kinds = [...new Set(chain.flatMap((r) => (r?.bridgeRequestId && !r.transferReason ? r.types : [])))];
    const ofKinds = kinds.length ? await this.register.load({ types: kinds }) : [];
    return {
      byId: new Map(loaded.map((facility) => [facility.id, facility as unknown as FacilitySnapshot])),
      ofKinds: ofKinds as unknown as FacilitySnapshot[],
    };
  }
}

interface ChainFacilities {
  byId: ReadonlyMap<string, FacilitySnapshot>;
  ofKinds: readonly FacilitySnapshot[];
}

const isOpen = (request: PlacementRequestEntity | null): boolean => !!request && !isTerminalStatus(request.status);
