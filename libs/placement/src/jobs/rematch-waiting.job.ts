import { Injectable } from '@nestjs/common';
import { PlacementQueue } from '../placement-queue';
import { PlacementRepository } from '../placement.repository';

/** Re-tries the waiting requests when places may have come free (a release, a capacity change). */
@Injectable()
export class RematchWaitingJob {
  constructor(
    private readonly repository: PlacementRepository,
    private readonly queue: PlacementQueue,
  ) {}

  /**
   * Capacity changed somewhere: try the waiting requests again, most urgent and oldest first.
   * With `types` (the kinds of the facilities that changed), only requests that could be placed
   * in one of those kinds: any kind (no kinds given), or a list that has one of them. A request
   * limited to other kinds cannot be offered a place there, and the matcher ranks each facility on
   * its own, so its decision cannot change (at most the label of why it waits could; the sweep
   * re-tries a request waiting for capacity every few minutes anyway).
   */
  async rematchWaiting(trigger: string, types?: readonly string[]): Promise<number> {
    const waiting = await this.repository.waiting(types);
    for (const request of waiting)
      await this.queue.enqueueMatch(request.id, request.attempt, trigger, { urgency: request.urgency });
    return waiting.length;
  }
}
