/**
 * Issue 12: what a caller who may not locate a secret-address facility sees of it names no town.
 * Every field of every secret facility of the national register, as `facilityView` shows it to such
 * a caller, is checked against the facility's real municipality, its town, its region's central
 * municipality and every Dutch municipality; its `region` (code, name, central municipality, as the
 * public `regions` query gives them) is the one thing it deliberately discloses.
 */
import type { FreshnessPolicy } from '@opvangplek/domain';
import type { CapacityReading, LoadedFacility } from '../facility-definitions';
import { anonymousFacilityKey, facilityView, regionPhrase, WITHHELD_OPERATOR } from '../facility-view.mapper';
import type { RegionEntity } from '../region.entity';
import { nationalRegister, regionSeed, type SeedFacility } from './index';
import { dutchPlaceNames, placeNameFinder, stringsIn, townOfAddress } from './place-names';

const NOW = new Date('2026-12-01T09:00:00Z');
const POLICY: FreshnessPolicy = {
  roundTheClockAgingHours: 4,
  roundTheClockStaleHours: 8,
  workingDaysAging: 1,
  workingDaysStale: 2,
};

const register = nationalRegister();
const secret = register.facilities.filter((f) => f.secretAddress);

/** A uuid as the database would give it, distinct per facility. */
function idOf(index: number): string {
  const hex = (index + 1).toString(16).padStart(12, '0');
  return `7c9e6679-7425-40de-944b-${hex}`;
}

function loaded(facility: SeedFacility, index: number): LoadedFacility {
  const seed = regionSeed(facility.regionCode);
  const region = { code: seed.code, name: seed.name, centralMunicipality: seed.centralMunicipality } as RegionEntity;
  const id = idOf(index);
  const capacity: CapacityReading = { facilityId: id, ...facility.capacity, version: 1, updatedAt: NOW, confirmedAt: NOW };
  return { ...facility, id, region, capacity, createdAt: NOW, updatedAt: NOW } as LoadedFacility;
}

/** What the facility's location is: its municipality, the town in its address, its region's central municipality. */
function ownPlaces(facility: SeedFacility): string[] {
  const town = townOfAddress(facility.address);
  return [facility.municipality, regionSeed(facility.regionCode).centralMunicipality, ...(town ? [town] : [])];
}

describe('secret facilities of the national register', () => {
  it('are there to check: dozens, in every kind that has them', () => {
    expect(secret.length).toBeGreaterThanOrEqual(45);
    expect(new Set(secret.map((f) => f.type)).size).toBeGreaterThanOrEqual(5);
  });

  it('show a caller who may not locate them no field that names their town or any Dutch municipality', () => {
    const leaks: string[] = [];
    secret.forEach((facility, index) => {
      const view = facilityView(loaded(facility, index), { now: NOW, freshnessPolicy: POLICY, mayKnowLocation: false });
      const { region, ...shown } = view;
      expect(region).toEqual({
        code: facility.regionCode,
        name: regionSeed(facility.regionCode).name,
        centralMunicipality: regionSeed(facility.regionCode).centralMunicipality,
      });
      const find = placeNameFinder(dutchPlaceNames(ownPlaces(facility)));
      // The anonymous name says its region in words ("…, regio Rotterdam Rijnmond"): the region is what
      // it discloses (`region` above), so that phrase, and only that, is no leak.
      const ownRegion = regionPhrase(regionSeed(facility.regionCode).name);
      for (const [field, text] of stringsIn(shown)) {
        for (const place of find(text.split(ownRegion).join(' ')))
          leaks.push(`${facility.key}.${field} = "${text}" names ${place}`);
      }
      expect(view).toMatchObject({
        key: anonymousFacilityKey(view.id),
        operator: WITHHELD_OPERATOR,
        municipality: null,
        address: null,
        latitude: null,
        longitude: null,
      });
      expect(view.key).not.toBe(facility.key);
      expect(view.name).not.toBe(facility.name);
    });
    expect(leaks).toEqual([]);
  });

  it('have register names and operators that name no town (their staff see those)', () => {
    const leaks: string[] = [];
    for (const facility of secret) {
      const find = placeNameFinder(dutchPlaceNames(ownPlaces(facility)));
      for (const field of ['name', 'operator'] as const) {
        for (const place of find(facility[field])) leaks.push(`${facility.key}.${field} = "${facility[field]}" names ${place}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('show their own staff (who may locate them) everything', () => {
    const facility = secret.find((f) => f.key === 'cosm-vries')!;
    const view = facilityView(loaded(facility, 0), { now: NOW, freshnessPolicy: POLICY, mayKnowLocation: true });
    expect(view).toMatchObject({
      key: 'cosm-vries',
      name: facility.name,
      operator: facility.operator,
      municipality: 'Tynaarlo',
      address: facility.address,
      latitude: facility.latitude,
      longitude: facility.longitude,
    });
    expect(townOfAddress(facility.address)).toBe('Vries');
  });

  it('have distinct opaque keys, which never hold a letter', () => {
    const keys = secret.map((_, index) => anonymousFacilityKey(idOf(index)));
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^geheim-\d{15}$/);
  });

  it('the finder finds whole place names only', () => {
    const find = placeNameFinder(['Ede', "'s-Gravenhage", 'Súdwest-Fryslân']);
    expect(find('regio Ede')).toEqual(['Ede']);
    expect(find('Nederland 3ede4')).toEqual([]);
    expect(find("Opvang 'S-GRAVENHAGE")).toEqual(["'s-Gravenhage"]);
    expect(find('Sudwest-Fryslan')).toEqual(['Súdwest-Fryslân']);
  });
});
