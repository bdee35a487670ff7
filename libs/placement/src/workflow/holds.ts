import { Injectable } from '@nestjs/common';
import {
  type CapacityRow,
  type LedgerActor,
  lockCapacityRows,
  releasePlaces,
  vacatePlaces,
  type CapacityChangedEvent,
} from '@opvangplek/capacity';
import type { EntityManager } from 'typeorm';
import { type Changes, SYSTEM_ACTOR } from '../placement-changes';
import { HoldState, type PlacementHoldEntity } from '../placement-hold.entity';
import { PlacementQueue } from '../placement-queue';
import { PlacementRepository } from '../placement.repository';

/**
 * Gives a request's places back. Its own class because both the lifecycle (withdraw, cancel, end)
 * and the follow-up (cancelled with its bridge) release holds, and the lifecycle uses the follow-up.
 */
@Injectable()
export class PlacementHolds {
  constructor(
    private readonly repository: PlacementRepository,
    private readonly queue: PlacementQueue,
  ) {}

  /** Releases a request's holds in the given states; returns the facilities involved. */
  async releaseHolds(
    manager: EntityManager,
    changes: Changes,
    requestId: string,
    states: HoldState[],
    now: Date,
    actor: LedgerActor = SYSTEM_ACTOR,
  ): Promise<string[]> {
    const holds = await this.repository.holdsIn(manager, requestId, states);
    await lockCapacityRows(
      manager,
      holds.map((hold) => hold.facilityId),
    );
    for (const hold of holds) {
      const moved =
        hold.state === HoldState.HELD
          ? await releasePlaces(manager, hold.facilityId, hold.places, now, actor)
          : await vacatePlaces(manager, hold.facilityId, hold.places, now, actor);
      this.freed(changes, moved);
      await this.repository.markHoldReleased(manager, hold.id);
    }
    return holds.map((hold) => hold.facilityId);
  }

  /** Gives one hold's places back (held: released; occupied: vacated). */
  async releaseHold(
    manager: EntityManager,
    changes: Changes,
    hold: PlacementHoldEntity,
    now: Date,
    actor: LedgerActor,
  ): Promise<void> {
    const moved =
      hold.state === HoldState.HELD
        ? await releasePlaces(manager, hold.facilityId, hold.places, now, actor)
        : await vacatePlaces(manager, hold.facilityId, hold.places, now, actor);
    await this.repository.markHoldReleased(manager, hold.id);
    this.freed(changes, moved);
  }

  /** Some of an occupied hold's people leave: that many places are vacated (the caller shrinks the hold). */
  async vacateSome(
    manager: EntityManager,
    changes: Changes,
    hold: PlacementHoldEntity,
    places: number,
    now: Date,
    actor: LedgerActor,
  ): Promise<void> {
    this.freed(changes, await vacatePlaces(manager, hold.facilityId, places, now, actor));
  }

  /** Places came free: after commit, one re-try of those waiting for this kind in this region (coalesced by the queue). */
  private freed(changes: Changes, moved: CapacityRow | null): void {
    if (!moved) return;
    changes.capacity.push(moved as CapacityChangedEvent);
    changes.after.push(() => this.queue.enqueueRetry(moved.type, moved.regionCode));
  }
}
