/**
 * The paged matcher behind the `matchFacilities` query (MatchingService.matchPage: profile rules on
 * cached definitions, one capacity read for the candidates and the shown excluded, reasons for the
 * page only) against the whole-register matcher (MatchingService.matchWhole, the reference and the
 * fallback), and the one entry the placement workflow uses (MatchingService.match, on the same
 * screened path), on a real database: the same page, counts and summary; capacity always read fresh; a changed
 * definition seen at once; a facility without a capacity row handled as before.
 */
import {
  ExclusionCode,
  exclusionEvidence,
  groupSizeOf,
  type MatchResult,
  ShelterType,
  type VictimProfile,
} from '@opvangplek/domain';
import { MatchingService } from '@opvangplek/matching/matching.service';
import { FixedClock } from '@opvangplek/platform/clock';
import { type RegionEntity } from '@opvangplek/registry/region.entity';
import { RegistryService } from '@opvangplek/registry/registry.service';
import { loadNationalRegister } from '@opvangplek/composition';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';

const AT = new Date('2026-11-28T22:00:00.000Z');

const PROFILES: Record<string, VictimProfile> = {
  bedenktijd: {
    gender: 'FEMALE',
    age: 24,
    exploitationTypes: ['SEXUAL'],
    residenceStatus: 'NO_LAWFUL_RESIDENCE',
    b8Status: 'BEDENKTIJD',
    bedenktijdStart: '2026-11-27',
  } as VictimProfile,
  labourGroup: {
    gender: 'MALE',
    age: 34,
    exploitationTypes: ['LABOUR'],
    residenceStatus: 'EU_CITIZEN',
    groupSize: 3,
  } as VictimProfile,
  highThreat: {
    gender: 'FEMALE',
    age: 24,
    exploitationTypes: ['SEXUAL'],
    residenceStatus: 'DUTCH',
    threatLevel: 'HIGH',
    homeRegionCode: 'RR',
    excludedRegionCodes: ['AMS'],
  } as VictimProfile,
  minor: { gender: 'FEMALE', age: 16, exploitationTypes: ['SEXUAL'], residenceStatus: 'DUTCH' } as VictimProfile,
};

describe('the paged matcher (MatchingService.matchPage)', () => {
  let database: TestDatabase;
  let api: TestApp;
  let matching: MatchingService;
  let regions: RegionEntity[];
  /** Secret addresses ranked from their region's centre, as for a caller who may not locate them. */
  const mayLocate = (facility: { secretAddress: boolean }) => !facility.secretAddress;

  function whole(profile: VictimProfile): Promise<MatchResult> {
    return matching.matchWhole(profile, { at: AT, requesterRegionCode: 'RR', mayLocate, regions }).then((m) => m.result);
  }

  function page(profile: VictimProfile, first: number | null, excludedFirst: number | null) {
    return matching
      .matchPage(profile, { at: AT, requesterRegionCode: 'RR', mayLocate, regions, first, excludedFirst })
      .then((paged) => paged.page);
  }

  async function expectPageOfWhole(profile: VictimProfile, first: number | null, excludedFirst: number | null) {
    const [result, paged] = await Promise.all([whole(profile), page(profile, first, excludedFirst)]);
    expect(paged.matches).toEqual(result.matches.slice(0, first ?? undefined));
    expect(paged.excluded).toEqual(result.excluded.slice(0, excludedFirst ?? undefined));
    expect(paged.advice).toEqual(result.advice);
    expect(paged.matchCount).toBe(result.matches.length);
    expect(paged.excludedCount).toBe(result.excluded.length);
    const summary = new Map<ExclusionCode, number>();
    for (const e of result.excluded) {
      for (const code of new Set(e.reasons.map((r) => r.code))) summary.set(code, (summary.get(code) ?? 0) + 1);
    }
    expect(paged.exclusionSummary).toEqual(
      [...summary].sort(([a], [b]) => a.localeCompare(b)).map(([code, facilities]) => ({ code, facilities })),
    );
    return { result, paged };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    // ×2: every kind of facility twice, so eligibility classes have several members.
    await loadNationalRegister(database.dataSource, 2, new Date('2026-11-28T19:00:00Z'));
    api = await startTestApp(database.url, { clock: new FixedClock(AT) });
    matching = api.app.get(MatchingService);
    regions = await api.app.get(RegistryService).regions();
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it.each(Object.keys(PROFILES))('gives the whole matcher’s answer cut to the page: %s', async (name) => {
    const profile = PROFILES[name];
    const { result } = await expectPageOfWhole(profile, 20, 50);
    expect(result.matches.length + result.excluded.length).toBeGreaterThan(400);
    await expectPageOfWhole(profile, 0, 0);
    await expectPageOfWhole(profile, 3, 7);
    await expectPageOfWhole(profile, null, null);
  });

  it.each(Object.keys(PROFILES))(
    'gives the placement engine the whole matcher’s matches, advice and exclusion evidence, computed the screened way: %s',
    async (name) => {
      const profile = PROFILES[name];
      const [reference, screened] = await Promise.all([
        matching.matchWhole(profile, { at: AT, requesterRegionCode: 'RR', regions }),
        matching.match(profile, { at: AT, requesterRegionCode: 'RR', regions, exclusions: 'evidence' }),
      ]);
      expect(screened.result.matches).toEqual(reference.result.matches);
      expect(screened.result.advice).toEqual(reference.result.advice);
      // The exclusions are not written out; what a wait's reason needs of them is the same.
      expect(screened.evidence).toEqual(exclusionEvidence(reference.result.excluded));
      expect([...screened.facilities.keys()].sort()).toEqual(reference.result.matches.map((m) => m.facility.id).sort());
      for (const [id, facility] of screened.facilities) expect(facility).toEqual(reference.facilities.get(id));
    },
  );

  it.each(Object.keys(PROFILES))(
    'issue 16: a request that names its kinds (the onward request after a noodbed) is matched on those kinds alone, with the same matches and evidence: %s',
    async (name) => {
      const profile = PROFILES[name];
      const kinds = [ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG];
      const ofKinds = <T extends { facility: { type: ShelterType } }>(list: readonly T[]) =>
        list.filter((m) => kinds.includes(m.facility.type));
      const [reference, screened, all] = await Promise.all([
        matching.matchWhole(profile, { at: AT, requesterRegionCode: 'RR', regions }),
        matching.match(profile, { at: AT, requesterRegionCode: 'RR', regions, exclusions: 'evidence', kinds }),
        matching.match(profile, { at: AT, requesterRegionCode: 'RR', regions, kinds }),
      ]);
      // The whole register's matches of those kinds, in the same order, and nothing else.
      expect(screened.result.matches).toEqual(ofKinds(reference.result.matches));
      expect(all.result.excluded).toEqual(ofKinds(reference.result.excluded));
      expect(screened.evidence).toEqual(exclusionEvidence(ofKinds(reference.result.excluded)));
      expect([...all.facilities.values()].every((facility) => kinds.includes(facility.type))).toBe(true);
      // The whole matcher asked the same question gives the same answer.
      const wholeOfKinds = await matching.matchWhole(profile, { at: AT, requesterRegionCode: 'RR', regions, kinds });
      expect(all.result).toEqual(wholeOfKinds.result);
    },
  );

  it.each(Object.keys(PROFILES))(
    'issue 16: gives an authority’s assignment and planned actions the whole matcher’s answer, every exclusion included, the screened way: %s',
    async (name) => {
      const profile = PROFILES[name];
      const [reference, screened] = await Promise.all([
        matching.matchWhole(profile, { at: AT, requesterRegionCode: 'RR', mayLocate, regions }),
        matching.match(profile, { at: AT, requesterRegionCode: 'RR', mayLocate, regions }),
      ]);
      expect(screened.result).toEqual(reference.result);
      expect(screened.evidence).toEqual(exclusionEvidence(reference.result.excluded));
      // Every facility of the register, matched or excluded, with the same row (an assignment may name any).
      expect([...screened.facilities.keys()].sort()).toEqual([...reference.facilities.keys()].sort());
      for (const [id, facility] of screened.facilities) expect(facility).toEqual(reference.facilities.get(id));
    },
  );

  it('counts NO_CAPACITY over the whole register with the group’s size', async () => {
    const { paged } = await expectPageOfWhole(PROFILES.labourGroup, 5, 5);
    const [{ count }]: { count: number }[] = await database.dataSource.query(
      `SELECT count(*)::int AS count FROM capacity WHERE greatest(0, total - occupied - held - out_of_service) < $1`,
      [groupSizeOf(PROFILES.labourGroup)],
    );
    expect(paged.exclusionSummary).toContainEqual({ code: ExclusionCode.NO_CAPACITY, facilities: count });
  });

  it('reads capacity fresh: a best match that fills up is excluded at once', async () => {
    const before = await page(PROFILES.highThreat, 1, 0);
    const best = before.matches[0].facility.id;
    await database.dataSource.query(
      `UPDATE capacity SET occupied = total - held - out_of_service, version = version + 1 WHERE facility_id = $1`,
      [best],
    );
    const after = await expectPageOfWhole(PROFILES.highThreat, 1, 0);
    expect(after.paged.matches[0].facility.id).not.toBe(best);
    expect(after.paged.matchCount).toBe(before.matchCount - 1);
    const excluded = after.result.excluded.find((e) => e.facility.id === best);
    expect(excluded?.reasons.map((r) => r.code)).toEqual([ExclusionCode.NO_CAPACITY]);
  });

  it('sees a changed definition at once (the cached definitions are checked by their stamp)', async () => {
    const before = await page(PROFILES.minor, 1, 0);
    const best = before.matches[0].facility.id;
    await database.dataSource.query(`UPDATE facilities SET genders = '{MALE}', updated_at = now() WHERE id = $1`, [best]);
    // The paged matcher alone first: its cached definitions are out of date until the capacity read's stamp says so.
    expect((await page(PROFILES.minor, 1, 0)).matches[0].facility.id).not.toBe(best);
    const after = await expectPageOfWhole(PROFILES.minor, 1, 0);
    expect(after.paged.matches[0].facility.id).not.toBe(best);
    expect(after.result.excluded.find((e) => e.facility.id === best)?.reasons.map((r) => r.code)).toContain(ExclusionCode.GENDER);
  });

  it('sees a definition changed by any write at once, even one that leaves updated_at alone (the register version)', async () => {
    const before = await page(PROFILES.minor, 1, 0);
    const best = before.matches[0].facility.id;
    const [{ version }]: { version: string }[] = await database.dataSource.query(`SELECT version::text FROM register_version`);
    await database.dataSource.query(`UPDATE facilities SET genders = '{MALE}' WHERE id = $1`, [best]);
    const [{ version: bumped }]: { version: string }[] = await database.dataSource.query(
      `SELECT version::text FROM register_version`,
    );
    expect(BigInt(bumped)).toBeGreaterThan(BigInt(version));
    expect((await page(PROFILES.minor, 1, 0)).matches[0].facility.id).not.toBe(best);
  });

  it('leaves out a facility without a capacity row, like the whole matcher (by falling back to it)', async () => {
    const [{ id }]: { id: string }[] = await database.dataSource.query(
      `INSERT INTO facilities (key, name, type, operator, region_code, municipality, latitude, longitude, address, placing_authority, update_cadence)
       SELECT 'no-capacity-row', 'No capacity row', type, operator, region_code, municipality, latitude, longitude, address, placing_authority, update_cadence
       FROM facilities WHERE type = 'JEUGDZORG' LIMIT 1 RETURNING id`,
    );
    const { result } = await expectPageOfWhole(PROFILES.minor, 20, 50);
    expect([...result.matches, ...result.excluded].some((m) => m.facility.id === id)).toBe(false);
    await database.dataSource.query(`DELETE FROM facilities WHERE id = $1`, [id]);
  });
});
