import { OpeningHours } from '../register';
import { DUTCH_PUBLIC_HOLIDAYS, HolidayCalendar } from './holidays';
import { nextOpening } from './opening-hours';

/**
 * When a held place is released (domain.md §5 rule 3): `holdMinutes` after the hold was made, or,
 * when the facility's intake is closed at that moment, `holdMinutes` after its next opening, so a
 * hold made on Friday night is not lost before anyone at the shelter could act on it.
 */
export function holdExpiresAt(
  heldAt: Date,
  intakeHours: OpeningHours | null,
  holdMinutes: number,
  holidays: HolidayCalendar = DUTCH_PUBLIC_HOLIDAYS,
): Date {
  return new Date(nextOpening(intakeHours, heldAt, holidays).getTime() + holdMinutes * 60_000);
}
