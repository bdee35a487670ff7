/**
 * How the people answering the service behave: when a shelter answers an offer, how often it
 * declines, when the person arrives, when CoMensha works its worklist, how long stays last. Pure
 * draws from documented distributions; the seeds give no response times, so every figure below is
 * an assumption, named here so a planner can change it.
 */
import { chance, logNormal, type Random, weighted } from './random';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function localHour(at: Date): { day: number; hour: number } {
  const local = new Date(at.getTime() + HOUR_MS); // Europe/Amsterdam as UTC+1
  return { day: local.getUTCDay(), hour: local.getUTCHours() + local.getUTCMinutes() / 60 };
}

export function isNight(at: Date): boolean {
  const { hour } = localHour(at);
  return hour >= 22 || hour < 7;
}

/** Office hours Mon-Fri 09:00-17:00 (CoMensha's desk, domain.md §5a). */
export function inOfficeHours(at: Date): boolean {
  const { day, hour } = localHour(at);
  return day >= 1 && day <= 5 && hour >= 9 && hour < 17;
}

/** The next moment in office hours at or after `at` (to the quarter hour). */
export function nextOfficeMoment(at: Date): Date {
  let t = at.getTime();
  for (let i = 0; i < 7 * 24 * 4 && !inOfficeHours(new Date(t)); i++) t += 15 * MINUTE_MS;
  return new Date(t);
}

export interface OfferAnswer {
  /** null: nobody answers and the offer lapses. */
  afterMs: number | null;
  accept: boolean;
  declineReason?: string;
}

const DECLINE_REASONS = {
  'contra-indicatie: actieve verslaving': 3,
  'groepssamenstelling: geen plek op de groep': 4,
  'veiligheid: dader bekend in deze regio': 2,
  'personeel: geen intake mogelijk vandaag': 3,
} as const;

/**
 * A shelter's answer to an offer: median 20 min by day, 60 at night (p95 1.5 h / 4 h); 12% declined
 * with a reason; 4% never answered (the hold lapses and the request is matched again).
 */
export function drawOfferAnswer(random: Random, at: Date): OfferAnswer {
  if (chance(random, 0.04)) return { afterMs: null, accept: false };
  const night = isNight(at);
  const afterMs = logNormal(random, night ? 60 * MINUTE_MS : 20 * MINUTE_MS, night ? 4 * HOUR_MS : 1.5 * HOUR_MS);
  if (chance(random, 0.12)) return { afterMs, accept: false, declineReason: weighted(random, DECLINE_REASONS) };
  return { afterMs, accept: true };
}

/** Travel to the place after an accepted offer: median 2 h, p95 8 h. */
export function drawArrivalDelayMs(random: Random): number {
  return logNormal(random, 2 * HOUR_MS, 8 * HOUR_MS);
}

/**
 * When an authority with a request on its worklist assigns a place: CoMensha in office hours
 * (the first office moment, then median 30 min, p95 3 h); the others around the clock (median
 * 45 min, p95 4 h).
 */
export function drawDecisionAt(random: Random, authority: string, at: Date): Date {
  if (authority === 'COMENSHA') {
    const open = nextOfficeMoment(at);
    const decided = new Date(open.getTime() + logNormal(random, 30 * MINUTE_MS, 3 * HOUR_MS));
    return inOfficeHours(decided) ? decided : nextOfficeMoment(decided);
  }
  return new Date(at.getTime() + logNormal(random, 45 * MINUTE_MS, 4 * HOUR_MS));
}

/**
 * The screeningsoverleg's route decision for criminal exploitation (003:490), recorded by the
 * coordinator: at a meeting on a working day (the first office moment, then median 1 day, p95 4
 * days: it meets weekly in some regions); 80% decide on a safe shelter place. The seeds give neither
 * figure: both are assumptions.
 */
export function drawRouteDecision(random: Random, at: Date): { at: Date; shelter: boolean } {
  const decided = new Date(nextOfficeMoment(at).getTime() + logNormal(random, DAY_MS, 4 * DAY_MS));
  return { at: inOfficeHours(decided) ? decided : nextOfficeMoment(decided), shelter: chance(random, 0.8) };
}

/**
 * How long a stay lasts by the kind of place: noodbed nights (median 2), NLA crisis days (median
 * 10), bedenktijd in COSM (median 80 days, the three months of 000:2131), VO/MO months (median 5).
 */
export function drawStayMs(random: Random, type: string): number {
  switch (type) {
    case 'NOODBED':
      return logNormal(random, 2 * DAY_MS, 5 * DAY_MS);
    case 'NLA_CRISIS':
      return logNormal(random, 10 * DAY_MS, 25 * DAY_MS);
    case 'COSM':
      return logNormal(random, 80 * DAY_MS, 100 * DAY_MS);
    case 'JEUGDZORG':
      return logNormal(random, 120 * DAY_MS, 300 * DAY_MS);
    default:
      return logNormal(random, 150 * DAY_MS, 300 * DAY_MS);
  }
}

/** The hours between two capacity reports of a shelter: median 8 h, p95 3 days (some go stale). */
export function drawCapacityReportGapMs(random: Random): number {
  return logNormal(random, 8 * HOUR_MS, 72 * HOUR_MS);
}
