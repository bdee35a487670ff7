import { Inject, Injectable } from '@nestjs/common';
import {
  AuthorityVerdict,
  authorityVerdict,
  ExclusionCode,
  PlacementStatus,
  placeExpectation,
  type PlaceExpectation,
  placementKindOf,
  requesterCapacities,
  WaitingReason,
} from '@opvangplek/domain';
import { CapacityAheadService } from '@opvangplek/capacity';
import { MatchingService } from '@opvangplek/matching';
import { CLOCK, type Clock } from '@opvangplek/platform';
import type { PlacementRequestEntity } from './placement-request.entity';

/** The waits a place coming free would end: none is free now, or not enough for the whole group. */
const WAITING_FOR_ROOM: ReadonlySet<WaitingReason> = new Set([WaitingReason.NO_CAPACITY, WaitingReason.GROUP_TOO_LARGE]);

/**
 * A waiting request's expectation (issue 18): of the facilities the matcher finds suitable for her
 * and full now (excluded for NO_CAPACITY only; the kinds an onward request is limited to; not those
 * that declined her; not a kind her requester may never get), how many are expected to have room for the whole request in 24 h and 72 h.
 * Computed only when asked and only for a request waiting for room: one match and one read of the
 * stays and reservations of those facilities.
 */
@Injectable()
export class PlaceExpectations {
  constructor(
    private readonly matching: MatchingService,
    private readonly capacityAhead: CapacityAheadService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async of(request: PlacementRequestEntity): Promise<PlaceExpectation | null> {
    if (request.status !== PlacementStatus.WAITING || !request.waitingReason || !WAITING_FOR_ROOM.has(request.waitingReason)) {
      return null;
    }
    if (!request.profile) return null; // erased after retention: nothing to match
    const skipped = new Set(request.skippedFacilityIds ?? []);
    // A kind no one of her requester's standing may ever get (a noodbed, for anyone but police;
    // domain.md §5a) is no place to expect. Kinds another authority decides stay: they decide there.
    const capacities = requesterCapacities(
      { role: request.requestedByRole, org: request.requestedByOrg, regions: [request.regionCode] },
      request.regionCode,
    );
    const { result, facilities } = await this.matching.match(request.profile, {
      at: this.clock.now(),
      requesterRegionCode: request.regionCode,
    });
    const full = result.excluded
      .filter(({ reasons }) => reasons.length > 0 && reasons.every((reason) => reason.code === ExclusionCode.NO_CAPACITY))
      .map(({ facility }) => facilities.get(facility.id))
      .filter((facility) => facility !== undefined)
      .filter((facility) => (request.types.length === 0 || request.types.includes(facility.type)) && !skipped.has(facility.id))
      .filter((facility) => authorityVerdict(placementKindOf(facility), capacities) !== AuthorityVerdict.NEVER);
    const aheads = await this.capacityAhead.ofFacilities(full);
    return placeExpectation(
      full.map((facility) => ({ regionCode: facility.regionCode, ahead: aheads.get(facility.id)! })),
      { places: request.groupSize, regionCode: request.regionCode },
    );
  }
}
