import { Gender, ShelterType } from '../enums';
import { CareNeed } from '../enums';
import { WaitingReason } from '../placement/placement-decision';
import { nearestRank } from './percentiles';
import { type DemandRecord, needsOf, summariseUnmetDemand, UnmetNeed } from './unmet-demand';

const created = new Date('2026-11-01T10:00:00Z');
const minutesLater = (minutes: number) => new Date(created.getTime() + minutes * 60_000);
const record = (overrides: Partial<DemandRecord>): DemandRecord => ({
  regionCode: 'RR',
  type: null,
  createdAt: created,
  waitedFor: [],
  escalated: false,
  firstOfferedAt: null,
  placedAt: null,
  placedRegionCode: null,
  noodbedOverstay: false,
  needs: [],
  ...overrides,
});

describe('unmet demand', () => {
  it('names the eligibility gaps of domain.md §4 from the anonymous facts', () => {
    expect(
      needsOf({ gender: Gender.MALE, ageBand: '18-22', careNeeds: [CareNeed.LVB], withChildren: true, groupSize: 12 }),
    ).toEqual([UnmetNeed.MALE_VICTIM, UnmetNeed.CARE_NEEDS, UnmetNeed.ACCOMPANYING_CHILDREN, UnmetNeed.GROUP]);
    expect(needsOf({ gender: Gender.FEMALE, ageBand: 'MINOR', careNeeds: [], withChildren: false, groupSize: 1 })).toEqual([
      UnmetNeed.MINOR,
    ]);
  });

  it('counts waits per reason, need, region and kind, and only requests that waited', () => {
    const summary = summariseUnmetDemand([
      record({
        waitedFor: [WaitingReason.NO_CAPACITY],
        needs: [UnmetNeed.MALE_VICTIM],
        type: ShelterType.MAATSCHAPPELIJKE_OPVANG,
      }),
      record({
        waitedFor: [WaitingReason.NO_CAPACITY, WaitingReason.AUTHORITY_CLOSED],
        needs: [UnmetNeed.MALE_VICTIM],
        regionCode: 'AMS',
      }),
      record({ waitedFor: [], needs: [UnmetNeed.MALE_VICTIM] }),
      record({ escalated: true, waitedFor: [WaitingReason.NO_SUITABLE_PLACE], needs: [UnmetNeed.CARE_NEEDS] }),
    ]);
    expect(summary).toMatchObject({ requests: 4, waited: 3, escalated: 1 });
    expect(summary.byReason).toEqual([
      { reason: WaitingReason.NO_CAPACITY, requests: 2 },
      { reason: WaitingReason.AUTHORITY_CLOSED, requests: 1 },
      { reason: WaitingReason.NO_SUITABLE_PLACE, requests: 1 },
    ]);
    expect(summary.byNeed).toEqual([
      { need: UnmetNeed.MALE_VICTIM, requests: 2 },
      { need: UnmetNeed.CARE_NEEDS, requests: 1 },
    ]);
    expect(summary.rows).toContainEqual({
      regionCode: 'RR',
      type: ShelterType.MAATSCHAPPELIJKE_OPVANG,
      reason: WaitingReason.NO_CAPACITY,
      requests: 1,
    });
    expect(summary.rows).toContainEqual({ regionCode: 'AMS', type: null, reason: WaitingReason.AUTHORITY_CLOSED, requests: 1 });
  });

  it('reports median and p90 time to offer and to placement, overrun noodbeds and placements elsewhere', () => {
    const summary = summariseUnmetDemand([
      ...[5, 10, 15, 20, 25, 30, 35, 40, 45, 600].map((m) => record({ firstOfferedAt: minutesLater(m) })),
      record({ firstOfferedAt: minutesLater(1), placedAt: minutesLater(90), placedRegionCode: 'AMS' }),
      record({ placedAt: minutesLater(30), placedRegionCode: 'RR', noodbedOverstay: true }),
    ]);
    expect(summary.timeToOffer).toEqual({ count: 11, medianMinutes: 25, p90Minutes: 45 });
    expect(summary.timeToPlacement).toEqual({ count: 2, medianMinutes: 30, p90Minutes: 90 });
    expect(summary.placedOutsideRegion).toBe(1);
    expect(summary.noodbedOverstays).toBe(1);
  });

  it('uses nearest-rank percentiles and has none for no data', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(summariseUnmetDemand([]).timeToPlacement).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
  });
});
