import { ExploitationType, Gender } from '../enums';
import {
  isOrganisationCode,
  mergedReservation,
  ReservationState,
  shownReservationState,
  shownShortfall,
  insideWindow,
  planReservations,
  ShortfallReason,
  validatePlannedAction,
  type ExpectedPeopleOutline,
} from './planned-action';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const THURSDAY_23 = new Date('2026-12-03T22:00:00.000Z');
const women = (count: number): ExpectedPeopleOutline => ({
  count,
  gender: Gender.FEMALE,
  minor: false,
  exploitationTypes: [ExploitationType.SEXUAL],
});
const fieldsOf = (startsAt: Date, endsAt: Date, outlines = [women(8)]) =>
  validatePlannedAction({ startsAt, endsAt, outlines }, NOW).map((v) => v.field);

describe('validatePlannedAction', () => {
  it('accepts a window in the future with eight women expected', () => {
    expect(fieldsOf(THURSDAY_23, new Date(THURSDAY_23.getTime() + 8 * 3_600_000))).toEqual([]);
  });
  it('refuses a window in the past, an end before the start and a window of a week', () => {
    expect(fieldsOf(new Date(NOW.getTime() - 1), new Date(NOW.getTime() + 3_600_000))).toEqual(['startsAt']);
    expect(fieldsOf(THURSDAY_23, THURSDAY_23)).toEqual(['endsAt']);
    expect(fieldsOf(THURSDAY_23, new Date(THURSDAY_23.getTime() + 7 * 24 * 3_600_000))).toEqual(['endsAt']);
  });
  it('refuses a count of 0 or above 200, and more than 200 people in all', () => {
    const end = new Date(THURSDAY_23.getTime() + 3_600_000);
    expect(fieldsOf(THURSDAY_23, end, [women(0)])).toEqual(['expected[0].count']);
    expect(fieldsOf(THURSDAY_23, end, [women(201)])).toEqual(['expected[0].count']);
    expect(fieldsOf(THURSDAY_23, end, [women(150), women(60)])).toEqual(['expected']);
    expect(fieldsOf(THURSDAY_23, end, [])).toEqual(['expected']);
  });
});

describe('planReservations', () => {
  const open = { automatic: true, openAtStart: true };
  it('fills the best facilities first, keeping the group together where it can', () => {
    expect(
      planReservations(8, [
        { facilityId: 'a', free: 5, ...open },
        { facilityId: 'b', free: 6, ...open },
      ]),
    ).toEqual({
      allocations: [
        { facilityId: 'a', places: 5 },
        { facilityId: 'b', places: 3 },
      ],
      shortfall: { count: 0, reasons: [] },
    });
  });
  it('names every reason of a shortfall', () => {
    const plan = planReservations(4, [
      { facilityId: 'cosm', free: 10, automatic: false, openAtStart: false },
      { facilityId: 'closed', free: 10, automatic: true, openAtStart: false },
      { facilityId: 'full', free: 0, ...open },
      { facilityId: 'one', free: 1, ...open },
    ]);
    expect(plan.allocations).toEqual([{ facilityId: 'one', places: 1 }]);
    expect(plan.shortfall).toEqual({
      count: 3,
      reasons: [ShortfallReason.CLOSED_AT_START, ShortfallReason.NO_CAPACITY, ShortfallReason.OTHER_AUTHORITY_DECIDES],
    });
  });
  it('says nothing suits when the matcher found nothing', () => {
    expect(planReservations(2, []).shortfall).toEqual({ count: 2, reasons: [ShortfallReason.NO_SUITABLE_PLACE] });
  });
});

describe('insideWindow', () => {
  it('is half-open: the start inside, the end outside', () => {
    const window = { startsAt: THURSDAY_23, endsAt: new Date(THURSDAY_23.getTime() + 3_600_000) };
    expect(insideWindow(window, THURSDAY_23)).toBe(true);
    expect(insideWindow(window, new Date(THURSDAY_23.getTime() - 1))).toBe(false);
    expect(insideWindow(window, window.endsAt)).toBe(false);
  });
});

describe('what a planned action shows of its reservations', () => {
  const reservation = (places: number, converted: number, notHeld: number, state: ReservationState) => ({
    places,
    converted,
    notHeld,
    state,
  });

  it('says when a reserved place could not be held at the start', () => {
    expect(shownReservationState(reservation(2, 1, 1, ReservationState.CONVERTED))).toBe(ReservationState.TAKEN_BEFORE_START);
    expect(shownReservationState(reservation(2, 2, 0, ReservationState.CONVERTED))).toBe(ReservationState.CONVERTED);
    expect(shownReservationState(reservation(3, 1, 1, ReservationState.RESERVED))).toBe(ReservationState.RESERVED);
  });

  it('sums secret-address reservations into one row, the least settled state first', () => {
    expect(mergedReservation([])).toBeNull();
    expect(
      mergedReservation([reservation(3, 3, 0, ReservationState.CONVERTED), reservation(2, 1, 1, ReservationState.CONVERTED)]),
    ).toEqual(reservation(5, 4, 1, ReservationState.TAKEN_BEFORE_START));
  });

  it('shows the shortfall as planned before the start, and as really held from then on', () => {
    const outline = { count: 7, shortfall: { count: 0, reasons: [] } };
    const rows = [reservation(2, 1, 1, ReservationState.CONVERTED), reservation(5, 5, 0, ReservationState.CONVERTED)];
    expect(shownShortfall(outline, rows, false)).toEqual({ count: 0, reasons: [] });
    expect(shownShortfall(outline, rows, true)).toEqual({ count: 1, reasons: [ShortfallReason.TAKEN_BEFORE_START] });
  });

  it('takes only organisation codes as in tokens', () => {
    expect(isOrganisationCode('avim-rotterdam')).toBe(true);
    for (const bad of ['<script>alert(1)</script>', 'AVIM', '', '-x', 'a'.repeat(65)])
      expect(isOrganisationCode(bad)).toBe(false);
  });
});
