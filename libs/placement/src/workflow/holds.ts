import { Injectable } from '@nestjs/common';
import { type LedgerActor, releasePlaces, vacatePlaces } from '@opvangplek/capacity/capacity-ledger';
import { type CapacityChangedEvent } from '@opvangplek/capacity/capacity.events';
import type { EntityManager } from 'typeorm';
import { RematchWaitingJob } from '../jobs/rematch-waiting.job';
import { type Changes, SYSTEM_ACTOR } from '../placement-changes';
import { HoldState, type PlacementHoldEntity } from '../placement-hold.entity';
import { PlacementRepository } from '../placement.repository';

/**
 * Gives a request's places back. Its own class because both the lifecycle (withdraw, cancel, end)
 * and the follow-up (cancelled with its bridge) release holds, and the lifecycle uses the follow-up.
 */
@Injectable()
export class PlacementHolds {
  constructor(
    private readonly repository: PlacementRepository,
    private readonly rematch: RematchWaitingJob,
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
    const freedTypes: string[] = [];
    for (const hold of holds) {
      const moved =
        hold.state === HoldState.HELD
          ? await releasePlaces(manager, hold.facilityId, hold.places, now, actor)
          : await vacatePlaces(manager, hold.facilityId, hold.places, now, actor);
      if (moved) {
        changes.capacity.push(moved as CapacityChangedEvent);
        freedTypes.push(moved.type);
      }
      await this.repository.markHoldReleased(manager, hold.id);
    }
    if (holds.length > 0) {
      changes.after.push(async () => {
        await this.rematch.rematchWaiting(`release-${requestId}-${now.getTime()}`, freedTypes);
      });
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
    this.freed(changes, moved, hold.requestId, now);
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
    this.freed(changes, await vacatePlaces(manager, hold.facilityId, places, now, actor), hold.requestId, now);
  }

  private freed(changes: Changes, moved: Awaited<ReturnType<typeof vacatePlaces>>, requestId: string, now: Date): void {
    if (!moved) return;
    changes.capacity.push(moved as CapacityChangedEvent);
    changes.after.push(async () => {
      await this.rematch.rematchWaiting(`release-${requestId}-${now.getTime()}`, [moved.type]);
    });
  }
}
