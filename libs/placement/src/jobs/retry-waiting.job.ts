import { Inject, Injectable } from '@nestjs/common';
import { freePlacesIn } from '@opvangplek/capacity';
import { CLOCK, type Clock } from '@opvangplek/platform';
import { DataSource } from 'typeorm';
import { PlacementRepository } from '../placement.repository';
import { MatchingAttempt } from '../workflow/matching-attempt';

/** What one re-try run did: how many waiting requests it tried, and how many places were left free. */
export interface RetryReport {
  tried: number;
  freeLeft: number;
}

/**
 * Places came free at facilities of one kind in one region (a release, a departure, a staff
 * update): tries the requests that could use that kind, most urgent and oldest first, one after
 * the other, until those places are taken or no one waiting is left. One job per kind and region
 * (PlacementQueue.enqueueRetry), however many changes led to it. A request the matcher still
 * cannot place stays WAITING; the sweep re-tries those on its own timer anyway.
 */
@Injectable()
export class RetryWaitingJob {
  constructor(
    private readonly repository: PlacementRepository,
    private readonly attempts: MatchingAttempt,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async retry(type: string, regionCode: string): Promise<RetryReport> {
    const free = () => freePlacesIn(this.dataSource.manager, type, regionCode, this.clock.now());
    let freeLeft = await free();
    let tried = 0;
    if (freeLeft === 0) return { tried, freeLeft };
    for (const request of await this.repository.waiting([type])) {
      await this.attempts.matchRequest(request.id, request.attempt);
      tried++;
      freeLeft = await free();
      if (freeLeft === 0) break;
    }
    return { tried, freeLeft };
  }
}
