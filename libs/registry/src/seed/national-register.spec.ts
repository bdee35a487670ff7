import {
  B8Status,
  Gender,
  PLACING_AUTHORITY_BY_TYPE,
  ResidenceStatus,
  ShelterType,
  UpdateCadence,
  availablePlaces,
  capacityViolations,
  isE164DutchPhoneNumber,
} from '@opvangplek/domain';
import { REGION_SEEDS, SeedFacility, nationalRegister, scaleRegister } from './index';

const register = nationalRegister();
const ofType = (type: ShelterType): SeedFacility[] => register.facilities.filter((f) => f.type === type);
const places = (facilities: SeedFacility[]): number => facilities.reduce((sum, f) => sum + f.capacity.total, 0);

describe('nationalRegister', () => {
  it('gives every facility a simulated intake line: E.164, from the block 020 000 xxxx no one is given', () => {
    for (const facility of register.facilities) {
      expect({ key: facility.key, valid: isE164DutchPhoneNumber(facility.intakePhone ?? '') }).toEqual({
        key: facility.key,
        valid: true,
      });
      expect(facility.intakePhone).toMatch(/^\+3120000\d{4}$/);
    }
    // Derived from the key: the same on every run.
    expect(nationalRegister().facilities.map((f) => f.intakePhone)).toEqual(register.facilities.map((f) => f.intakePhone));
  });

  it('has the 35 centrumgemeente regions with unique codes', () => {
    expect(register.regions).toHaveLength(35);
    const codes = register.regions.map((r) => r.code);
    expect(new Set(codes).size).toBe(35);
    expect(codes).toEqual(expect.arrayContaining(['RR', 'TW', 'AMS', 'ZHZ', 'DR']));
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2,4}$/);
    expect(register.regions.find((r) => r.code === 'RR')?.centralMunicipality).toBe('Rotterdam');
    expect(register.regions.find((r) => r.code === 'TW')?.centralMunicipality).toBe('Enschede');
  });

  it('gives every region centroid coordinates in the Netherlands and 3–8 municipalities', () => {
    for (const seed of REGION_SEEDS) {
      expect(seed.latitude).toBeGreaterThan(50.7);
      expect(seed.latitude).toBeLessThan(53.6);
      expect(seed.longitude).toBeGreaterThan(3.3);
      expect(seed.longitude).toBeLessThan(7.3);
      expect(seed.municipalities.length).toBeGreaterThanOrEqual(3);
      expect(seed.municipalities.length).toBeLessThanOrEqual(8);
      expect(seed.municipalities[0]).toBe(seed.centralMunicipality);
    }
  });

  it('has at least two VO and two MO locations in every region', () => {
    for (const region of register.regions) {
      const inRegion = register.facilities.filter((f) => f.regionCode === region.code);
      const vo = inRegion.filter((f) => f.type === ShelterType.VROUWENOPVANG).length;
      const mo = inRegion.filter((f) => f.type === ShelterType.MAATSCHAPPELIJKE_OPVANG).length;
      expect({ region: region.code, vo: vo >= 2 && vo <= 4, mo: mo >= 2 && mo <= 4 }).toEqual({
        region: region.code,
        vo: true,
        mo: true,
      });
    }
  });

  it('has VO at secret addresses (roughly a third) and VO places for men (000:2106-2108)', () => {
    const vo = ofType(ShelterType.VROUWENOPVANG);
    const secret = vo.filter((f) => f.secretAddress).length;
    expect(secret / vo.length).toBeGreaterThan(0.25);
    expect(secret / vo.length).toBeLessThan(0.45);
    expect(vo.filter((f) => f.eligibility.genders.includes(Gender.MALE)).length).toBeGreaterThanOrEqual(3);
  });

  it('never names the town of a secret-address facility (domain.md §6)', () => {
    for (const f of register.facilities.filter((x) => x.secretAddress && x.type !== ShelterType.COSM)) {
      expect(f.name).not.toContain(`(${f.municipality})`);
    }
  });

  it('has 3 COSM locations with 40 places: 30 for women, 10 for men (000:2128-2130)', () => {
    const cosm = ofType(ShelterType.COSM);
    expect(cosm.map((f) => f.key).sort()).toEqual(['cosm-amsterdam', 'cosm-rotterdam', 'cosm-vries']);
    expect(places(cosm)).toBe(40);
    expect(places(cosm.filter((f) => f.eligibility.genders.includes(Gender.FEMALE)))).toBe(30);
    expect(places(cosm.filter((f) => f.eligibility.genders.includes(Gender.MALE)))).toBe(10);
    const vries = cosm.find((f) => f.key === 'cosm-vries');
    expect(vries?.regionCode).toBe('DR');
    expect(vries?.eligibility.genders).toEqual([Gender.MALE]);
    for (const f of cosm) {
      expect(f.secretAddress).toBe(true);
      expect(f.eligibility.minAge).toBe(18);
      expect(f.eligibility.residenceStatuses).toEqual([ResidenceStatus.NO_LAWFUL_RESIDENCE]);
      expect([...f.eligibility.b8Statuses].sort()).toEqual([B8Status.BEDENKTIJD, B8Status.NOT_YET_INFORMED].sort());
      expect(f.intakeHours).toEqual({
        days: [1, 2, 3, 4, 5],
        opens: '09:00',
        closes: '17:00',
        closedOnPublicHolidays: true,
      });
      expect(f.updateCadence).toBe(UpdateCadence.WORKING_DAYS);
    }
  });

  it('has 36 OMM places over at least 5 locations, 6 in Noordoost-Nederland (000:2149-2153)', () => {
    const omm = ofType(ShelterType.OMM);
    expect(places(omm)).toBe(36);
    expect(omm.length).toBeGreaterThanOrEqual(5);
    const noordoost = omm.find((f) => f.key === 'omm-noordoost');
    expect(noordoost?.operator).toBe('Leger des Heils');
    expect(noordoost?.capacity.total).toBe(6);
    for (const f of omm) expect(f.eligibility.acceptsCareNeeds).toHaveLength(4);
  });

  it('has 3 NLA crisis locations for labour exploitation, always open, with no maximum stay: the 14 days are for ernstige-benadeling places only (000:2172-2174)', () => {
    const nla = ofType(ShelterType.NLA_CRISIS);
    expect(nla).toHaveLength(3);
    for (const f of nla) {
      expect(f.maxStayDays).toBeNull();
      expect(f.intakeHours).toBeNull();
      expect(f.updateCadence).toBe(UpdateCadence.ROUND_THE_CLOCK);
    }
    expect(Math.max(...nla.map((f) => f.eligibility.maxGroupSize))).toBeGreaterThanOrEqual(12);
  });

  it('has a noodbed in Rotterdam Rijnmond, free at the start, for the police, 24/7, max 3 days', () => {
    const noodbedden = ofType(ShelterType.NOODBED);
    const inRotterdam = noodbedden.filter((f) => f.regionCode === 'RR');
    expect(inRotterdam.length).toBeGreaterThanOrEqual(1);
    expect(inRotterdam.some((f) => availablePlaces(f.capacity) > 0)).toBe(true);
    expect(noodbedden.some((f) => f.regionCode === 'ZHZ')).toBe(true);
    for (const f of noodbedden) {
      expect(f.capacity.total).toBeGreaterThanOrEqual(1);
      expect(f.capacity.total).toBeLessThanOrEqual(3);
      expect(f.intakeHours).toBeNull();
      expect(f.maxStayDays).toBe(3);
    }
  });

  it('takes only minors in JEUGDZORG and only adults elsewhere', () => {
    const jeugd = ofType(ShelterType.JEUGDZORG);
    expect(jeugd.length).toBeGreaterThanOrEqual(5);
    expect(jeugd.some((f) => f.operator.includes('Nidos'))).toBe(true);
    for (const f of jeugd) {
      expect(f.eligibility.maxAge).not.toBeNull();
      expect(f.eligibility.maxAge).toBeLessThanOrEqual(17);
    }
    for (const f of register.facilities.filter((x) => x.type !== ShelterType.JEUGDZORG)) {
      expect(f.eligibility.minAge).toBe(18);
    }
  });

  it('keeps every capacity valid and realistic: mostly full, some free places', () => {
    for (const f of register.facilities) expect({ key: f.key, v: capacityViolations(f.capacity) }).toEqual({ key: f.key, v: [] });
    const regular = register.facilities.filter(
      (f) => f.type === ShelterType.VROUWENOPVANG || f.type === ShelterType.MAATSCHAPPELIJKE_OPVANG,
    );
    const full = regular.filter((f) => availablePlaces(f.capacity) === 0).length;
    expect(full / regular.length).toBeGreaterThan(0.4);
    expect(regular.some((f) => availablePlaces(f.capacity) >= 1 && availablePlaces(f.capacity) <= 3)).toBe(true);
    expect(regular.some((f) => f.capacity.outOfService > 0)).toBe(true);
  });

  it('has unique keys and names, known regions and the placing authority of the kind', () => {
    const keys = register.facilities.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    const names = register.facilities.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const codes = new Set(register.regions.map((r) => r.code));
    for (const f of register.facilities) {
      expect(codes.has(f.regionCode)).toBe(true);
      expect(f.placingAuthority).toBe(PLACING_AUTHORITY_BY_TYPE[f.type]);
      expect(f.address).toMatch(/ \d{4} [A-Z]{2} /);
      expect(f.eligibility.acceptsCareNeeds.length).toBeGreaterThan(0);
      expect(f.intakeHours === null).toBe(f.updateCadence === UpdateCadence.ROUND_THE_CLOCK);
    }
  });

  it('totals about 1,024 places nationally (domain.md §7)', () => {
    const total = places(register.facilities);
    expect(total).toBeGreaterThanOrEqual(900);
    expect(total).toBeLessThanOrEqual(1200);
  });

  it('is deterministic and returns fresh objects', () => {
    const again = nationalRegister();
    expect(again).toEqual(register);
    expect(again.facilities[0]).not.toBe(register.facilities[0]);
    expect(again.facilities[0].eligibility.genders).not.toBe(register.facilities[0].eligibility.genders);
  });
});

describe('scaleRegister', () => {
  it('returns the same content for n = 1', () => {
    expect(scaleRegister(register, 1)).toEqual(register);
  });

  it('makes a register 10 times as large with unique keys and valid capacities', () => {
    const scaled = scaleRegister(register, 10);
    expect(scaled.regions).toEqual(register.regions);
    expect(scaled.facilities).toHaveLength(register.facilities.length * 10);
    expect(new Set(scaled.facilities.map((f) => f.key)).size).toBe(scaled.facilities.length);
    expect(new Set(scaled.facilities.map((f) => f.name)).size).toBe(scaled.facilities.length);
    expect(places(scaled.facilities)).toBe(places(register.facilities) * 10);
    for (const f of scaled.facilities) {
      expect(capacityViolations(f.capacity)).toEqual([]);
      expect(f.placingAuthority).toBe(PLACING_AUTHORITY_BY_TYPE[f.type]);
    }
    expect(scaled.facilities.find((f) => f.key === 'cosm-vries~3')?.regionCode).toBe('DR');
    expect(scaleRegister(register, 10)).toEqual(scaled);
  });

  it('rejects n that is not a whole number of at least 1', () => {
    expect(() => scaleRegister(register, 0)).toThrow(RangeError);
    expect(() => scaleRegister(register, 2.5)).toThrow(RangeError);
  });
});
