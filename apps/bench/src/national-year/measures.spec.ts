import {
  byHourOfWeek,
  escalationCost,
  firstWayOut,
  hasNamedEscalation,
  hasNamedWait,
  hourOfWeekLabel,
  leftUnnamed,
  type OpenRequest,
  type PersonOutcome,
  reachedByCounts,
  unnamedRequests,
  worstHour,
} from './measures';

const MINUTE = 60_000;
/** Monday 4 January 2027 00:00 UTC is Monday 01:00 in Amsterdam (UTC+1 in the simulation). */
const MONDAY = Date.parse('2027-01-04T00:00:00Z');
/** Sunday 10 January 2027 02:00 UTC: Sunday 03:00 in Amsterdam, the hour the issue names. */
const SUNDAY_3AM = Date.parse('2027-01-10T02:00:00Z');

function outcome(contactMs: number, headline: number | null, place: number | null = headline): PersonOutcome {
  return {
    contactAt: new Date(contactMs),
    classes: [],
    toPlaceMinutes: place,
    toStructuralMinutes: null,
    toPlaceOrEscalationMinutes: headline,
    strictMinutes: headline,
    reachedBy: headline === null ? null : place === headline ? 'place' : 'escalation',
    escalatedMinutes: headline !== null && place !== headline ? headline : null,
  };
}

describe('national year: the headline measure (issue 19: "one place to go or a named escalation within 15 minutes")', () => {
  it('takes the first of a place to go, an escalation and a named authority, in minutes from first contact', () => {
    const contact = MONDAY;
    expect(firstWayOut(contact, { place: contact + 40 * MINUTE, escalation: contact + 30 * MINUTE })).toEqual({
      minutes: 30,
      reachedBy: 'escalation',
    });
    expect(firstWayOut(contact, { place: contact + 5 * MINUTE, authority: contact + 9 * MINUTE })).toEqual({
      minutes: 5,
      reachedBy: 'place',
    });
    expect(firstWayOut(contact, { authority: contact + 2 * MINUTE, escalation: null })).toEqual({
      minutes: 2,
      reachedBy: 'authority',
    });
  });

  it('counts a named wait (the screeningsoverleg, 003:490) only where it is given, and after a place or an escalation', () => {
    const contact = MONDAY;
    expect(firstWayOut(contact, { namedWait: contact + MINUTE, escalation: contact + 30 * MINUTE })).toEqual({
      minutes: 1,
      reachedBy: 'namedWait',
    });
    expect(firstWayOut(contact, { escalation: contact + 30 * MINUTE })).toEqual({ minutes: 30, reachedBy: 'escalation' });
    expect(firstWayOut(contact, { namedWait: contact + MINUTE, authority: contact + MINUTE })?.reachedBy).toBe('authority');
  });

  it('gives a tie to the place, counts a moment read before contact as at contact, and has nothing without any', () => {
    expect(firstWayOut(MONDAY, { place: MONDAY + MINUTE, escalation: MONDAY + MINUTE })?.reachedBy).toBe('place');
    expect(firstWayOut(MONDAY, { place: MONDAY - MINUTE })).toEqual({ minutes: 0, reachedBy: 'place' });
    expect(firstWayOut(MONDAY, {})).toBeNull();
    expect(firstWayOut(MONDAY, { place: undefined, escalation: null })).toBeNull();
  });

  it('names the worst hour of the week, and one person with neither makes an hour miss', () => {
    expect(hourOfWeekLabel(0)).toBe('Monday 00:00');
    expect(hourOfWeekLabel(6 * 24 + 3)).toBe('Sunday 03:00');
    const outcomes = [outcome(MONDAY, 3), outcome(MONDAY, 4), outcome(SUNDAY_3AM, 20), outcome(SUNDAY_3AM, 1)];
    expect(worstHour(outcomes, (o) => o.toPlaceOrEscalationMinutes)).toMatchObject({ label: 'Sunday 03:00', n: 2, p95: 20 });
    const withNeither = [...outcomes, outcome(MONDAY, null)];
    expect(worstHour(withNeither, (o) => o.toPlaceOrEscalationMinutes)).toMatchObject({
      label: 'Monday 01:00',
      p95: Number.POSITIVE_INFINITY,
      without: 1,
    });
    expect(worstHour([], (o) => o.toPlaceOrEscalationMinutes)).toBeNull();
  });

  it('buckets by hour of the week whichever measure is picked', () => {
    const outcomes = [outcome(SUNDAY_3AM, 4, 50), outcome(SUNDAY_3AM, 6, null)];
    expect(byHourOfWeek(outcomes)[6 * 24 + 3]).toMatchObject({ n: 1, p50: 50 });
    expect(byHourOfWeek(outcomes, (o) => o.toPlaceOrEscalationMinutes)[6 * 24 + 3]).toMatchObject({ n: 2, p50: 4, p95: 6 });
    expect(reachedByCounts([...outcomes, outcome(MONDAY, null)])).toEqual({
      place: 0,
      escalation: 2,
      authority: 0,
      namedWait: 0,
      none: 1,
    });
  });

  it('counts the escalations that a place within 15 minutes made unneeded: the cost of an early deadline to the OvD bevolkingszorg (003:497)', () => {
    const escalatedAt = (minutes: number, place: number | null) => ({
      ...outcome(MONDAY, minutes, place),
      escalatedMinutes: minutes,
    });
    expect(
      escalationCost([
        escalatedAt(10, 12),
        escalatedAt(10, 15),
        escalatedAt(10, 16),
        escalatedAt(10, null),
        // An onward request stuck when her noodbed stay ended, days on: not the deadline's.
        { ...outcome(MONDAY, 2), escalatedMinutes: 3 * 24 * 60 },
        outcome(MONDAY, 3),
      ]),
    ).toEqual({ escalated: 4, placeWithinTarget: 2 });
  });
});

describe('national year: people left without a place and without a named escalation (issue 19: must be 0 after 15 min)', () => {
  const now = SUNDAY_3AM;
  const open = (over: Partial<OpenRequest>): OpenRequest => ({
    people: 1,
    status: 'WAITING',
    createdAtMs: now - 20 * MINUTE,
    urgency: 'ACUTE',
    escalated: false,
    waitingReason: 'NO_CAPACITY',
    waitingForAuthority: null,
    ...over,
  });

  it('counts a named escalation as escalated, or on the worklist of an authority that can act now', () => {
    expect(hasNamedEscalation(open({ escalated: true }))).toBe(true);
    expect(hasNamedEscalation(open({ waitingReason: 'AWAITING_AUTHORITY', waitingForAuthority: 'NLA' }))).toBe(true);
    // CoMensha closed until Monday: nobody is named to act now.
    expect(hasNamedEscalation(open({ waitingReason: 'AUTHORITY_CLOSED', waitingForAuthority: 'COMENSHA' }))).toBe(false);
    expect(hasNamedEscalation(open({}))).toBe(false);
  });

  it('reads a request that is not ACUTE waiting for the screeningsoverleg (003:490) or CoMensha’s opening (000:2136-2139) as a named wait', () => {
    const friday = { urgency: 'URGENT', waitingReason: 'AWAITING_ROUTE_DECISION' };
    expect(hasNamedWait(open(friday))).toBe(true);
    expect(hasNamedWait(open({ urgency: 'PLANNED', waitingReason: 'AUTHORITY_CLOSED', waitingForAuthority: 'COMENSHA' }))).toBe(
      true,
    );
    // An ACUTE request needs a place or the escalation (003:497), and capacity names nobody.
    expect(hasNamedWait(open({ ...friday, urgency: 'ACUTE' }))).toBe(false);
    expect(hasNamedWait(open({ urgency: 'URGENT' }))).toBe(false);
    expect(leftUnnamed([open(friday)], now)).toBe(0);
    expect(leftUnnamed([open(friday)], now, { strict: true })).toBe(1);
  });

  it('reads a request that is not ACUTE offered at a shelter as a named wait (the shelter decides, until its hold lapses); an ACUTE offer is not', () => {
    expect(hasNamedWait(open({ urgency: 'URGENT', status: 'OFFERED', waitingReason: null }))).toBe(true);
    expect(hasNamedWait(open({ urgency: 'PLANNED', status: 'OFFERED', waitingReason: null }))).toBe(true);
    expect(hasNamedWait(open({ urgency: 'ACUTE', status: 'OFFERED', waitingReason: null }))).toBe(false);
    // Waiting for capacity names nobody, whatever the urgency.
    expect(hasNamedWait(open({ urgency: 'URGENT', status: 'WAITING', waitingReason: 'NO_CAPACITY' }))).toBe(false);
    expect(leftUnnamed([open({ urgency: 'URGENT', status: 'OFFERED', waitingReason: null })], now)).toBe(0);
    expect(leftUnnamed([open({ urgency: 'URGENT', status: 'OFFERED', waitingReason: null })], now, { strict: true })).toBe(1);
  });

  it('counts "left" without a break: an offer that lapsed a few minutes ago puts her back in MATCHING, not back to her first contact', () => {
    const relapsed = open({ urgency: 'URGENT', status: 'MATCHING', waitingReason: null, unnamedSinceMs: now - 3 * MINUTE });
    expect(leftUnnamed([relapsed], now)).toBe(0);
    expect(leftUnnamed([{ ...relapsed, unnamedSinceMs: now - 20 * MINUTE }], now)).toBe(1);
    // Never reached: from first contact, as before; the strict reading always counts from first contact.
    expect(leftUnnamed([{ ...relapsed, unnamedSinceMs: undefined }], now)).toBe(1);
    expect(leftUnnamed([relapsed], now, { strict: true })).toBe(1);
    // Without a grace (the calm speed's question), a step read after the moment asked about still counts.
    const justNow = { ...relapsed, unnamedSinceMs: now + 40 * MINUTE };
    expect(leftUnnamed([justNow], now, { graceMinutes: -1 })).toBe(0);
    expect(leftUnnamed([justNow], now, { graceMinutes: Number.NEGATIVE_INFINITY })).toBe(1);
  });

  it('names the requests behind a count, so a miss can be explained', () => {
    const waitingLong = { ...open({}), id: 'r-1' };
    const escalated = { ...open({ escalated: true }), id: 'r-2' };
    expect(unnamedRequests([waitingLong, escalated], now).map((r) => r.id)).toEqual(['r-1']);
  });

  it('counts people past 15 minutes with neither, a group as its size, an offer alone as no place', () => {
    const requests = [
      open({}),
      open({ people: 8, status: 'OFFERED', waitingReason: null }),
      open({ createdAtMs: now - 10 * MINUTE }), // within the 15 minutes
      open({ escalated: true }),
      open({ status: 'OFFERED', placeToGo: true }), // the noodbed the police were told
      open({ status: 'ACCEPTED' }),
    ];
    expect(leftUnnamed(requests, now)).toBe(9);
    expect(leftUnnamed(requests, now, { graceMinutes: 25 })).toBe(0);
  });
});
