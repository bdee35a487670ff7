import { NO_HOLIDAYS } from '../calendar/holidays';
import { DEFAULT_FRESHNESS_POLICY } from '../freshness';
import { UpdateCadence } from '../register';
import { replayStaleShare } from './stale-share-history';

const at = (iso: string) => new Date(iso);
const HOURS = ['2026-12-07T02:00:00.000Z', '2026-12-07T03:00:00.000Z', '2026-12-07T04:00:00.000Z'].map(at);

describe('replayStaleShare: a region planner looks back at how stale its figures were', () => {
  const shelter = (facilityId: string, confirmations: string[], regionCode = 'TW') => ({
    facilityId,
    regionCode,
    updateCadence: UpdateCadence.ROUND_THE_CLOCK,
    registeredAt: at('2026-12-01T00:00:00.000Z'),
    confirmations: confirmations.map(at),
  });

  it('counts a 24/7 shelter stale from 8 hours after its latest confirmation, aging from 4, until it confirms again', () => {
    // Confirmed 18:00 (UTC) the day before; stale from 02:00; confirmed again at 03:30.
    const points = replayStaleShare(
      [shelter('a', ['2026-12-06T18:00:00.000Z', '2026-12-07T03:30:00.000Z']), shelter('b', ['2026-12-07T01:00:00.000Z'])],
      HOURS,
      at('2026-12-07T04:30:00.000Z'),
      DEFAULT_FRESHNESS_POLICY,
      NO_HOLIDAYS,
    );
    expect(
      points.map(({ at: start, stale, aging, staleShare }) => ({ at: start.toISOString(), stale, aging, staleShare })),
    ).toEqual([
      // End of 02:00-03:00: a is 9 h old (stale), b 2 h (fresh).
      { at: '2026-12-07T02:00:00.000Z', stale: 1, aging: 0, staleShare: 0.5 },
      // End of 03:00-04:00: a confirmed at 03:30, b 3 h old.
      { at: '2026-12-07T03:00:00.000Z', stale: 0, aging: 0, staleShare: 0 },
      // At `to` (04:30): b is 3.5 h old, a 1 h.
      { at: '2026-12-07T04:00:00.000Z', stale: 0, aging: 0, staleShare: 0 },
    ]);
  });

  it('counts a facility never confirmed as stale, and one not yet registered not at all; regions apart', () => {
    const later = { ...shelter('late', ['2026-12-07T03:10:00.000Z']), registeredAt: at('2026-12-07T03:10:00.000Z') };
    const points = replayStaleShare(
      [shelter('never', []), later, shelter('elsewhere', ['2026-12-06T22:30:00.000Z'], 'RR')],
      HOURS.slice(0, 2),
      at('2026-12-07T04:00:00.000Z'),
      DEFAULT_FRESHNESS_POLICY,
      NO_HOLIDAYS,
    );
    const of = (regionCode: string) =>
      points.filter((p) => p.regionCode === regionCode).map(({ facilities, stale, aging }) => ({ facilities, stale, aging }));
    expect(of('TW')).toEqual([
      { facilities: 1, stale: 1, aging: 0 },
      { facilities: 2, stale: 1, aging: 0 },
    ]);
    // 22:30 → 03:00 is 4.5 h: aging; → 04:00 5.5 h: still aging.
    expect(of('RR')).toEqual([
      { facilities: 1, stale: 0, aging: 1 },
      { facilities: 1, stale: 0, aging: 1 },
    ]);
  });
});
