import { Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '@opvangplek/access';
import {
  type FacilitySnapshot,
  mayActOnTransfer,
  placementNote,
  PlacementNoteCode,
  PlacementStatus,
  TransferReason,
  transferProfile,
  transferRefusal,
  Urgency,
  type VictimProfile,
} from '@opvangplek/domain';
import { CLOCK, type Clock, ConflictError, ForbiddenError, InvalidInputError } from '@opvangplek/platform';
import type { EntityManager } from 'typeorm';
import { MatchingService } from '@opvangplek/matching';
import { type Changes, ledgerActor, SYSTEM_ACTOR } from '../placement-changes';
import { type LedgerActor, RegisterReader } from '@opvangplek/capacity';
import { PlacementGuard } from '../placement-guard';
import { HoldState } from '../placement-hold.entity';
import { PlacementQueue } from '../placement-queue';
import type { PlacementRequestEntity } from '../placement-request.entity';
import { PlacementRepository } from '../placement.repository';
import { regionFoundIn } from './noodbed-call';
import { placeMisfitsAmong } from './place-misfits';

export interface TransferOrder {
  reason: TransferReason;
  /** The receiving region (validated by the caller); the stay's own when null. */
  regionCode: string | null;
  /** What the requester said (sealed in the history), required for OTHER. */
  note: string | null;
}

/**
 * Transfers (issue 14): she moves from the place she is in to another. The transfer is an onward
 * request from her stay (`bridgeRequestId`, the chain of one-place.ts): it holds its place while
 * she is still in the old one, and her arrival ends the old stay in the same transaction
 * (PlacementLifecycle.arrive). One open move at a time per stay, decided under the stay's row lock.
 */
@Injectable()
export class Transfers {
  constructor(
    private readonly repository: PlacementRepository,
    private readonly guard: PlacementGuard,
    private readonly queue: PlacementQueue,
    private readonly matching: MatchingService,
    private readonly register: RegisterReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A person asks for the move (requestTransfer). */
  request(viewer: Viewer, requestId: string, order: TransferOrder): Promise<PlacementRequestEntity> {
    return this.repository.inTransaction(async (manager, changes) => {
      const stay = await this.guard.lockVisible(manager, viewer, requestId);
      if (!mayActOnTransfer(viewer, stay))
        throw new ForbiddenError(
          "Only the region's coordinators, the requesting organisation and CoMensha can transfer a person.",
        );
      return this.open(manager, changes, stay, order, ledgerActor(viewer));
    });
  }

  /**
   * Opens the transfer from `stay`, locked by the caller in this transaction. Also used when a
   * profile change makes her place no longer fit (PROFILE_CHANGED).
   */
  async open(
    manager: EntityManager,
    changes: Changes,
    stay: PlacementRequestEntity,
    order: TransferOrder,
    actor: LedgerActor,
  ): Promise<PlacementRequestEntity> {
    // Checked once the caller may see her stay, so the answer never tells where a request is.
    if (order.reason === TransferReason.SAFETY && (order.regionCode ?? stay.regionCode) === stay.regionCode)
      throw new InvalidInputError(
        'regionCode',
        'regionCode must be another region than the one she leaves with reason SAFETY (004:7085-7089)',
      );
    // Never into a region she must be kept out of: naming only the region asked for, not the others.
    const excluded = (stay.profile?.excludedRegionCodes ?? []).map((code) => code.toUpperCase());
    if (order.regionCode && excluded.includes(order.regionCode.toUpperCase()))
      throw new InvalidInputError(
        'regionCode',
        `regionCode ${order.regionCode} is a region she must be kept out of (her excludedRegionCodes): choose another region`,
      );
    const refusal = transferRefusal({ status: stay.status, profileErased: !stay.profile });
    if (refusal) throw new ConflictError(`No transfer: ${refusal}.`);
    // Under the stay's row lock: two transfers asked at once are decided one after the other.
    if (await this.repository.hasOpenFollowUp(manager, stay.id))
      throw new ConflictError(
        'A transfer (or onward request) from this stay is already open: cancel it first, or wait until she arrives there.',
      );
    const occupied = await this.repository.holdsIn(manager, stay.id, [HoldState.OCCUPIED, HoldState.HELD]);
    const transfer = await this.repository.insertFollowUp(manager, {
      status: PlacementStatus.RECEIVED,
      urgency: order.reason === TransferReason.SAFETY ? Urgency.ACUTE : stay.urgency,
      regionCode: order.regionCode ?? stay.regionCode,
      profile: transferProfile(stay.profile as VictimProfile, order.reason, stay.regionCode),
      members: stay.members,
      groupSize: stay.groupSize,
      types: [],
      clientReference: null,
      // The case stays with whoever requested it (as an onward request does); who asked is in the history.
      requestedBy: stay.requestedBy,
      requestedByRole: stay.requestedByRole,
      requestedByOrg: stay.requestedByOrg,
      routeDecided: stay.routeDecided,
      returnedTypes: [],
      responsibleMunicipality: stay.responsibleMunicipality,
      attempt: 0,
      // Not back to where she is now.
      skippedFacilityIds: [...new Set(occupied.map((hold) => hold.facilityId))],
      bridgeRequestId: stay.id,
      transferReason: order.reason,
      // A warning of her bedenktijd's end already given at the stay is not given again.
      bedenktijdAlerted: stay.bedenktijdAlerted,
      createdAt: this.clock.now(),
    });
    await this.repository.record(
      manager,
      transfer,
      PlacementStatus.RECEIVED,
      actor,
      placementNote(PlacementNoteCode.TRANSFER_OF, {
        requestId: stay.id,
        transferReason: order.reason,
        ...(order.note ? { reason: order.note } : {}),
      }),
      changes.records,
    );
    await this.repository.record(
      manager,
      stay,
      stay.status,
      actor,
      placementNote(PlacementNoteCode.TRANSFER_REQUESTED, {
        requestId: transfer.id,
        transferReason: order.reason,
        regionCode: transfer.regionCode,
      }),
      changes.records,
    );
    changes.requests.push(transfer, stay);
    changes.after.push(() => this.queue.enqueueMatch(transfer.id, 0, 'transfer', { urgency: transfer.urgency }));
    return transfer;
  }

  /**
   * The facilities of the places the stay behind `requestId` holds, when it is a transfer: read
   * before the transaction that cancels it (inside it every read must use its own connection), so
   * that `cancelled` can check her place again.
   */
  async stayFacilitiesBehind(requestId: string): Promise<ReadonlyMap<string, FacilitySnapshot>> {
    const transfer = await this.repository.find(requestId);
    if (!transfer?.transferReason || !transfer.bridgeRequestId) return new Map();
    const ids = [...new Set((await this.repository.holdsOf(transfer.bridgeRequestId)).map((hold) => hold.facilityId))];
    const loaded = ids.length ? await this.register.load({ ids }) : [];
    return new Map(loaded.map((facility) => [facility.id, facility as unknown as FacilitySnapshot]));
  }

  /**
   * A transfer was cancelled: the stay she is in says so (she stays), and her place is checked
   * again against her profile. A change made while the move was open opened no transfer of its
   * own (the move was already hers); if her place no longer fits, the service opens one now
   * (PROFILE_CHANGED), so cancelling a move never leaves her in a place she does not fit. For the
   * same reason the PROFILE_CHANGED move itself cannot be cancelled while her place does not fit.
   * `stayFacilities`: from stayFacilitiesBehind, read before the transaction; `lockedStay`: the
   * stay when the caller holds its lock already.
   */
  async cancelled(
    manager: EntityManager,
    changes: Changes,
    transfer: PlacementRequestEntity,
    actor: LedgerActor,
    stayFacilities: ReadonlyMap<string, FacilitySnapshot>,
    lockedStay?: PlacementRequestEntity,
  ): Promise<void> {
    if (!transfer.transferReason || !transfer.bridgeRequestId) return;
    // Locked after the transfer, as along every chain (the later request first).
    const stay = lockedStay ?? (await this.repository.lock(manager, transfer.bridgeRequestId));
    if (stay?.status !== PlacementStatus.PLACED) return;
    await this.repository.record(
      manager,
      stay,
      stay.status,
      actor,
      placementNote(PlacementNoteCode.TRANSFER_CANCELLED, { requestId: transfer.id }),
      changes.records,
    );
    changes.requests.push(stay);
    if (!stay.profile) return;
    const occupied = await this.repository.holdsIn(manager, stay.id, [HoldState.OCCUPIED]);
    const misfit = await placeMisfitsAmong(
      this.matching,
      stay.profile as VictimProfile,
      occupied.map((hold) => hold.facilityId),
      stayFacilities,
      this.clock.now(),
      'cancel it again',
      regionFoundIn(stay),
    );
    if (misfit.length === 0) return;
    // The move the misfit itself opened is her way out: cancelling it would leave her where she does not fit.
    if (transfer.transferReason === TransferReason.PROFILE_CHANGED)
      throw new ConflictError(
        'Her place no longer fits her profile, which is why this move was opened: correct her profile if it was recorded wrongly (the move is then withdrawn by itself), or end her stay.',
      );
    await this.open(
      manager,
      changes,
      stay,
      { reason: TransferReason.PROFILE_CHANGED, regionCode: null, note: null },
      SYSTEM_ACTOR,
    );
  }
}
