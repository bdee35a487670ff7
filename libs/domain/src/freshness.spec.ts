import { NO_HOLIDAYS } from './calendar/holidays';
import { Freshness } from './enums';
import { capacityFreshness, DEFAULT_FRESHNESS_POLICY, figuresNudge } from './freshness';
import { UpdateCadence } from './register';

const at = (iso: string): Date => new Date(iso);
const { ROUND_THE_CLOCK, WORKING_DAYS } = UpdateCadence;

describe('capacityFreshness', () => {
  it('is UNKNOWN when capacity was never confirmed', () => {
    expect(capacityFreshness(null, ROUND_THE_CLOCK, at('2026-03-30T10:00:00Z'))).toBe(Freshness.UNKNOWN);
    expect(capacityFreshness(null, WORKING_DAYS, at('2026-03-30T10:00:00Z'))).toBe(Freshness.UNKNOWN);
  });

  it('is FRESH for a confirmation in the future (clock skew)', () => {
    expect(capacityFreshness(at('2026-03-30T10:05:00Z'), ROUND_THE_CLOCK, at('2026-03-30T10:00:00Z'))).toBe(Freshness.FRESH);
  });

  describe('ROUND_THE_CLOCK (aging after 4 h, stale after 8 h)', () => {
    const updated = at('2026-03-30T00:00:00Z');
    it.each([
      ['0 h', '2026-03-30T00:00:00Z', Freshness.FRESH],
      ['3 h 59 m', '2026-03-30T03:59:00Z', Freshness.FRESH],
      ['exactly 4 h', '2026-03-30T04:00:00Z', Freshness.AGING],
      ['7 h 59 m', '2026-03-30T07:59:59Z', Freshness.AGING],
      ['exactly 8 h', '2026-03-30T08:00:00Z', Freshness.STALE],
      ['3 days', '2026-04-02T00:00:00Z', Freshness.STALE],
    ])('%s → %s', (_label, now, expected) => {
      expect(capacityFreshness(updated, ROUND_THE_CLOCK, at(now))).toBe(expected);
    });

    it('counts real elapsed hours across the DST change (01:00 → 05:00 local is 3 h on 29 March)', () => {
      expect(capacityFreshness(at('2026-03-29T01:00:00+01:00'), ROUND_THE_CLOCK, at('2026-03-29T05:00:00+02:00'))).toBe(
        Freshness.FRESH,
      );
    });

    it('uses the policy thresholds', () => {
      const policy = { ...DEFAULT_FRESHNESS_POLICY, roundTheClockAgingHours: 1, roundTheClockStaleHours: 2 };
      expect(capacityFreshness(updated, ROUND_THE_CLOCK, at('2026-03-30T01:00:00Z'), policy)).toBe(Freshness.AGING);
      expect(capacityFreshness(updated, ROUND_THE_CLOCK, at('2026-03-30T02:00:00Z'), policy)).toBe(Freshness.STALE);
    });
  });

  describe('WORKING_DAYS (aging after 1 working day, stale after 2)', () => {
    it.each([
      ['Mon 10:00 → Mon 17:00', '2026-06-08T10:00:00+02:00', '2026-06-08T17:00:00+02:00', Freshness.FRESH],
      ['Mon 10:00 → Tue 09:59', '2026-06-08T10:00:00+02:00', '2026-06-09T09:59:00+02:00', Freshness.FRESH],
      ['Mon 10:00 → Tue 10:00 (exactly 1)', '2026-06-08T10:00:00+02:00', '2026-06-09T10:00:00+02:00', Freshness.AGING],
      ['Mon 10:00 → Wed 09:59', '2026-06-08T10:00:00+02:00', '2026-06-10T09:59:00+02:00', Freshness.AGING],
      ['Mon 10:00 → Wed 10:00 (exactly 2)', '2026-06-08T10:00:00+02:00', '2026-06-10T10:00:00+02:00', Freshness.STALE],
      [
        'Fri 16:00 → Mon 09:00: the weekend does not age',
        '2026-06-12T16:00:00+02:00',
        '2026-06-15T09:00:00+02:00',
        Freshness.FRESH,
      ],
      ['Fri 16:00 → Mon 16:00', '2026-06-12T16:00:00+02:00', '2026-06-15T16:00:00+02:00', Freshness.AGING],
      ['Fri 16:00 → Tue 16:00', '2026-06-12T16:00:00+02:00', '2026-06-16T16:00:00+02:00', Freshness.STALE],
      [
        'Thu 24 Dec 12:00 → Mon 28 Dec 11:00 (Christmas, weekend)',
        '2026-12-24T12:00:00+01:00',
        '2026-12-28T11:00:00+01:00',
        Freshness.FRESH,
      ],
      [
        'Fri 3 Apr 12:00 → Tue 7 Apr 11:00 (Easter Monday)',
        '2026-04-03T12:00:00+02:00',
        '2026-04-07T11:00:00+02:00',
        Freshness.FRESH,
      ],
      [
        'Fri 3 Apr 12:00 → Tue 7 Apr 13:00 (Easter Monday)',
        '2026-04-03T12:00:00+02:00',
        '2026-04-07T13:00:00+02:00',
        Freshness.AGING,
      ],
    ])('%s → %s', (_label, updated, now, expected) => {
      expect(capacityFreshness(at(updated), WORKING_DAYS, at(now))).toBe(expected);
    });

    it('holidays only stop the clock with a holiday calendar', () => {
      const updated = at('2026-12-24T12:00:00+01:00');
      const now = at('2026-12-28T11:00:00+01:00');
      expect(capacityFreshness(updated, WORKING_DAYS, now, DEFAULT_FRESHNESS_POLICY, NO_HOLIDAYS)).toBe(Freshness.AGING);
    });
  });
});

describe('figuresNudge: the shelter on a phone is asked "klopt het nog?"', () => {
  const confirmed = new Date('2026-12-06T23:00:00.000Z');

  it('asks from AGING on (a 24/7 shelter 5 hours after its confirmation, at 04:00), saying how old', () => {
    expect(
      figuresNudge(
        confirmed,
        UpdateCadence.ROUND_THE_CLOCK,
        new Date('2026-12-07T04:00:00.000Z'),
        DEFAULT_FRESHNESS_POLICY,
        NO_HOLIDAYS,
      ),
    ).toEqual({
      freshness: Freshness.AGING,
      hoursOld: 5,
    });
  });

  it('does not ask while fresh, asks when stale or never confirmed', () => {
    const policy = DEFAULT_FRESHNESS_POLICY;
    expect(
      figuresNudge(confirmed, UpdateCadence.ROUND_THE_CLOCK, new Date('2026-12-07T02:59:00.000Z'), policy, NO_HOLIDAYS),
    ).toBeNull();
    expect(
      figuresNudge(confirmed, UpdateCadence.ROUND_THE_CLOCK, new Date('2026-12-07T07:00:00.000Z'), policy, NO_HOLIDAYS),
    ).toEqual({
      freshness: Freshness.STALE,
      hoursOld: 8,
    });
    expect(figuresNudge(null, UpdateCadence.WORKING_DAYS, new Date('2026-12-07T07:00:00.000Z'), policy, NO_HOLIDAYS)).toEqual({
      freshness: Freshness.UNKNOWN,
      hoursOld: null,
    });
  });
});
