import { B8Status, ShelterType } from '../enums';
import { STAY_ALERT_BEFORE_MS, stayEndsAt } from './stay';

const DAY = 24 * 3_600_000;
/** Monday 30 November 2026, 12:00 in Amsterdam. */
const PLACED_AT = new Date('2026-11-30T11:00:00.000Z');

describe('stayEndsAt', () => {
  it('ends after the kind’s maximum: NLA crisis 14 days, noodbed 3 nights', () => {
    expect(stayEndsAt({ placedAt: PLACED_AT, type: ShelterType.NLA_CRISIS, maxStayDays: 14, profile: {} })).toEqual(
      new Date('2026-12-14T11:00:00.000Z'),
    );
    expect(stayEndsAt({ placedAt: PLACED_AT, type: ShelterType.NOODBED, maxStayDays: 3, profile: {} })).toEqual(
      new Date(PLACED_AT.getTime() + 3 * DAY),
    );
  });

  it('has no end without a maximum (vrouwenopvang, maatschappelijke opvang)', () => {
    expect(stayEndsAt({ placedAt: PLACED_AT, type: ShelterType.VROUWENOPVANG, maxStayDays: null, profile: {} })).toBeNull();
    // A bedenktijd does not end a stay outside COSM.
    expect(
      stayEndsAt({
        placedAt: PLACED_AT,
        type: ShelterType.NOODBED,
        maxStayDays: null,
        profile: { b8Status: B8Status.BEDENKTIJD, bedenktijdStart: '2026-11-27' },
      }),
    ).toBeNull();
  });

  describe('COSM: never past the end of the bedenktijd (at most 3 months, 003:661)', () => {
    const bedenktijd = { b8Status: B8Status.BEDENKTIJD, bedenktijdStart: '2026-11-27' };

    it('without a maximum, ends when the first day after the bedenktijd starts (Amsterdam midnight)', () => {
      // Started 27 November: the bedenktijd ends 27 February 2027, 00:00 CET.
      expect(stayEndsAt({ placedAt: PLACED_AT, type: ShelterType.COSM, maxStayDays: null, profile: bedenktijd })).toEqual(
        new Date('2027-02-26T23:00:00.000Z'),
      );
    });

    it('a maximum beyond the bedenktijd is capped at its end; a shorter one stands', () => {
      expect(stayEndsAt({ placedAt: PLACED_AT, type: ShelterType.COSM, maxStayDays: 180, profile: bedenktijd })).toEqual(
        new Date('2027-02-26T23:00:00.000Z'),
      );
      expect(stayEndsAt({ placedAt: PLACED_AT, type: ShelterType.COSM, maxStayDays: 30, profile: bedenktijd })).toEqual(
        new Date(PLACED_AT.getTime() + 30 * DAY),
      );
    });

    it('reads the end day in Amsterdam time across daylight saving (CEST: midnight is 22:00 UTC)', () => {
      const placedAt = new Date('2026-02-01T10:00:00.000Z');
      const profile = { b8Status: B8Status.BEDENKTIJD, bedenktijdStart: '2026-01-15' };
      expect(stayEndsAt({ placedAt, type: ShelterType.COSM, maxStayDays: null, profile })).toEqual(
        new Date('2026-04-14T22:00:00.000Z'),
      );
    });

    it('clamps at month ends (30 November + 3 months = 28 February)', () => {
      const profile = { b8Status: B8Status.BEDENKTIJD, bedenktijdStart: '2026-11-30' };
      expect(stayEndsAt({ placedAt: PLACED_AT, type: ShelterType.COSM, maxStayDays: null, profile })).toEqual(
        new Date('2027-02-27T23:00:00.000Z'),
      );
    });

    it('without a bedenktijd (or its start), only the maximum counts', () => {
      for (const profile of [{}, { b8Status: B8Status.NOT_YET_INFORMED }, { b8Status: B8Status.BEDENKTIJD }]) {
        expect(stayEndsAt({ placedAt: PLACED_AT, type: ShelterType.COSM, maxStayDays: null, profile })).toBeNull();
        expect(stayEndsAt({ placedAt: PLACED_AT, type: ShelterType.COSM, maxStayDays: 60, profile })).toEqual(
          new Date(PLACED_AT.getTime() + 60 * DAY),
        );
      }
    });
  });

  it('alerts a day before the end', () => {
    expect(STAY_ALERT_BEFORE_MS).toBe(DAY);
  });
});
