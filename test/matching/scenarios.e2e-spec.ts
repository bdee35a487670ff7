/**
 * matchFacilities end to end: the scenarios of the matching issue, over GraphQL (HTTP), against a
 * private database holding the realistic national register (libs/registry/src/seed) and an
 * in-process API whose clock stands at Saturday 28 November 2026, 23:00 in Amsterdam.
 *
 * Seed facts the scenarios lean on (national.data.ts): COSM Amsterdam (women) has 1 free place of 16,
 * COSM Rotterdam (women) is full (14 of 14), COSM Drenthe is for men; NLA crisis places take groups
 * of at most 16 (group accommodation, 16 free), 8 (holiday home, 5 free) and 6 (hotel, 8 free);
 * every noodbed is at a secret address; CoMensha places in office hours, Mon–Fri 09:00–17:00.
 */
import { AdviceCode, ExclusionCode, Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { loadNationalRegister } from '@opvangplek/composition';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { adviceOf, codesOf, type MatchOptions, type MatchResult, matchOrFail, type Profile } from './match-client';

/** Saturday 28 November 2026, 23:00 in Amsterdam (CET, UTC+1). */
const SATURDAY_NIGHT = '2026-11-28T22:00:00.000Z';
/** Monday 30 November 2026, 09:00 in Amsterdam: CoMensha's next opening after Saturday night. */
const MONDAY_MORNING = '2026-11-30T08:00:00.000Z';

/** Kinds that may bridge the time until the best kind opens (matching-config.ts `bridgeKinds`). */
const BRIDGE_KINDS: readonly ShelterType[] = [
  ShelterType.NOODBED,
  ShelterType.VROUWENOPVANG,
  ShelterType.MAATSCHAPPELIJKE_OPVANG,
];
const REGULAR_SHELTER: readonly ShelterType[] = [ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG];

/** A Nigerian woman taken out of sexual exploitation, in the B8/3 bedenktijd since yesterday. */
const NIGERIAN_WOMAN_IN_BEDENKTIJD: Profile = {
  gender: 'FEMALE',
  age: 24,
  exploitationTypes: ['SEXUAL'],
  residenceStatus: 'NO_LAWFUL_RESIDENCE',
  b8Status: 'BEDENKTIJD',
  bedenktijdStart: '2026-11-27',
  aangifte: 'NONE',
  foundInMunicipality: 'Rotterdam',
  languages: ['en'],
};

/** A Polish man, labour exploitation, found in a raid with eleven others. */
const POLISH_WORKERS: Profile = {
  gender: 'MALE',
  age: 34,
  exploitationTypes: ['LABOUR'],
  residenceStatus: 'EU_CITIZEN',
  foundInMunicipality: 'Westland',
  languages: ['pl'],
  groupSize: 12,
};

/** A Dutch woman with a mild intellectual disability (LVB) and an addiction, sexually exploited. */
const DUTCH_WOMAN_WITH_MULTIPROBLEMATIEK: Profile = {
  gender: 'FEMALE',
  age: 27,
  exploitationTypes: ['SEXUAL'],
  residenceStatus: 'DUTCH',
  b8Status: 'NOT_APPLICABLE',
  careNeeds: ['LVB', 'ADDICTION'],
  foundInMunicipality: 'Rotterdam',
};

const DUTCH_GIRL_OF_16: Profile = { gender: 'FEMALE', age: 16, exploitationTypes: ['SEXUAL'], residenceStatus: 'DUTCH' };

const ASYLUM_SEEKER: Profile = { gender: 'FEMALE', age: 30, exploitationTypes: ['SEXUAL'], residenceStatus: 'ASYLUM_PROCEDURE' };

/** Under high threat: the exploiters are from Rotterdam (home region) and operate in Amsterdam too. */
const DUTCH_WOMAN_UNDER_HIGH_THREAT: Profile = {
  gender: 'FEMALE',
  age: 24,
  exploitationTypes: ['SEXUAL'],
  residenceStatus: 'DUTCH',
  b8Status: 'NOT_APPLICABLE',
  threatLevel: 'HIGH',
  homeRegionCode: 'RR',
  excludedRegionCodes: ['AMS'],
};

describe('matchFacilities: the scenarios of the issue, against the national register', () => {
  const clock = new FixedClock(new Date(SATURDAY_NIGHT));
  let database: TestDatabase;
  let api: TestApp;
  let police: string;
  let coordinator: string;
  let nla: string;
  /** Every facility in the register: id → key, type and region. */
  let register: Map<string, { key: string; type: ShelterType; regionCode: string }>;

  /** The question a caller asks, as the issue words it. */
  function match(profile: Profile, options: MatchOptions | undefined, token: string): Promise<MatchResult> {
    return matchOrFail(api.url, profile, options, token);
  }

  /**
   * The register key of a facility in an answer. A secret-address facility shows callers who may not
   * locate it an opaque key (issue 12), so the scenarios name facilities by the register's own key.
   */
  const keyOf = (facility: { id: string }) => register.get(facility.id)?.key;
  const matchOf = (result: MatchResult, key: string) => result.matches.find((m) => keyOf(m.facility) === key);
  const exclusionOf = (result: MatchResult, key: string) => result.excluded.find((e) => keyOf(e.facility) === key);
  const ofType = (result: MatchResult, type: ShelterType) => result.matches.filter((m) => m.facility.type === type);
  /**
   * A facility's free places. A secret-address facility's counts are withheld from these callers
   * (issue 12: only its band is shown, checked here), so the scenario reads them from the register.
   */
  async function freeOf(facility: MatchResult['excluded'][number]['facility']): Promise<number> {
    if (facility.capacity) return facility.capacity.available;
    expect(facility.secretAddress).toBe(true);
    const [{ free }] = await database.dataSource.query(
      'SELECT greatest(0, total - occupied - held - out_of_service)::int AS free FROM capacity WHERE facility_id = $1',
      [facility.id],
    );
    expect(facility.availability.band).toBe(free > 0 ? 'AVAILABLE' : 'NONE');
    return free;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    // Capacity confirmed in the hours before the scenario, as a live register would have it.
    await loadNationalRegister(database.dataSource, 1, new Date('2026-11-28T19:00:00Z'));
    api = await startTestApp(database.url, { clock });
    police = await tokenFor({ role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] });
    coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zvh-rotterdam', regions: ['RR'] });
    nla = await tokenFor({ role: Role.NLA, org: 'nla-toezicht', regions: ['HGL'] });
    const rows: { id: string; key: string; type: ShelterType; region_code: string }[] = await database.dataSource.query(
      'SELECT id, key, type, region_code FROM facilities',
    );
    register = new Map(rows.map((row) => [row.id, { key: row.key, type: row.type, regionCode: row.region_code }]));
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  describe('a. a Nigerian woman in the bedenktijd, found on Saturday night', () => {
    let result: MatchResult;
    beforeAll(async () => {
      result = await match(NIGERIAN_WOMAN_IN_BEDENKTIJD, undefined, police);
    });

    it('is evaluated at the moment she was found', () => {
      expect(result.evaluatedAt).toBe(SATURDAY_NIGHT);
    });

    it('offers the COSM, ranked first, but placeable only from Monday 09:00 Amsterdam time', () => {
      const cosm = ofType(result, ShelterType.COSM);
      expect(cosm.map((m) => keyOf(m.facility))).toEqual(['cosm-amsterdam']);
      expect(keyOf(result.matches[0].facility)).toBe('cosm-amsterdam');
      // The police may not locate the secret COSM: it shows as anonymous, its region only.
      expect(cosm[0].facility).toMatchObject({ key: expect.stringMatching(/^geheim-\d+$/), municipality: null, address: null });
      expect(cosm[0]).toMatchObject({ placeableNow: false, placeableAt: MONDAY_MORNING });
      expect(cosm[0].facility).toMatchObject({
        placingAuthority: 'COMENSHA',
        intake: { openNow: false, nextOpeningAt: MONDAY_MORNING },
      });
      expect(cosm[0].reasons).toContain(`placeable from ${MONDAY_MORNING} (COMENSHA hours and intake hours)`);
    });

    it('leaves out the full COSM Rotterdam (NO_CAPACITY only) and the men’s COSM (GENDER only)', async () => {
      const rotterdam = exclusionOf(result, 'cosm-rotterdam')!;
      expect(await freeOf(rotterdam.facility)).toBe(0);
      expect(codesOf(rotterdam)).toEqual([ExclusionCode.NO_CAPACITY]);
      expect(codesOf(exclusionOf(result, 'cosm-vries')!)).toEqual([ExclusionCode.GENDER]);
    });

    it('offers a noodbed she can go to now', () => {
      const openNow = result.matches.filter((m) => m.placeableNow);
      expect(openNow.length).toBeGreaterThan(0);
      for (const m of openNow) {
        expect(BRIDGE_KINDS).toContain(m.facility.type);
        expect(m.placeableAt).toBe(SATURDAY_NIGHT);
      }
      expect(openNow.map((m) => m.facility.type)).toContain(ShelterType.NOODBED);
    });

    it('VO/MO take her only as an interim place until the COSM, never for her residence status (000:2131-2139, domain.md §5a)', () => {
      const regular = result.matches.filter((m) => REGULAR_SHELTER.includes(m.facility.type));
      expect(regular.length).toBeGreaterThan(0);
      for (const match of regular) expect(match.reasons).toContain('interim place only: onward to COSM (000:2136-2139)');
      const excluded = result.excluded.filter((e) => REGULAR_SHELTER.includes(e.facility.type));
      for (const exclusion of excluded) expect(codesOf(exclusion)).not.toContain(ExclusionCode.RESIDENCE_STATUS);
    });

    it('advises a bridge: a place open now, then the transfer to the COSM on Monday 09:00', () => {
      const bridge = adviceOf(result, AdviceCode.BRIDGE_THEN_TRANSFER)!;
      expect(bridge).toBeDefined();
      const interim = result.matches.find((m) => m.facility.id === bridge.bridgeFacilityId)!;
      expect(interim).toMatchObject({ placeableNow: true });
      expect(BRIDGE_KINDS).toContain(interim.facility.type);
      // The best place that is open now is the one proposed.
      expect(interim).toBe(result.matches.find((m) => m.placeableNow && BRIDGE_KINDS.includes(m.facility.type)));
      expect(register.get(bridge.onwardFacilityId!)).toMatchObject({ key: 'cosm-amsterdam', type: ShelterType.COSM });
      expect(bridge.onwardPlaceableAt).toBe(MONDAY_MORNING);
      expect(result.advice.map((a) => a.code)).toEqual([AdviceCode.BRIDGE_THEN_TRANSFER]);
    });

    it('on a weekday at 10:00 the COSM is placeable now, and no bridge is advised', async () => {
      const tuesdayMorning = await match(NIGERIAN_WOMAN_IN_BEDENKTIJD, { at: '2026-12-01T10:00:00+01:00' }, police);
      expect(tuesdayMorning.evaluatedAt).toBe('2026-12-01T09:00:00.000Z');
      expect(keyOf(tuesdayMorning.matches[0].facility)).toBe('cosm-amsterdam');
      expect(tuesdayMorning.matches[0]).toMatchObject({
        facility: { type: ShelterType.COSM },
        placeableNow: true,
        placeableAt: '2026-12-01T09:00:00.000Z',
      });
      expect(adviceOf(tuesdayMorning, AdviceCode.BRIDGE_THEN_TRANSFER)).toBeUndefined();
      expect(tuesdayMorning.advice).toEqual([]);
      // Still full in the morning: the COSM in Rotterdam is left out, not "placeable later".
      expect(codesOf(exclusionOf(tuesdayMorning, 'cosm-rotterdam')!)).toEqual([ExclusionCode.NO_CAPACITY]);
    });

    it('at 17:00 on a Friday the office has just closed: the COSM waits until Monday 09:00', async () => {
      const fridayFive = await match(NIGERIAN_WOMAN_IN_BEDENKTIJD, { at: '2026-12-04T17:00:00+01:00' }, police);
      expect(matchOf(fridayFive, 'cosm-amsterdam')).toMatchObject({
        placeableNow: false,
        placeableAt: '2026-12-07T08:00:00.000Z',
      });
      expect(adviceOf(fridayFive, AdviceCode.BRIDGE_THEN_TRANSFER)?.onwardPlaceableAt).toBe('2026-12-07T08:00:00.000Z');
      const fridayBeforeFive = await match(NIGERIAN_WOMAN_IN_BEDENKTIJD, { at: '2026-12-04T16:59:00+01:00' }, police);
      expect(matchOf(fridayBeforeFive, 'cosm-amsterdam')).toMatchObject({
        placeableNow: true,
        placeableAt: '2026-12-04T15:59:00.000Z',
      });
    });

    it('on Christmas Eve at 18:00 the COSM waits past both Christmas days and the weekend, until Monday 28 December', async () => {
      const christmasEve = await match(NIGERIAN_WOMAN_IN_BEDENKTIJD, { at: '2026-12-24T18:00:00+01:00' }, police);
      expect(matchOf(christmasEve, 'cosm-amsterdam')).toMatchObject({
        placeableNow: false,
        placeableAt: '2026-12-28T08:00:00.000Z',
      });
      expect(adviceOf(christmasEve, AdviceCode.BRIDGE_THEN_TRANSFER)?.onwardPlaceableAt).toBe('2026-12-28T08:00:00.000Z');
    });

    it('over Easter and the switch to summer time (both 28 March 2027), Tuesday 09:00 Amsterdam is 07:00 UTC', async () => {
      // No start date: a bedenktijd from November would have ended by March (003:661).
      const { bedenktijdStart: _start, ...withoutStart } = NIGERIAN_WOMAN_IN_BEDENKTIJD;
      const easterSaturday = await match(withoutStart, { at: '2027-03-27T23:00:00+01:00' }, police);
      // Sunday 28 March is Easter and the night clocks go forward; Monday 29 March is Easter Monday, a holiday.
      const TUESDAY_NINE_SUMMER_TIME = '2027-03-30T07:00:00.000Z';
      expect(matchOf(easterSaturday, 'cosm-amsterdam')).toMatchObject({
        placeableNow: false,
        placeableAt: TUESDAY_NINE_SUMMER_TIME,
      });
      expect(adviceOf(easterSaturday, AdviceCode.BRIDGE_THEN_TRANSFER)?.onwardPlaceableAt).toBe(TUESDAY_NINE_SUMMER_TIME);
    });

    it('once the three months of bedenktijd are over, the COSM is out (B8_STATUS) and says since when', async () => {
      const ended = await match({ ...NIGERIAN_WOMAN_IN_BEDENKTIJD, bedenktijdStart: '2026-08-01' }, undefined, police);
      expect(ofType(ended, ShelterType.COSM)).toEqual([]);
      const amsterdam = exclusionOf(ended, 'cosm-amsterdam')!;
      expect(codesOf(amsterdam)).toEqual([ExclusionCode.B8_STATUS]);
      expect(amsterdam.reasons[0].message).toMatch(/bedenktijd ended on 2026-11-01/);
      expect(adviceOf(ended, AdviceCode.BRIDGE_THEN_TRANSFER)).toBeUndefined();
    });

    it('a man in the bedenktijd with two children finds nothing at all: escalate to the OvD bevolkingszorg', async () => {
      const withChildren = await match(
        { ...NIGERIAN_WOMAN_IN_BEDENKTIJD, gender: 'MALE', accompanyingChildren: 2 },
        undefined,
        police,
      );
      expect(withChildren.matches).toEqual([]);
      expect(withChildren.matchCount).toBe(0);
      expect(codesOf(exclusionOf(withChildren, 'cosm-vries')!)).toEqual([ExclusionCode.CHILDREN]);
      expect(withChildren.advice.map((a) => a.code)).toEqual([AdviceCode.ESCALATE_OVD]);
    });
  });

  describe('b. a Polish man found at 02:00 on a Tuesday with eleven others (labour exploitation)', () => {
    const TUESDAY_TWO_AM = '2026-12-01T01:00:00.000Z';
    let result: MatchResult;
    beforeAll(async () => {
      result = await match(POLISH_WORKERS, { at: '2026-12-01T02:00:00+01:00' }, nla);
    });

    it('gets, first, an NLA crisis place open now that takes the whole group of 12', async () => {
      expect(result.evaluatedAt).toBe(TUESDAY_TWO_AM);
      const [best] = result.matches;
      expect(keyOf(best.facility)).toBe('nla-groepsaccommodatie');
      expect(best).toMatchObject({
        facility: { type: ShelterType.NLA_CRISIS, placingAuthority: 'NLA' },
        placeableNow: true,
        placeableAt: TUESDAY_TWO_AM,
      });
      expect(best.facility.eligibility.maxGroupSize).toBeGreaterThanOrEqual(12);
      expect(await freeOf(best.facility)).toBeGreaterThanOrEqual(12);
      // A crisis place has no maximum in the documents; 14 days is for ernstige benadeling (000:2172-2174).
      expect(best.reasons.filter((reason) => reason.startsWith('stay at most'))).toEqual([]);
    });

    it('offers only places that take the whole group together', async () => {
      for (const m of result.matches) {
        expect(m.facility.eligibility.maxGroupSize).toBeGreaterThanOrEqual(12);
        expect(await freeOf(m.facility)).toBeGreaterThanOrEqual(12);
      }
    });

    it('leaves out the NLA places that cannot take 12: GROUP_SIZE alone, their room told by their band (issue 12: secret addresses)', async () => {
      const tooSmall = result.excluded.filter((e) => e.facility.type === ShelterType.NLA_CRISIS);
      expect(tooSmall.map((e) => keyOf(e.facility)).sort()).toEqual(['nla-hotel', 'nla-vakantiewoning']);
      for (const exclusion of tooSmall) {
        expect(exclusion.facility.eligibility.maxGroupSize).toBeLessThan(12);
        expect(codesOf(exclusion)).toContain(ExclusionCode.GROUP_SIZE);
        // Holiday home: 5 free; hotel: 8 free. Neither has 12.
        expect(await freeOf(exclusion.facility)).toBeLessThan(12);
        // Both have a secret address, their counts withheld from the NLA too (issue 12): a place is
        // free, so they are not said to lack room, whatever the group size.
        expect(exclusion.facility.secretAddress).toBe(true);
        expect(codesOf(exclusion)).toEqual([ExclusionCode.GROUP_SIZE]);
      }
      const hotel = exclusionOf(result, 'nla-hotel')!;
      expect(hotel.reasons).toEqual([{ code: ExclusionCode.GROUP_SIZE, message: 'takes groups of at most 6; this group is 12' }]);
    });

    it('needs no bridge and no escalation', () => {
      expect(result.advice).toEqual([]);
    });
  });

  describe('c. a Dutch woman with LVB and an addiction, sexually exploited', () => {
    it('on a weekday at 11:00: OMM first, placeable now (CoMensha is in office)', async () => {
      const result = await match(DUTCH_WOMAN_WITH_MULTIPROBLEMATIEK, { at: '2026-12-01T11:00:00+01:00' }, coordinator);
      expect(result.matches[0]).toMatchObject({
        facility: { type: ShelterType.OMM, placingAuthority: 'COMENSHA' },
        placeableNow: true,
        placeableAt: '2026-12-01T10:00:00.000Z',
      });
      expect(result.matches[0].reasons).toContain('OMM: specialised for multiproblematiek (000:2143-2149)');
      // Every OMM place with room ranks above every other kind.
      const kinds = result.matches.map((m) => m.facility.type);
      expect(kinds.lastIndexOf(ShelterType.OMM)).toBeLessThan(kinds.findIndex((k) => k !== ShelterType.OMM));
      expect(result.advice).toEqual([]);
      for (const key of ['omm-amsterdam', 'omm-rotterdam']) {
        expect(codesOf(exclusionOf(result, key)!)).toEqual([ExclusionCode.NO_CAPACITY]);
      }
    });

    it('at night, asked by a zorgcoördinator: OMM first but placeable only at 09:00, and no noodbed is advised to her (002:761-763)', async () => {
      const result = await match(DUTCH_WOMAN_WITH_MULTIPROBLEMATIEK, { at: '2026-12-01T23:00:00+01:00' }, coordinator);
      expect(result.matches[0]).toMatchObject({ facility: { type: ShelterType.OMM }, placeableNow: false });
      const bridge = adviceOf(result, AdviceCode.BRIDGE_THEN_TRANSFER);
      if (bridge) expect(register.get(bridge.bridgeFacilityId!)!.type).not.toBe(ShelterType.NOODBED);
    });

    it('at night, asked by police: OMM still first by score but placeable only at 09:00, with a bridge for the night', async () => {
      const result = await match(DUTCH_WOMAN_WITH_MULTIPROBLEMATIEK, { at: '2026-12-01T23:00:00+01:00' }, police);
      const WEDNESDAY_NINE = '2026-12-02T08:00:00.000Z';
      const [best] = result.matches;
      expect(best).toMatchObject({ facility: { type: ShelterType.OMM }, placeableNow: false, placeableAt: WEDNESDAY_NINE });
      expect(result.matches.find((m) => m.placeableNow)!.score).toBeLessThan(best.score);

      const bridge = adviceOf(result, AdviceCode.BRIDGE_THEN_TRANSFER)!;
      expect(bridge).toMatchObject({ onwardFacilityId: best.facility.id, onwardPlaceableAt: WEDNESDAY_NINE });
      const interim = result.matches.find((m) => m.facility.id === bridge.bridgeFacilityId)!;
      expect(interim.placeableNow).toBe(true);
      expect(BRIDGE_KINDS).toContain(interim.facility.type);
    });
  });

  describe('d. a girl of 16', () => {
    let result: MatchResult;
    beforeAll(async () => {
      result = await match(DUTCH_GIRL_OF_16, undefined, coordinator);
    });

    it('is advised youth care, and only youth care is offered', () => {
      expect(result.advice.map((a) => a.code)).toEqual([AdviceCode.YOUTH_CARE]);
      expect(result.matches.length).toBeGreaterThan(0);
      for (const m of result.matches) expect(m.facility.type).toBe(ShelterType.JEUGDZORG);
    });

    it('has every adult kind left out for AGE', () => {
      const adult = result.excluded.filter((e) => e.facility.type !== ShelterType.JEUGDZORG);
      expect(adult).toHaveLength([...register.values()].filter((f) => f.type !== ShelterType.JEUGDZORG).length);
      for (const exclusion of adult) expect(codesOf(exclusion)).toContain(ExclusionCode.AGE);
    });

    it('a foreign girl who may be unaccompanied is also referred to Nidos', async () => {
      const foreign = await match(
        { ...DUTCH_GIRL_OF_16, age: 15, residenceStatus: 'NO_LAWFUL_RESIDENCE' },
        undefined,
        coordinator,
      );
      expect(foreign.advice.map((a) => a.code)).toEqual([AdviceCode.YOUTH_CARE, AdviceCode.NIDOS]);
      for (const m of foreign.matches) expect(m.facility.type).toBe(ShelterType.JEUGDZORG);
      expect(matchOf(foreign, 'jeugd-nidos-1')).toBeDefined();
    });
  });

  describe('e. an asylum seeker', () => {
    it('is advised asylum reception (AZC) and offered no bed; no escalation either', async () => {
      const result = await match(ASYLUM_SEEKER, undefined, coordinator);
      expect(result.advice.map((a) => a.code)).toEqual([AdviceCode.ASYLUM_RECEPTION]);
      expect(result.matches).toEqual([]);
      expect(result.matchCount).toBe(0);
      expect(result.excludedCount).toBe(register.size);
      for (const exclusion of result.excluded) expect(codesOf(exclusion)).toContain(ExclusionCode.RESIDENCE_STATUS);
    });
  });

  describe('f. under high threat, from Rotterdam, with Amsterdam excluded', () => {
    let result: MatchResult;
    beforeAll(async () => {
      result = await match(DUTCH_WOMAN_UNDER_HIGH_THREAT, undefined, coordinator);
    });

    it('is never placed in the home region or the excluded region', () => {
      expect(result.matches.length).toBeGreaterThan(0);
      for (const m of result.matches) expect(['RR', 'AMS']).not.toContain(m.facility.region.code);
    });

    it('has every facility in RR and AMS left out with REGION_EXCLUDED', () => {
      const inDanger = [...register.values()].filter((f) => f.regionCode === 'RR' || f.regionCode === 'AMS');
      const excludedThere = result.excluded.filter((e) => ['RR', 'AMS'].includes(e.facility.region.code));
      expect(excludedThere).toHaveLength(inDanger.length);
      for (const exclusion of excludedThere) expect(codesOf(exclusion)).toContain(ExclusionCode.REGION_EXCLUDED);
      expect(exclusionOf(result, 'vo-ams-1')!.reasons).toContainEqual({
        code: ExclusionCode.REGION_EXCLUDED,
        message: 'region AMS is excluded for this victim',
      });
      expect(exclusionOf(result, 'vo-rr-1')!.reasons).toContainEqual({
        code: ExclusionCode.REGION_EXCLUDED,
        message: 'high threat: not in the home region RR (000:2108-2110)',
      });
    });

    it('ranks a secret-address place first, and secret addresses before comparable open ones', () => {
      expect(result.matches.some((m) => m.facility.secretAddress)).toBe(true);
      expect(result.matches[0].facility.secretAddress).toBe(true);
      expect(result.matches[0].reasons).toContain('secret address, for high threat (000:2108-2110)');
      // "Comparable": the same kind, equally placeable now. Within each such group no open address
      // comes before a secret one.
      const groups = new Map<string, boolean[]>();
      for (const m of result.matches) {
        const group = `${m.facility.type}/${m.placeableNow}`;
        groups.set(group, [...(groups.get(group) ?? []), m.facility.secretAddress]);
      }
      expect(groups.get(`${ShelterType.VROUWENOPVANG}/true`)?.length).toBeGreaterThan(1);
      for (const [, secrets] of groups) {
        const firstOpen = secrets.indexOf(false);
        if (firstOpen >= 0) expect(secrets.slice(firstOpen)).not.toContain(true);
      }
    });

    it('measures distance away from the danger, not from the requester', () => {
      for (const m of result.matches) {
        expect(m.reasons).toContain(`about ${m.distanceKm} km from the nearest excluded or home region`);
      }
    });
  });

  describe('g. every facility is accounted for exactly once', () => {
    it.each([
      ['a', NIGERIAN_WOMAN_IN_BEDENKTIJD, undefined],
      ['b', POLISH_WORKERS, { at: '2026-12-01T02:00:00+01:00' }],
      ['c', DUTCH_WOMAN_WITH_MULTIPROBLEMATIEK, undefined],
      ['d', DUTCH_GIRL_OF_16, undefined],
      ['e', ASYLUM_SEEKER, undefined],
      ['f', DUTCH_WOMAN_UNDER_HIGH_THREAT, undefined],
    ] as [string, Profile, MatchOptions | undefined][])(
      'scenario %s: matches + excluded = the register',
      async (_name, profile, options) => {
        const result = await match(profile, options, coordinator);
        const ids = [...result.matches, ...result.excluded].map((entry) => entry.facility.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(register.keys()));
        expect(result.matchCount).toBe(result.matches.length);
        expect(result.excludedCount).toBe(result.excluded.length);
        expect(result.matchCount + result.excludedCount).toBe(register.size);
        for (const exclusion of result.excluded) expect(exclusion.reasons.length).toBeGreaterThan(0);
      },
    );
  });

  describe('regressions of product bugs found while writing these scenarios', () => {
    // b8StatusRule used to read a missing (optional) b8Status as a mismatch, shutting a Dutch woman
    // out of every VO and MO location; it now reads it as NOT_APPLICABLE for lawful residence.
    it('a Dutch woman who leaves the (optional) B8/3 status empty is offered vrouwenopvang', async () => {
      const dutchWoman: Profile = { gender: 'FEMALE', age: 24, exploitationTypes: ['SEXUAL'], residenceStatus: 'DUTCH' };
      const withoutStatus = await match(dutchWoman, undefined, coordinator);
      const notApplicable = await match({ ...dutchWoman, b8Status: 'NOT_APPLICABLE' }, undefined, coordinator);
      const shutOut = withoutStatus.excluded.filter(
        (e) => REGULAR_SHELTER.includes(e.facility.type) && codesOf(e).includes(ExclusionCode.B8_STATUS),
      );
      expect(shutOut.map((e) => keyOf(e.facility))).toEqual([]);
      expect(ofType(withoutStatus, ShelterType.VROUWENOPVANG).length).toBeGreaterThan(0);
      expect(withoutStatus.matches.map((m) => m.facility.id)).toEqual(notApplicable.matches.map((m) => m.facility.id));
    });
  });
});
