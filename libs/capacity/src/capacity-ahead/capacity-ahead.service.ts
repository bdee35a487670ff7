import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AvailabilityBand,
  availabilityBand,
  type CapacityAhead,
  capacityAhead,
  type CapacityCounts,
  type ShelterType,
  USUAL_STAY_DAYS,
} from '@opvangplek/domain';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock } from '@opvangplek/platform';
import { regionKindKey } from '@opvangplek/registry';
import type { DataSource } from 'typeorm';
import { readFacilitiesAhead } from './capacity-ahead.reader';

/** A facility as capacity ahead needs it. */
export interface FacilityForAhead {
  id: string;
  capacity: CapacityCounts;
}

/**
 * A region × kind ahead, as anyone may see it (capacity-disclosure.ts): exact sums over the facilities
 * with a public address, the secret-address ones only inside a band over all of them.
 */
export interface RegionKindAhead {
  expectedFree24h: number;
  expectedFree72h: number;
  expectedAvailability24h: AvailabilityBand;
  expectedAvailability72h: AvailabilityBand;
}

/** The region × kind aheads of these facilities, keyed by `regionKindKey`. Pure. */
export function regionKindAheads(
  facilities: readonly { id: string; regionCode: string; type: ShelterType; secretAddress: boolean }[],
  aheads: ReadonlyMap<string, CapacityAhead>,
): Map<string, RegionKindAhead> {
  const sums = new Map<string, { public24: number; public72: number; all24: number; all72: number }>();
  for (const facility of facilities) {
    const ahead = aheads.get(facility.id);
    if (!ahead) continue;
    const key = regionKindKey(facility.regionCode, facility.type);
    const sum = sums.get(key) ?? { public24: 0, public72: 0, all24: 0, all72: 0 };
    sum.all24 += ahead.expectedFree24h;
    sum.all72 += ahead.expectedFree72h;
    if (!facility.secretAddress) {
      sum.public24 += ahead.expectedFree24h;
      sum.public72 += ahead.expectedFree72h;
    }
    sums.set(key, sum);
  }
  return new Map(
    [...sums].map(([key, sum]) => [
      key,
      {
        expectedFree24h: sum.public24,
        expectedFree72h: sum.public72,
        expectedAvailability24h: availabilityBand(sum.all24),
        expectedAvailability72h: availabilityBand(sum.all72),
      },
    ]),
  );
}

/**
 * Capacity ahead (issue 18): the places each facility is expected to have free 24 h and 72 h from
 * now, from its live counts and its stays, planned departures and reservations (the pure rule and
 * its assumptions: libs/domain/src/capacity-ahead.ts). One read for any number of facilities.
 */
@Injectable()
export class CapacityAheadService {
  private readonly usualStayDays: Readonly<Record<ShelterType, number | null>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.usualStayDays = { ...USUAL_STAY_DAYS, ...config.placement.usualStayDaysByType };
  }

  async ofFacilities(facilities: readonly FacilityForAhead[]): Promise<Map<string, CapacityAhead>> {
    const now = this.clock.now();
    const rows = await readFacilitiesAhead(
      this.dataSource,
      facilities.map((facility) => facility.id),
      now,
      this.usualStayDays,
    );
    return new Map(
      facilities.map((facility) => {
        const { stays, reservations } = rows.get(facility.id) ?? { stays: [], reservations: [] };
        return [facility.id, capacityAhead({ now, counts: facility.capacity, stays, reservations })];
      }),
    );
  }
}
