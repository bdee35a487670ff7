import { capacityAhead, expectedFreeAt, expectedStayEnd, placeExpectation, USUAL_STAY_DAYS } from './capacity-ahead';
import { ShelterType } from './enums';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Friday 11 December 2026, 17:00 in Amsterdam: the planner looks at the weekend. */
const FRIDAY = new Date('2026-12-11T16:00:00.000Z');
const later = (ms: number) => new Date(FRIDAY.getTime() + ms);
const full = (total: number) => ({ total, occupied: total, held: 0, outOfService: 0 });

describe('capacityAhead: the places expected free in 24 h and 72 h (issue 18)', () => {
  it('the planner on Friday sees a full noodbed location free 2 places within 24 h because two noodbed stays end (002:761-767)', () => {
    const ahead = capacityAhead({
      now: FRIDAY,
      counts: full(3),
      stays: [
        { places: 1, expectedEnd: later(10 * HOUR) },
        { places: 1, expectedEnd: later(20 * HOUR) },
        { places: 1, expectedEnd: later(60 * HOUR) },
      ],
      reservations: [],
    });
    expect(ahead).toEqual({ expectedFree24h: 2, expectedFree72h: 3 });
  });

  it('an accepted arrival (a held place) stays taken at both horizons', () => {
    const before = capacityAhead({
      now: FRIDAY,
      counts: { total: 4, occupied: 2, held: 0, outOfService: 0 },
      stays: [{ places: 1, expectedEnd: later(5 * HOUR) }],
      reservations: [],
    });
    const after = capacityAhead({
      now: FRIDAY,
      counts: { total: 4, occupied: 2, held: 1, outOfService: 0 },
      stays: [{ places: 1, expectedEnd: later(5 * HOUR) }],
      reservations: [],
    });
    expect(before).toEqual({ expectedFree24h: 3, expectedFree72h: 3 });
    expect(after).toEqual({ expectedFree24h: 2, expectedFree72h: 2 });
  });

  it('a stay without an expected end (vrouwenopvang) and an overstay free nothing within the horizon', () => {
    const ahead = capacityAhead({
      now: FRIDAY,
      counts: full(2),
      stays: [
        { places: 1, expectedEnd: null },
        { places: 1, expectedEnd: later(-2 * HOUR) },
      ],
      reservations: [],
    });
    expect(ahead).toEqual({ expectedFree24h: 0, expectedFree72h: 0 });
  });

  it('a planned departure (she accepted her onward place, expected there by Saturday noon) frees her noodbed before its end', () => {
    const ahead = capacityAhead({
      now: FRIDAY,
      counts: full(1),
      stays: [{ places: 1, expectedEnd: later(50 * HOUR), plannedDepartureAt: later(19 * HOUR) }],
      reservations: [],
    });
    expect(ahead).toEqual({ expectedFree24h: 1, expectedFree72h: 1 });
    // An arrival deadline already past still frees the place: she is on her way.
    expect(
      expectedFreeAt(
        {
          now: FRIDAY,
          counts: full(1),
          stays: [{ places: 1, expectedEnd: null, plannedDepartureAt: later(-HOUR) }],
          reservations: [],
        },
        later(HOUR),
      ),
    ).toBe(1);
  });

  it('a raid planned for Saturday night takes its reserved places at the 24 h horizon only while its window is open (003:493-496)', () => {
    const input = {
      now: FRIDAY,
      counts: { total: 6, occupied: 2, held: 0, outOfService: 0 },
      stays: [],
      reservations: [{ places: 3, startsAt: later(20 * HOUR), endsAt: later(30 * HOUR) }],
    };
    expect(capacityAhead(input)).toEqual({ expectedFree24h: 1, expectedFree72h: 4 });
    expect(expectedFreeAt(input, later(19 * HOUR))).toBe(4);
  });

  it('never shows more than total − outOfService, nor fewer than none', () => {
    expect(
      capacityAhead({
        now: FRIDAY,
        // Counts entered inconsistently upstream: occupied is below what the stays hold.
        counts: { total: 3, occupied: 1, held: 0, outOfService: 1 },
        stays: [
          { places: 2, expectedEnd: later(HOUR) },
          { places: 2, expectedEnd: later(2 * HOUR) },
        ],
        reservations: [],
      }),
    ).toEqual({ expectedFree24h: 2, expectedFree72h: 2 });
    expect(
      capacityAhead({
        now: FRIDAY,
        counts: full(2),
        stays: [],
        reservations: [{ places: 5, startsAt: FRIDAY, endsAt: later(80 * HOUR) }],
      }),
    ).toEqual({ expectedFree24h: 0, expectedFree72h: 0 });
  });
});

describe('expectedStayEnd', () => {
  const placedAt = later(-2 * DAY);

  it('keeps the end the workflow planned at arrival', () => {
    expect(expectedStayEnd({ type: ShelterType.NOODBED, placedAt, plannedEnd: later(5 * DAY) })).toEqual(later(5 * DAY));
  });

  it('else a noodbed stay is expected to last 3 nights (002:761-767), an NLA crisis stay 14 days (000:2172-2174)', () => {
    expect(expectedStayEnd({ type: ShelterType.NOODBED, placedAt, plannedEnd: null })).toEqual(later(DAY));
    expect(expectedStayEnd({ type: ShelterType.NLA_CRISIS, placedAt, plannedEnd: null })).toEqual(later(12 * DAY));
  });

  it('else a COSM stay is expected to last the bedenktijd, at most 3 months (003:661)', () => {
    expect(expectedStayEnd({ type: ShelterType.COSM, placedAt, plannedEnd: null })).toEqual(later(90 * DAY));
  });

  it('a vrouwenopvang stay has no usual length in the documents; a deployment may give one', () => {
    expect(expectedStayEnd({ type: ShelterType.VROUWENOPVANG, placedAt, plannedEnd: null })).toBeNull();
    expect(
      expectedStayEnd({ type: ShelterType.VROUWENOPVANG, placedAt, plannedEnd: null }, { ...USUAL_STAY_DAYS, VROUWENOPVANG: 30 }),
    ).toEqual(later(28 * DAY));
  });
});

describe('placeExpectation: when a waiting request may expect a suitable place', () => {
  it('a coordinator’s waiting request for a group of two counts only the facilities expected to take both', () => {
    const suitable = [
      { regionCode: 'RR', ahead: { expectedFree24h: 2, expectedFree72h: 3 } },
      { regionCode: 'RR', ahead: { expectedFree24h: 1, expectedFree72h: 2 } },
      { regionCode: 'AMS', ahead: { expectedFree24h: 0, expectedFree72h: 4 } },
      { regionCode: 'RR', ahead: { expectedFree24h: 0, expectedFree72h: 0 } },
    ];
    expect(placeExpectation(suitable, { places: 2, regionCode: 'RR' })).toEqual({
      within24h: 1,
      within72h: 3,
      inRegionWithin24h: 1,
      inRegionWithin72h: 2,
    });
    expect(placeExpectation(suitable, { places: 1, regionCode: 'RR' })).toEqual({
      within24h: 2,
      within72h: 3,
      inRegionWithin24h: 2,
      inRegionWithin72h: 2,
    });
  });
});
