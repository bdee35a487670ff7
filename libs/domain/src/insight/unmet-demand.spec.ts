import fc from 'fast-check';
import { Gender, ShelterType } from '../enums';
import { CareNeed } from '../enums';
import { WaitingReason } from '../placement/placement-decision';
import { nearestRank } from './percentiles';
import { type DemandRecord, needsOf, publishUnmetDemand, summariseUnmetDemand, UnmetNeed } from './unmet-demand';

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

  describe('as published (small counts suppressed)', () => {
    const attack = (n: number) =>
      Array.from({ length: n }, () =>
        record({
          type: ShelterType.COSM,
          waitedFor: [WaitingReason.NO_CAPACITY],
          needs: [UnmetNeed.MALE_VICTIM, UnmetNeed.CARE_NEEDS, UnmetNeed.ACCOMPANYING_CHILDREN, UnmetNeed.MINOR],
          firstOfferedAt: minutesLater(40),
        }),
      );

    it('shows nothing of one request: every count suppressed, and no median of her time to an offer', () => {
      const published = publishUnmetDemand(summariseUnmetDemand(attack(1)));
      expect(published).toMatchObject({
        requests: null,
        waited: null,
        escalated: null,
        noodbedOverstays: null,
        placedOutsideRegion: null,
        timeToOffer: { count: null, medianMinutes: null, p90Minutes: null, suppressed: true },
      });
      for (const cell of [...published.byReason, ...published.byNeed, ...published.rows]) {
        expect(cell).toMatchObject({ requests: null, suppressed: true });
      }
    });

    it('shows six similar requests, their medians too', () => {
      const published = publishUnmetDemand(summariseUnmetDemand(attack(6)));
      expect(published).toMatchObject({ requests: 6, waited: 6, escalated: 0, noodbedOverstays: 0, placedOutsideRegion: 0 });
      expect(published.timeToOffer).toEqual({ count: 6, medianMinutes: 40, p90Minutes: 40, suppressed: false });
      expect(published.byNeed).toHaveLength(4);
      for (const cell of [...published.byReason, ...published.byNeed, ...published.rows]) {
        expect(cell).toMatchObject({ requests: 6, suppressed: false });
      }
    });

    it('hides what subtraction would give away: 2 of 20 that did not wait hide the 18 that did, and so their reasons', () => {
      const published = publishUnmetDemand(summariseUnmetDemand([...attack(18), record({}), record({})]));
      expect(published.requests).toBe(20);
      expect(published.waited).toBeNull();
      expect(published.byReason).toEqual([{ reason: WaitingReason.NO_CAPACITY, requests: null, suppressed: true }]);
    });

    it('never publishes 1–4 requests, directly or as the difference of two published counts (property)', () => {
      const reasons = [WaitingReason.NO_CAPACITY, WaitingReason.AUTHORITY_CLOSED, WaitingReason.NO_SUITABLE_PLACE];
      const records = fc.array(
        fc.record({
          regionCode: fc.constantFrom('RR', 'AMS'),
          type: fc.constantFrom(null, ShelterType.COSM, ShelterType.NOODBED),
          waitedFor: fc.subarray(reasons),
          escalated: fc.boolean(),
          offeredAfter: fc.option(fc.integer({ min: 0, max: 600 })),
          placedRegionCode: fc.option(fc.constantFrom('RR', 'AMS')),
          noodbedOverstay: fc.boolean(),
          needs: fc.subarray([UnmetNeed.MALE_VICTIM, UnmetNeed.MINOR, UnmetNeed.CARE_NEEDS]),
        }),
        { maxLength: 40 },
      );
      const small = (n: number | null) => n !== null && n > 0 && n < 5;
      fc.assert(
        fc.property(records, (generated) => {
          const summary = summariseUnmetDemand(
            generated.map((g) =>
              record({
                ...g,
                firstOfferedAt: g.offeredAfter === null ? null : minutesLater(g.offeredAfter),
                placedAt: g.offeredAfter === null || g.placedRegionCode === null ? null : minutesLater(g.offeredAfter + 60),
                placedRegionCode: g.offeredAfter === null ? null : g.placedRegionCode,
              }),
            ),
          );
          const p = publishUnmetDemand(summary);
          const counts = [
            p.requests,
            p.waited,
            p.escalated,
            p.noodbedOverstays,
            p.placedOutsideRegion,
            p.timeToOffer.count,
            p.timeToPlacement.count,
          ];
          const cells = [...p.byReason, ...p.byNeed, ...p.rows];
          for (const n of [...counts, ...cells.map((c) => c.requests)]) expect(small(n)).toBe(false);
          for (const c of cells) expect(c.suppressed).toBe(c.requests === null);
          const differences: [number | null, number | null][] = [
            [p.requests, p.waited],
            [p.requests, p.escalated],
            [p.requests, p.noodbedOverstays],
            [p.requests, p.timeToOffer.count],
            [p.requests, p.timeToPlacement.count],
            [p.timeToPlacement.count, p.placedOutsideRegion],
          ];
          for (const [total, part] of differences) if (total !== null && part !== null) expect(small(total - part)).toBe(false);
          // A shown total beside one hidden part would give that part away.
          if (p.waited !== null) expect(p.byReason.filter((r) => r.suppressed)).not.toHaveLength(1);
          for (const reason of p.byReason.filter((r) => !r.suppressed)) {
            expect(p.rows.filter((row) => row.reason === reason.reason && row.suppressed)).not.toHaveLength(1);
          }
          for (const duration of [p.timeToOffer, p.timeToPlacement]) {
            if (duration.count === null || duration.count < 5) expect(duration.medianMinutes).toBeNull();
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});
