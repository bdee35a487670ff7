import { AvailabilityBand, Role, ShelterType } from '@opvangplek/domain';
import type { Viewer } from '@opvangplek/access';
import { type CountedFacility, mayKnowCounts, regionKindCapacities, sameRegionKindCapacity } from './capacity-disclosure';

const counted = (overrides: Partial<CountedFacility> & { free?: number } = {}): CountedFacility => {
  const { free = 2, ...rest } = overrides;
  return {
    regionCode: 'RR',
    type: ShelterType.COSM,
    secretAddress: false,
    stale: false,
    capacity: { total: 10, occupied: 10 - free, held: 0, outOfService: 0 },
    ...rest,
  };
};

const viewer = (role: Role, facilityIds: string[] = []): Viewer =>
  ({ sub: 'someone', role, org: 'org', regions: ['RR'], facilityIds }) as unknown as Viewer;

describe('mayKnowCounts (issue 12)', () => {
  const secret = { id: 'f1', secretAddress: true };
  it("a secret facility's counts: its own staff only", () => {
    expect(mayKnowCounts(viewer(Role.SHELTER_STAFF, ['f1']), secret)).toBe(true);
    for (const role of [Role.PLANNER, Role.POLICE, Role.ADMIN, Role.ZORGCOORDINATOR, Role.COMENSHA]) {
      expect(mayKnowCounts(viewer(role), secret)).toBe(false);
    }
    expect(mayKnowCounts(viewer(Role.SHELTER_STAFF, ['f2']), secret)).toBe(false);
  });
  it('a public facility: everyone', () => {
    expect(mayKnowCounts(viewer(Role.POLICE), { id: 'f1', secretAddress: false })).toBe(true);
  });
});

describe('regionKindCapacities (issue 12)', () => {
  it('adds up the public facilities exactly and the secret ones as a band only', () => {
    const [group] = regionKindCapacities([
      counted({ free: 2 }),
      counted({ free: 3, stale: true }),
      counted({ secretAddress: true, free: 4 }),
    ]);
    expect(group).toEqual({
      regionCode: 'RR',
      type: ShelterType.COSM,
      facilities: 3,
      secretFacilities: 1,
      total: 20,
      occupied: 15,
      held: 0,
      outOfService: 0,
      available: 5,
      secretAvailability: AvailabilityBand.AVAILABLE,
      availability: AvailabilityBand.AVAILABLE,
      staleShare: 0.333,
    });
  });

  it('a hold at a secret facility that leaves a place free changes nothing; taking its last place changes only the band', () => {
    const at = (held: number) =>
      regionKindCapacities([
        counted({ free: 0 }),
        counted({ secretAddress: true, capacity: { total: 3, occupied: 1, held, outOfService: 0 } }),
      ])[0];
    expect(sameRegionKindCapacity(at(0), at(1))).toBe(true);
    const full = at(2);
    expect(sameRegionKindCapacity(at(1), full)).toBe(false);
    expect(full).toMatchObject({ secretAvailability: AvailabilityBand.NONE, availability: AvailabilityBand.NONE, available: 0 });
  });

  it('groups by region and kind; no secret facility is NONE', () => {
    const groups = regionKindCapacities([counted(), counted({ regionCode: 'AMS' }), counted({ type: ShelterType.OMM, free: 0 })]);
    expect(groups.map((g) => [g.regionCode, g.type, g.secretAvailability, g.availability])).toEqual([
      ['RR', ShelterType.COSM, AvailabilityBand.NONE, AvailabilityBand.AVAILABLE],
      ['AMS', ShelterType.COSM, AvailabilityBand.NONE, AvailabilityBand.AVAILABLE],
      ['RR', ShelterType.OMM, AvailabilityBand.NONE, AvailabilityBand.NONE],
    ]);
  });

  it('sameRegionKindCapacity: nothing before is a change', () => {
    const [group] = regionKindCapacities([counted()]);
    expect(sameRegionKindCapacity(undefined, group)).toBe(false);
    expect(sameRegionKindCapacity({ ...group }, group)).toBe(true);
    expect(sameRegionKindCapacity({ ...group, available: 1 }, group)).toBe(false);
  });
});
