import { ShelterType } from '../enums';
import { replayOccupancy } from './occupancy-history';

const at = (text: string) => new Date(text);
const counts = (total: number, occupied: number, held = 0, outOfService = 0) => ({ total, occupied, held, outOfService });

describe('replayOccupancy', () => {
  const facilities = [
    { facilityId: 'a', regionCode: 'RR', type: ShelterType.NOODBED },
    { facilityId: 'b', regionCode: 'RR', type: ShelterType.NOODBED },
    { facilityId: 'c', regionCode: 'AMS', type: ShelterType.COSM },
  ];
  const starts = [at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z')];
  const to = at('2026-11-03T00:00:00Z');

  it('adds up each region and kind as it stood at the end of each bucket, with the peak within it', () => {
    const points = replayOccupancy(
      facilities,
      new Map([
        ['a', counts(4, 1)],
        ['c', counts(10, 10)],
      ]),
      [
        { facilityId: 'a', at: at('2026-11-01T03:00:00Z'), ...counts(4, 4) },
        { facilityId: 'b', at: at('2026-11-01T05:00:00Z'), ...counts(2, 1, 1) },
        { facilityId: 'a', at: at('2026-11-01T09:00:00Z'), ...counts(4, 2) },
        { facilityId: 'c', at: at('2026-11-02T08:00:00Z'), ...counts(10, 7, 0, 1) },
        { facilityId: 'a', at: at('2026-11-03T00:00:00Z'), ...counts(4, 0) }, // at `to`: outside
      ],
      starts,
      to,
    );
    const noodbed = points.filter((p) => p.regionCode === 'RR');
    expect(
      noodbed.map(({ total, occupied, held, available, peakOccupied }) => ({ total, occupied, held, available, peakOccupied })),
    ).toEqual([
      { total: 6, occupied: 3, held: 1, available: 2, peakOccupied: 5 },
      { total: 6, occupied: 3, held: 1, available: 2, peakOccupied: 3 },
    ]);
    const cosm = points.filter((p) => p.regionCode === 'AMS');
    expect(cosm.map((p) => [p.occupied, p.outOfService, p.available, p.peakOccupied])).toEqual([
      [10, 0, 0, 10],
      [7, 1, 2, 10],
    ]);
  });

  it('ignores changes of facilities outside the asked regions and kinds, and emits groups in a stable order', () => {
    const points = replayOccupancy(
      facilities.slice(0, 1),
      new Map(),
      [{ facilityId: 'zzz', at: at('2026-11-01T01:00:00Z'), ...counts(9, 9) }],
      starts,
      to,
    );
    expect(points.map((p) => [p.at.toISOString(), p.regionCode, p.total])).toEqual([
      ['2026-11-01T00:00:00.000Z', 'RR', 0],
      ['2026-11-02T00:00:00.000Z', 'RR', 0],
    ]);
  });

  it('says which buckets lack history: a facility before its first recorded row is no data, not zero places', () => {
    const hours = [at('2026-12-04T01:00:00Z'), at('2026-12-04T02:00:00Z'), at('2026-12-04T03:00:00Z')];
    const points = replayOccupancy(
      facilities.slice(0, 2),
      new Map(),
      [
        { facilityId: 'a', at: at('2026-12-04T02:10:00Z'), ...counts(14, 3) },
        { facilityId: 'b', at: at('2026-12-04T03:20:00Z'), ...counts(10, 2) },
      ],
      hours,
      at('2026-12-04T04:00:00Z'),
    );
    expect(points.map((p) => [p.total, p.facilities, p.facilitiesWithHistory, p.complete])).toEqual([
      [0, 2, 0, false], // no history at all: the 0 is no data
      [14, 2, 1, false], // b not yet recorded: 14 is not the region's total
      [24, 2, 2, true],
    ]);
    const known = replayOccupancy(facilities.slice(0, 1), new Map([['a', counts(4, 1)]]), [], hours.slice(0, 1), hours[1]);
    expect(known.map((p) => [p.facilitiesWithHistory, p.complete])).toEqual([[1, true]]);
  });
});
