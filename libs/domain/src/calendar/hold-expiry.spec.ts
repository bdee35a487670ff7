import { COMENSHA_OFFICE_HOURS } from './authority-hours';
import { holdExpiresAt } from './hold-expiry';

describe('holdExpiresAt (domain.md §5 rule 3)', () => {
  it('counts from the hold when intake is open', () => {
    expect(holdExpiresAt(new Date('2026-03-30T10:00:00+02:00'), COMENSHA_OFFICE_HOURS, 120)).toEqual(
      new Date('2026-03-30T12:00:00+02:00'),
    );
    expect(holdExpiresAt(new Date('2026-03-28T23:00:00+01:00'), null, 120)).toEqual(new Date('2026-03-29T00:00:00Z'));
  });
  it('counts from the next opening when intake is closed (Friday night → Monday 11:00, across DST)', () => {
    expect(holdExpiresAt(new Date('2026-03-27T22:00:00+01:00'), COMENSHA_OFFICE_HOURS, 120)).toEqual(
      new Date('2026-03-30T11:00:00+02:00'),
    );
  });
});
