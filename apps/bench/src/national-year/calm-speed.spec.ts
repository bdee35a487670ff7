import {
  ATTEND_BEFORE_CONTACT_MS,
  ATTEND_BEFORE_DEADLINE_MS,
  attendedTo,
  attendFrom,
  CALM_MARGIN_MS,
  calmUntil,
  CalmSpeed,
  CONTACT_HORIZON_MS,
} from './calm-speed';

const HOUR = 3_600_000;

describe('the simulated year runs calm only while nothing the headline measures happens (issue 19)', () => {
  const quiet = { nowMs: 0, nextArrivalMs: 5 * HOUR, unanswered: 0, unreached: 0 };

  it('runs calm until the margin before the next arrival, and not at all with someone not yet reached or answered', () => {
    expect(calmUntil(quiet)).toBe(5 * HOUR - CALM_MARGIN_MS);
    expect(calmUntil({ ...quiet, unreached: 1 })).toBeNull();
    expect(calmUntil({ ...quiet, unanswered: 1 })).toBeNull();
    expect(calmUntil({ ...quiet, nextArrivalMs: 2 * CALM_MARGIN_MS - 1 })).toBeNull();
    expect(calmUntil({ ...quiet, nextArrivalMs: 2 * CALM_MARGIN_MS })).toBe(CALM_MARGIN_MS);
    expect(calmUntil({ ...quiet, nextArrivalMs: null })).toBe(Number.POSITIVE_INFINITY);
  });

  it('asks for the calm speed once, measures again when someone needs it sooner, and after the arrival margin by itself', () => {
    const speed = new CalmSpeed();
    expect(speed.decide(quiet)).toEqual({ calmUntil: 5 * HOUR - CALM_MARGIN_MS });
    expect(speed.decide({ ...quiet, nowMs: HOUR })).toBeNull();
    // An offer lapsed and a request waits unnamed: measure again at once.
    expect(speed.decide({ ...quiet, nowMs: 2 * HOUR, unreached: 1 })).toBe('measure');
    expect(speed.decide({ ...quiet, nowMs: 2.5 * HOUR, unreached: 1 })).toBeNull();
    expect(speed.decide({ ...quiet, nowMs: 3 * HOUR })).toEqual({ calmUntil: 5 * HOUR - CALM_MARGIN_MS });
    // Past the margin the scheduled slow-down has applied: nothing to ask while she is being reached.
    expect(speed.decide({ ...quiet, nowMs: 4.6 * HOUR })).toBeNull();
    expect(speed.decide({ ...quiet, nowMs: 5.2 * HOUR, nextArrivalMs: 9 * HOUR, unreached: 1 })).toBeNull();
    expect(speed.decide({ ...quiet, nowMs: 5.5 * HOUR, nextArrivalMs: 9 * HOUR })).toEqual({
      calmUntil: 9 * HOUR - CALM_MARGIN_MS,
    });
  });

  it('shortens a calm stretch when something that puts someone back to matching comes up before its end', () => {
    const speed = new CalmSpeed();
    expect(speed.decide(quiet)).toEqual({ calmUntil: 5 * HOUR - CALM_MARGIN_MS });
    // A shelter's decline is drawn for 3 hours on: measure again a margin before it, not at the old end.
    expect(speed.decide({ ...quiet, nowMs: HOUR, nextArrivalMs: 3 * HOUR })).toEqual({ calmUntil: 3 * HOUR - CALM_MARGIN_MS });
    expect(speed.decide({ ...quiet, nowMs: 1.5 * HOUR, nextArrivalMs: 3 * HOUR })).toBeNull();
    // A later moment never lengthens a stretch already announced.
    expect(speed.decide({ ...quiet, nowMs: 1.6 * HOUR, nextArrivalMs: 8 * HOUR })).toBeNull();
  });

  it('announces the attending speed for just before a contact within the horizon, not for one further ahead', () => {
    expect(attendFrom(HOUR + CONTACT_HORIZON_MS, HOUR)).toBe(HOUR + CONTACT_HORIZON_MS - ATTEND_BEFORE_CONTACT_MS);
    expect(attendFrom(HOUR + CONTACT_HORIZON_MS + 1, HOUR)).toBeNull();
    expect(attendFrom(null, HOUR)).toBeNull();
    // Once announced, the first tick with nothing to attend to measures again rather than staying slow.
    const speed = new CalmSpeed();
    speed.attendAhead();
    expect(speed.decide({ ...quiet, nowMs: HOUR, nextArrivalMs: HOUR + CALM_MARGIN_MS, unreached: 1 })).toBe('measure');
  });

  it('attends to a request being received or matched, and to an ACUTE one from shortly before her escalation deadline', () => {
    const tenMinutes = 10 * 60_000;
    const waiting = { status: 'WAITING', urgency: 'URGENT', createdAtMs: 0 };
    expect(attendedTo({ ...waiting, status: 'RECEIVED' }, 0, tenMinutes)).toBe(true);
    expect(attendedTo({ ...waiting, status: 'MATCHING' }, 0, tenMinutes)).toBe(true);
    expect(attendedTo(waiting, HOUR, tenMinutes)).toBe(false);
    const acute = { ...waiting, urgency: 'ACUTE' };
    expect(attendedTo(acute, tenMinutes - ATTEND_BEFORE_DEADLINE_MS - 1, tenMinutes)).toBe(false);
    expect(attendedTo(acute, tenMinutes - ATTEND_BEFORE_DEADLINE_MS, tenMinutes)).toBe(true);
    expect(attendedTo({ ...acute, status: 'OFFERED' }, HOUR, tenMinutes)).toBe(true);
  });

  it('runs slower while the service works on someone not yet reached, and back to measuring (or calm) once it is done', () => {
    const speed = new CalmSpeed();
    const busy = { ...quiet, nextArrivalMs: HOUR, unanswered: 1, attending: true };
    expect(speed.decide(busy)).toBe('attend');
    expect(speed.decide({ ...busy, nowMs: 60_000 })).toBeNull();
    // Her request is matched and waits for a shelter's answer: time may run at the measuring speed.
    expect(speed.decide({ ...quiet, nowMs: 120_000, nextArrivalMs: HOUR, unreached: 1 })).toBe('measure');
    expect(speed.decide({ ...quiet, nowMs: 180_000, nextArrivalMs: HOUR, unreached: 1 })).toBeNull();
    // From calm, a call on its way slows time at once.
    expect(speed.decide({ ...quiet, nowMs: HOUR })).toEqual({ calmUntil: 5 * HOUR - CALM_MARGIN_MS });
    expect(speed.decide({ ...quiet, nowMs: 2 * HOUR, unanswered: 1, attending: true })).toBe('attend');
    // Done, and nobody else near: calm again straight from attending.
    expect(speed.decide({ ...quiet, nowMs: 2.1 * HOUR })).toEqual({ calmUntil: 5 * HOUR - CALM_MARGIN_MS });
  });
});
