/**
 * Municipalities are real (issue "Municipalities are real"): foundInMunicipality and
 * registeredInMunicipality are checked against the municipality list of 2026, with suggestions, and
 * the Humanitas pilot noodbedden take only victims found in Zuid-Holland Zuid and Rotterdam Rijnmond
 * (002:749-753). One private database with the national register, one in-process app.
 */
import { ExclusionCode, Role } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { loadNationalRegister } from '@opvangplek/composition';
import { errorCodes, gql } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { type MatchResult, matchOrFail, matchRequest, type Profile } from './match-client';

const NOW = '2026-11-28T22:00:00.000Z';
const PILOT_BEDS = ['noodbed-rr-2', 'noodbed-zhz-1'];
const ALL = { first: 1_000, excludedFirst: 1_000 };

/** A Dutch ("nationale") adult woman, as AVIM would describe her. */
const DUTCH_WOMAN: Profile = {
  gender: 'FEMALE',
  age: 27,
  exploitationTypes: ['SEXUAL'],
  residenceStatus: 'DUTCH',
  b8Status: 'NOT_APPLICABLE',
};

describe('municipalities (the list of 2026 and the found-in pilots)', () => {
  const clock = new FixedClock(new Date(NOW));
  let database: TestDatabase;
  let api: TestApp;
  let police: string;

  /** Register key by id: a secret-address facility shows the police an opaque key (issue 12). */
  let keyById: Map<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadNationalRegister(database.dataSource, 1, new Date('2026-11-28T19:00:00Z'));
    const rows: { id: string; key: string }[] = await database.dataSource.query('SELECT id, key FROM facilities');
    keyById = new Map(rows.map((row) => [row.id, row.key]));
    api = await startTestApp(database.url, { clock });
    police = await tokenFor({ role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] });
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const keyOf = (facility: { id: string }) => keyById.get(facility.id) ?? '';
  const pilotBeds = (result: MatchResult) => ({
    matched: result.matches.map((m) => keyOf(m.facility)).filter((key) => PILOT_BEDS.includes(key)),
    excluded: result.excluded
      .filter((e) => PILOT_BEDS.includes(keyOf(e.facility)))
      .map((e) => ({ key: keyOf(e.facility), codes: e.reasons.map((r) => r.code) })),
  });

  it('a misspelt foundInMunicipality is BAD_USER_INPUT naming the field, with the closest names', async () => {
    const response = await matchRequest(api.url, { ...DUTCH_WOMAN, foundInMunicipality: 'Rotterdm' }, undefined, police);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions?.field).toBe('profile.foundInMunicipality');
    expect(response.errors![0].message).toMatch(
      /profile\.foundInMunicipality: foundInMunicipality "Rotterdm" is not a Dutch municipality of 2026; did you mean Rotterdam/,
    );
  });

  it('an unknown registeredInMunicipality is refused the same way; names, aliases and CBS codes are accepted', async () => {
    const response = await matchRequest(api.url, { ...DUTCH_WOMAN, registeredInMunicipality: 'Atlantis' }, undefined, police);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions?.field).toBe('profile.registeredInMunicipality');
    for (const [found, registered] of [
      ['Den Haag', 'GM0599'],
      ['súdwest-fryslân', "'s-Hertogenbosch"],
    ]) {
      const ok = await matchRequest(
        api.url,
        { ...DUTCH_WOMAN, foundInMunicipality: found, registeredInMunicipality: registered },
        ALL,
        police,
      );
      expect(ok.errors).toBeUndefined();
    }
  });

  it('a client cannot send the derived foundInRegionCode', async () => {
    const response = await matchRequest(api.url, { ...DUTCH_WOMAN, foundInRegionCode: 'RR' }, undefined, police);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('the ZHZ/RR pilot noodbedden take a woman found in Dordrecht but not one found in Utrecht or where unknown (002:749-753)', async () => {
    const dordrecht = pilotBeds(await matchOrFail(api.url, { ...DUTCH_WOMAN, foundInMunicipality: 'Dordrecht' }, ALL, police));
    expect(dordrecht.matched).toEqual(expect.arrayContaining(['noodbed-zhz-1']));
    expect(dordrecht.excluded.filter((e) => e.codes.includes(ExclusionCode.FOUND_IN_AREA))).toEqual([]);

    const utrecht = await matchOrFail(api.url, { ...DUTCH_WOMAN, foundInMunicipality: 'Utrecht' }, ALL, police);
    expect(pilotBeds(utrecht).matched).toEqual([]);
    expect(pilotBeds(utrecht).excluded).toEqual(
      expect.arrayContaining(PILOT_BEDS.map((key) => ({ key, codes: expect.arrayContaining([ExclusionCode.FOUND_IN_AREA]) }))),
    );
    const reason = utrecht.excluded
      .find((e) => keyOf(e.facility) === 'noodbed-zhz-1')!
      .reasons.find((r) => r.code === ExclusionCode.FOUND_IN_AREA);
    expect(reason?.message).toMatch(/Utrecht \(region UTR\)/);

    const unknown = pilotBeds(await matchOrFail(api.url, DUTCH_WOMAN, ALL, police));
    expect(unknown.matched).toEqual([]);
    expect(unknown.excluded).toHaveLength(2);
  });

  it('each region lists its municipalities', async () => {
    const response = await gql<{ regions: { code: string; municipalities: string[] }[] }>(
      api.url,
      '{ regions { code municipalities } }',
      {
        token: police,
      },
    );
    const regions = response.data!.regions;
    expect(regions).toHaveLength(35);
    expect(regions.reduce((n, region) => n + region.municipalities.length, 0)).toBe(342);
    expect(regions.find((region) => region.code === 'ZHZ')!.municipalities).toEqual(
      expect.arrayContaining(['Dordrecht', 'Molenlanden']),
    );
  });
});
