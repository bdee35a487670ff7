import { AvailabilityBand, DEFAULT_FRESHNESS_POLICY, type OpeningHours, ShelterType, UpdateCadence } from '@opvangplek/domain';
import { facilityView, intakeAt, intakeMemo, regionPhrase, shownFacilityName } from './facility-view.mapper';

const OFFICE: OpeningHours = { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00', closedOnPublicHolidays: true };
const WEEKEND: OpeningHours = { days: [6, 7], opens: '10:00', closes: '16:00', closedOnPublicHolidays: false };

describe('intakeMemo', () => {
  // Saturday 23:00 in Amsterdam: office intake opens Monday 09:00, weekend intake Sunday 10:00.
  const saturdayNight = new Date('2026-11-21T22:00:00Z');

  it('answers what intakeAt answers, for each schedule and for 24/7', () => {
    const intakeOf = intakeMemo(saturdayNight);
    for (const hours of [OFFICE, WEEKEND, null]) {
      expect(intakeOf(hours)).toEqual(intakeAt(hours, saturdayNight));
    }
    expect(intakeOf(OFFICE).nextOpeningAt).toEqual(new Date('2026-11-23T08:00:00Z'));
    expect(intakeOf(WEEKEND).nextOpeningAt).toEqual(new Date('2026-11-22T09:00:00Z'));
  });

  it('evaluates equal schedules once, even as different objects, and tells different ones apart', () => {
    const intakeOf = intakeMemo(saturdayNight);
    const first = intakeOf(OFFICE);
    expect(intakeOf({ ...OFFICE, days: [...OFFICE.days] })).toBe(first);
    expect(intakeOf({ ...OFFICE, closedOnPublicHolidays: false })).not.toBe(first);
    expect(intakeOf({ ...OFFICE, closes: '17:30' })).not.toBe(first);
    expect(intakeOf({ ...OFFICE, days: [1, 2, 3, 4] })).not.toBe(first);
  });
});

describe('facilityView: counts of a secret facility (issue 12)', () => {
  const now = new Date('2026-11-21T22:00:00Z');
  const policy = DEFAULT_FRESHNESS_POLICY;
  const facility = (secretAddress: boolean, held: number) =>
    ({
      id: '6f1b2c1e-0000-4000-8000-000000000001',
      key: 'cosm-vries',
      name: 'COSM Vries',
      type: ShelterType.COSM,
      operator: 'Jade',
      regionCode: 'DR',
      municipality: 'Tynaarlo',
      latitude: 53.07,
      longitude: 6.58,
      secretAddress,
      address: 'Geheim 1, 9481 AA Vries',
      placingAuthority: 'COMENSHA',
      intakeHours: null,
      eligibility: {},
      maxStayDays: null,
      updateCadence: UpdateCadence.ROUND_THE_CLOCK,
      region: { code: 'DR', name: 'Drenthe', centralMunicipality: 'Assen' },
      capacity: {
        facilityId: 'x',
        total: 6,
        occupied: 2,
        held,
        outOfService: 0,
        version: 3 + held,
        updatedAt: now,
        confirmedAt: now,
      },
    }) as unknown as Parameters<typeof facilityView>[0];

  it('withholds the counts from whoever may not see them; the band stays while a place is free', () => {
    const view = (held: number) => facilityView(facility(true, held), { now, freshnessPolicy: policy, mayKnowLocation: false });
    expect(view(0).capacity).toBeNull();
    expect(view(0).availability).toEqual(view(3).availability);
    expect(view(3).availability.band).toBe(AvailabilityBand.AVAILABLE);
    expect(view(4).availability.band).toBe(AvailabilityBand.NONE);
  });

  it('names it by its kind and its region in words to whoever may not locate it, never by its town', () => {
    const anonymous = facilityView(facility(true, 0), { now, freshnessPolicy: policy, mayKnowLocation: false });
    expect(anonymous.name).toBe('COSM (geheim adres), regio Drenthe');
    expect(shownFacilityName(facility(true, 0), false)).toBe(anonymous.name);
    // Its staff, and anyone for a public facility, see the register's name.
    expect(shownFacilityName(facility(true, 0), true)).toBe('COSM Vries');
    expect(shownFacilityName(facility(false, 0), false)).toBe('COSM Vries');
  });

  it('says "regio Amersfoort" for the region called "Regio Amersfoort", not "regio Regio Amersfoort"', () => {
    expect(regionPhrase('Regio Amersfoort')).toBe('regio Amersfoort');
    expect(regionPhrase('Rotterdam Rijnmond')).toBe('regio Rotterdam Rijnmond');
  });

  it('shows them with mayKnowCounts (its staff), and for a public facility always', () => {
    const own = facilityView(facility(true, 1), { now, freshnessPolicy: policy, mayKnowLocation: true, mayKnowCounts: true });
    expect(own.capacity).toMatchObject({ held: 1, available: 3, version: 4 });
    // Locating it (the requester of an accepted placement) is not enough to watch its counts.
    expect(facilityView(facility(true, 1), { now, freshnessPolicy: policy, mayKnowLocation: true }).capacity).toBeNull();
    expect(facilityView(facility(false, 1), { now, freshnessPolicy: policy, mayKnowLocation: true }).capacity).toMatchObject({
      held: 1,
    });
  });
});
