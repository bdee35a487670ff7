/**
 * When a stay must end (domain.md §5 rule 5): the kind's maximum (NLA crisis 14 days, 000:2173-2174;
 * noodbed a few nights, 002:761-767), and for COSM never past the end of the bedenktijd (003:661).
 */
import { startOfLocalDay, parseLocalDate } from '../calendar/wall-clock';
import { B8Status, ShelterType } from '../enums';
import { bedenktijdEnd, type VictimProfile } from '../profile';

const DAY_MS = 24 * 3_600_000;

export function stayEndsAt(input: {
  placedAt: Date;
  type: ShelterType;
  maxStayDays: number | null;
  profile: Pick<VictimProfile, 'b8Status' | 'bedenktijdStart'>;
}): Date | null {
  const byMaximum = input.maxStayDays === null ? null : new Date(input.placedAt.getTime() + input.maxStayDays * DAY_MS);
  const { profile } = input;
  if (input.type !== ShelterType.COSM || profile.b8Status !== B8Status.BEDENKTIJD || !profile.bedenktijdStart) return byMaximum;
  // bedenktijdEnd is the first day outside the bedenktijd: the stay ends when that day starts.
  const endDay = parseLocalDate(bedenktijdEnd(profile.bedenktijdStart));
  if (!endDay) return byMaximum; // a validated profile always has a valid date
  const byBedenktijd = startOfLocalDay(endDay);
  return byMaximum && byMaximum < byBedenktijd ? byMaximum : byBedenktijd;
}

/** How long before the end of a stay the alert is raised (a day, per the issue). */
export const STAY_ALERT_BEFORE_MS = DAY_MS;
