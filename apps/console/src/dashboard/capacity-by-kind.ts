import type { AvailabilityBand, CapacitySummary, ShelterType } from '../api/types';

export const COUNTS = ['occupied', 'held', 'outOfService', 'available'] as const;
export type Count = (typeof COUNTS)[number];

/** One kind of shelter over the chosen regions, as "Bezetting nu per soort" shows it. */
export interface KindFigures {
  kind: ShelterType;
  /** Sums over the facilities with a public address only (what the API adds up). */
  sums: Record<Count, number>;
  facilities: number;
  /** Left out of the sums: their counts are their own staff's only (README, "Secret-address facilities are anonymous"). */
  secretFacilities: number;
  /** Whether those have a place free between them. */
  secretBand: AvailabilityBand;
  /** Every facility of this kind has a secret address: the sums say nothing, so no bar and no zeros. */
  allSecret: boolean;
}

/** The region × kind rows of `capacityOverview`, added up per kind, in `order`. */
export function capacityByKind(rows: readonly CapacitySummary[], order: readonly ShelterType[]): KindFigures[] {
  return order.flatMap((kind) => {
    const ofKind = rows.filter((row) => row.type === kind);
    if (ofKind.length === 0) return [];
    const add = (pick: (row: CapacitySummary) => number) => ofKind.reduce((total, row) => total + pick(row), 0);
    const facilities = add((row) => row.facilities);
    const secretFacilities = add((row) => row.secretFacilities);
    return [
      {
        kind,
        sums: Object.fromEntries(COUNTS.map((count) => [count, add((row) => row[count])])) as Record<Count, number>,
        facilities,
        secretFacilities,
        secretBand: ofKind.some((row) => row.secretAvailability === 'AVAILABLE') ? 'AVAILABLE' : 'NONE',
        allSecret: facilities > 0 && secretFacilities === facilities,
      },
    ];
  });
}
