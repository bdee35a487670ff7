import { Inject, Injectable } from '@nestjs/common';
import { availablePlaces, capacityFreshness, Freshness, ShelterType } from '@opvangplek/domain';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform/config';
import { CLOCK, type Clock } from '@opvangplek/platform/clock';
import { InvalidInputError } from '@opvangplek/platform/errors';
import { RegistryService } from '@opvangplek/registry/registry.service';
import type { CapacitySummaryModel } from './models/capacity-summary.model';

/**
 * Aggregates for planners and CoMensha (issue: planner insight). Never returns a facility's
 * identity or a person: only sums per region and kind.
 */
@Injectable()
export class InsightService {
  constructor(
    private readonly registry: RegistryService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async capacityOverview(regionCodes?: string[] | null, types?: ShelterType[] | null): Promise<CapacitySummaryModel[]> {
    if ((regionCodes?.length ?? 0) > 100) throw new InvalidInputError('regionCodes', 'regionCodes may hold at most 100 codes');
    const facilities = await this.registry.load({ regionCodes, types });
    const now = this.clock.now();
    const groups = new Map<string, CapacitySummaryModel & { stale: number }>();
    for (const facility of facilities) {
      const key = `${facility.regionCode}|${facility.type}`;
      let group = groups.get(key);
      if (!group) {
        const { region } = facility;
        group = {
          region: { code: region.code, name: region.name, centralMunicipality: region.centralMunicipality },
          type: facility.type,
          facilities: 0,
          total: 0,
          occupied: 0,
          held: 0,
          outOfService: 0,
          available: 0,
          staleShare: 0,
          stale: 0,
        };
        groups.set(key, group);
      }
      const { capacity } = facility;
      group.facilities += 1;
      group.total += capacity.total;
      group.occupied += capacity.occupied;
      group.held += capacity.held;
      group.outOfService += capacity.outOfService;
      group.available += availablePlaces(capacity);
      const freshness = capacityFreshness(capacity.confirmedAt, facility.updateCadence, now, this.config.freshness);
      if (freshness === Freshness.STALE || freshness === Freshness.UNKNOWN) group.stale += 1;
    }
    return [...groups.values()].map(({ stale, ...group }) => ({ ...group, staleShare: Math.round((stale / group.facilities) * 1000) / 1000 }));
  }
}
