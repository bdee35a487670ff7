/**
 * matchFacilities as an API: who may ask, what bad input gets, what a caller may learn about
 * secret addresses, that the profile is never stored, paging of the lists, and determinism.
 * One private database with the national register, one in-process app, the clock fixed at
 * Saturday 28 November 2026, 23:00 in Amsterdam.
 */
import { distanceKm, ExclusionCode, type GeoPoint, Role } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { loadNationalRegister } from '@opvangplek/composition';
import { errorCodes } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tamperedToken, tokenFor } from '../support/tokens';
import { type MatchOptions, type MatchResult, matchOrFail, matchRequest, type Profile } from './match-client';

const NOW = '2026-11-28T22:00:00.000Z';

/** Matches secret-address places (COSM, noodbedden) and leaves out secret VO locations. */
const WOMAN_IN_BEDENKTIJD: Profile = {
  gender: 'FEMALE',
  age: 24,
  exploitationTypes: ['SEXUAL'],
  residenceStatus: 'NO_LAWFUL_RESIDENCE',
  b8Status: 'BEDENKTIJD',
  bedenktijdStart: '2026-11-27',
};

/** Matches both secret and open VO/MO locations. */
const DUTCH_WOMAN: Profile = {
  gender: 'FEMALE',
  age: 31,
  exploitationTypes: ['SEXUAL'],
  residenceStatus: 'DUTCH',
  b8Status: 'NOT_APPLICABLE',
  foundInMunicipality: 'Rotterdam',
  languages: ['nl'],
};

/** The men's COSM in Vries (Drenthe) is his only match. */
const MAN_IN_BEDENKTIJD: Profile = { ...WOMAN_IN_BEDENKTIJD, gender: 'MALE' };

describe('matchFacilities (the API)', () => {
  const clock = new FixedClock(new Date(NOW));
  let database: TestDatabase;
  let api: TestApp;
  let coordinator: string;

  function match(profile: Profile, options: MatchOptions | undefined, token: string): Promise<MatchResult> {
    return matchOrFail(api.url, profile, options, token);
  }

  /**
   * Row count and a digest of every table in the public schema but those that count the call
   * itself: the audit log (that a match was asked, by whom) and the per-caller rate limit.
   */
  async function databaseFingerprint(): Promise<Record<string, { rows: number; digest: string }>> {
    const tables: { table_name: string }[] = await database.dataSource.query(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
         AND table_name NOT IN ('audit_log', 'rate_limit', 'caller_lease') ORDER BY table_name`,
    );
    const fingerprint: Record<string, { rows: number; digest: string }> = {};
    for (const { table_name: table } of tables) {
      const [row] = await database.dataSource.query(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`,
      );
      fingerprint[table] = row;
    }
    return fingerprint;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadNationalRegister(database.dataSource, 1, new Date('2026-11-28T19:00:00Z'));
    api = await startTestApp(database.url, { clock });
    coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zvh-rotterdam', regions: ['RR'] });
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  describe('who may ask', () => {
    it.each([Role.ZORGCOORDINATOR, Role.COMENSHA, Role.POLICE, Role.NLA, Role.ADMIN])('%s may', async (role) => {
      const token = await tokenFor({ role, org: 'test-org', regions: ['RR'] });
      const response = await matchRequest(api.url, WOMAN_IN_BEDENKTIJD, undefined, token);
      expect(response.errors).toBeUndefined();
      expect(response.data!.matchFacilities.matchCount).toBeGreaterThan(0);
    });

    it.each([Role.SHELTER_STAFF, Role.PLANNER])('%s may not (FORBIDDEN, no data)', async (role) => {
      const token = await tokenFor({ role, org: 'test-org', regions: ['RR'], facilityIds: [] });
      const response = await matchRequest(api.url, WOMAN_IN_BEDENKTIJD, undefined, token);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.data).toBeNull();
    });

    it('without a token: UNAUTHENTICATED, no data', async () => {
      const response = await matchRequest(api.url, WOMAN_IN_BEDENKTIJD, undefined, undefined);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.data).toBeNull();
    });

    it('with an expired token: UNAUTHENTICATED, no data', async () => {
      const response = await matchRequest(api.url, WOMAN_IN_BEDENKTIJD, undefined, await tamperedToken('expired'));
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.data).toBeNull();
    });
  });

  describe('bad input is BAD_USER_INPUT naming the field, and changes nothing', () => {
    const checked: [string, Profile, MatchOptions | undefined, string, RegExp][] = [
      [
        'a negative age',
        { ...DUTCH_WOMAN, age: -1 },
        undefined,
        'profile.age',
        /age must be a whole number from 0 to 120, got -1/,
      ],
      [
        'an age of 200',
        { ...DUTCH_WOMAN, age: 200 },
        undefined,
        'profile.age',
        /age must be a whole number from 0 to 120, got 200/,
      ],
      [
        'no exploitation type',
        { ...DUTCH_WOMAN, exploitationTypes: [] },
        undefined,
        'profile.exploitationTypes',
        /must list at least 1 of/,
      ],
      [
        'a bedenktijd starting tomorrow',
        { ...WOMAN_IN_BEDENKTIJD, bedenktijdStart: '2026-11-29' },
        undefined,
        'profile.bedenktijdStart',
        /must not be in the future \(today is 2026-11-28 in Europe\/Amsterdam\)/,
      ],
      [
        'a 10,000-character municipality',
        { ...DUTCH_WOMAN, foundInMunicipality: 'x'.repeat(10_000) },
        undefined,
        'profile.foundInMunicipality',
        /foundInMunicipality must be a municipality name of 1 to 100 printable characters/,
      ],
      ['minor contradicting the age', { ...DUTCH_WOMAN, minor: true }, undefined, 'profile.minor', /minor must agree with age/],
      [
        'a group of 0',
        { ...DUTCH_WOMAN, groupSize: 0 },
        undefined,
        'profile.groupSize',
        /groupSize must be a whole number from 1/,
      ],
      ['a language that is not a code', { ...DUTCH_WOMAN, languages: ['dutch'] }, undefined, 'profile.languages[0]', /ISO 639-1/],
      [
        'a region code with spaces',
        { ...DUTCH_WOMAN, excludedRegionCodes: ['A M S'] },
        undefined,
        'profile.excludedRegionCodes[0]',
        /region code/,
      ],
      [
        'options.at two years ahead',
        DUTCH_WOMAN,
        { at: '2028-11-28T23:00:00+01:00' },
        'options.at',
        /options.at must be within a year of now/,
      ],
      [
        'options.at two years back',
        DUTCH_WOMAN,
        { at: '2024-11-28T23:00:00+01:00' },
        'options.at',
        /options.at must be within a year of now/,
      ],
      ['options.first -1', DUTCH_WOMAN, { first: -1 }, 'options.first', /options.first must be from 0 to 100000/],
      [
        'options.excludedFirst -1',
        DUTCH_WOMAN,
        { excludedFirst: -1 },
        'options.excludedFirst',
        /options.excludedFirst must be from 0/,
      ],
    ];
    it.each(checked)('%s', async (_name, profile, options, field, message) => {
      const before = await databaseFingerprint();
      const response = await matchRequest(api.url, profile, options, coordinator);
      expect(response.status).toBeLessThan(500);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.field).toBe(field);
      expect(response.errors![0].message).toMatch(message);
      expect(response.errors![0].message.length).toBeLessThan(500); // never echoes a huge value back
      expect(response.data).toBeNull();
      expect(await databaseFingerprint()).toEqual(before);
    });

    // Refused by GraphQL itself before the resolver runs: the message names the path of the field.
    const refusedBySchema: [string, Profile, RegExp][] = [
      [
        'an impossible date (30 February)',
        { ...WOMAN_IN_BEDENKTIJD, bedenktijdStart: '2026-02-30' },
        /"2026-02-30" at "profile.bedenktijdStart".*calendar day/,
      ],
      ['a date with a time', { ...WOMAN_IN_BEDENKTIJD, bedenktijdStart: '2026-11-27T00:00:00Z' }, /at "profile.bedenktijdStart"/],
      [
        'a gender outside the enum',
        { ...DUTCH_WOMAN, gender: 'WOMAN' },
        /"WOMAN" at "profile.gender".*does not exist in "Gender" enum/,
      ],
      [
        'an exploitation type outside the enum',
        { ...DUTCH_WOMAN, exploitationTypes: ['SEXUAL', 'TRAFFICKING'] },
        /at "profile.exploitationTypes\[1\]"/,
      ],
      ['a missing gender', { exploitationTypes: ['SEXUAL'] }, /Field "gender" of required type "Gender!" was not provided/],
      ['a fractional age', { ...DUTCH_WOMAN, age: 30.5 }, /Int cannot represent non-integer value: 30.5/],
    ];
    it.each(refusedBySchema)('%s', async (_name, profile, message) => {
      const before = await databaseFingerprint();
      const response = await matchRequest(api.url, profile, undefined, coordinator);
      expect(response.status).toBeLessThan(500);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toMatch(message);
      expect(response.data ?? null).toBeNull();
      expect(await databaseFingerprint()).toEqual(before);
    });

    // Regression: Nest's default DateTime scalar turned these into an Invalid Date and, later, a 500;
    // the strict scalar (libs/platform/src/graphql/date-time.scalar.ts) refuses them.
    it.each([['yesterday'], ['2026-13-45T25:61:00Z']])(
      'options.at %p is BAD_USER_INPUT naming options.at, not an internal error',
      async (at) => {
        const response = await matchRequest(api.url, DUTCH_WOMAN, { at }, coordinator);
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors![0].message).toMatch(/options\.at|ISO 8601|DateTime/);
      },
    );
  });

  describe('secret addresses', () => {
    it.each([
      ['a coordinator', Role.ZORGCOORDINATOR],
      ['the police', Role.POLICE],
      ['an administrator (no exception, location-disclosure.ts)', Role.ADMIN],
    ])('are shown to %s as region only, in matches and in the excluded list', async (_who, role) => {
      const token = await tokenFor({ role, org: 'test-org', regions: ['RR'] });
      const secretAddresses: { address: string }[] = await database.dataSource.query(
        'SELECT address FROM facilities WHERE secret_address',
      );
      for (const profile of [WOMAN_IN_BEDENKTIJD, DUTCH_WOMAN]) {
        const response = await matchRequest(api.url, profile, undefined, token);
        const result = response.data!.matchFacilities;
        const listed = [...result.matches, ...result.excluded].map((entry) => entry.facility);
        const secret = listed.filter((facility) => facility.secretAddress);
        const open = listed.filter((facility) => !facility.secretAddress);
        expect(secret.length).toBeGreaterThan(0);
        expect(open.length).toBeGreaterThan(0);
        for (const facility of secret) {
          expect(facility).toMatchObject({ address: null, municipality: null, latitude: null, longitude: null });
          expect(facility.region.code).toMatch(/^[A-Z]+$/);
        }
        for (const facility of open) {
          expect(facility.address).toEqual(expect.any(String));
          expect(facility.municipality).toEqual(expect.any(String));
          expect(facility.latitude).toEqual(expect.any(Number));
        }
        // Nowhere else in the answer either (reasons, advice messages).
        const text = JSON.stringify(response);
        for (const { address } of secretAddresses) expect(text).not.toContain(address);
      }
      const both = await match(WOMAN_IN_BEDENKTIJD, undefined, token);
      expect(both.matches.filter((m) => m.facility.secretAddress).length).toBeGreaterThan(0);
      expect(both.excluded.filter((e) => e.facility.secretAddress).length).toBeGreaterThan(0);
    });

    // Regression: distances and scores asked from every region used to triangulate a secret address;
    // MatchingService now ranks facilities the caller may not locate from their region's centre.
    it('do not leak through distances: asking from every region does not locate the men’s COSM in Vries', async () => {
      const regions: { code: string; latitude: number; longitude: number }[] = await database.dataSource.query(
        'SELECT code, latitude, longitude FROM regions ORDER BY code',
      );
      const [truth]: (GeoPoint & { id: string })[] = await database.dataSource.query(
        `SELECT id, latitude, longitude FROM facilities WHERE key = 'cosm-vries'`,
      );
      const home = regions.find((region) => region.code === 'DR')!;
      const answers = await Promise.all(
        regions.map((region) => match(MAN_IN_BEDENKTIJD, { requesterRegionCode: region.code, excludedFirst: 0 }, coordinator)),
      );
      const observations = answers.map((result, i) => {
        const vries = result.matches.find((m) => m.facility.id === truth.id)!; // its shown key is opaque
        expect(vries.facility.latitude).toBeNull(); // the location itself is withheld
        return { from: regions[i] as GeoPoint, km: vries.distanceKm, score: vries.score };
      });
      // From distanceKm: the point whose distances to the region centroids fit best.
      const byDistance = bestFit((p) =>
        observations.reduce((sum, o) => sum + (o.km === null ? 0 : (distanceKm(o.from, p) - o.km) ** 2), 0),
      );
      // From the score alone: differences in score are differences in distance (score.ts: 200 points
      // over the 300 km horizon), for requesters well inside the horizon.
      const near = observations.filter((o) => distanceKm(o.from, home) < 220);
      const ref = near.reduce((a, b) => (a.score >= b.score ? a : b));
      const byScore = bestFit((p) =>
        near.reduce((sum, o) => sum + (distanceKm(o.from, p) - distanceKm(ref.from, p) - (ref.score - o.score) * 1.5) ** 2, 0),
      );
      const missKm = { byDistanceKm: Math.round(distanceKm(byDistance, truth)), byScore: Math.round(distanceKm(byScore, truth)) };
      // What "region only" tells: the region's centroid, about 40 km off.
      expect(distanceKm(home, truth)).toBeGreaterThan(30);
      const located = Object.entries(missKm)
        .filter(([, km]) => km <= 10)
        .map(([how, km]) => `located ${how} to within ${km} km`);
      expect(located).toEqual([]);
    });
  });

  it('does not store the profile: every table is unchanged after a series of questions', async () => {
    const before = await databaseFingerprint();
    const questions: [Profile, MatchOptions | undefined][] = [
      [WOMAN_IN_BEDENKTIJD, undefined],
      [DUTCH_WOMAN, { first: 3, excludedFirst: 3 }],
      [{ ...DUTCH_WOMAN, threatLevel: 'HIGH', homeRegionCode: 'RR', excludedRegionCodes: ['AMS'] }, undefined],
      [{ ...DUTCH_WOMAN, age: 16 }, { at: '2026-12-01T10:00:00+01:00' }],
      [{ gender: 'MALE', exploitationTypes: ['LABOUR'], residenceStatus: 'EU_CITIZEN', groupSize: 12 }, undefined],
      [{ ...DUTCH_WOMAN, residenceStatus: 'ASYLUM_PROCEDURE', b8Status: null }, undefined],
    ];
    for (const [profile, options] of questions) await match(profile, options, coordinator);
    await matchRequest(api.url, { ...DUTCH_WOMAN, age: -1 }, undefined, coordinator);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['facilities', 'capacity', 'capacity_history', 'regions']));
    expect(await databaseFingerprint()).toEqual(before);
    // The audit log holds the fact of each answered question, and nothing of the profile.
    const audited: { action: string; detail: string }[] = await database.dataSource.query(
      `SELECT action, detail FROM audit_log WHERE action = 'profile.match'`,
    );
    expect(audited.length).toBeGreaterThanOrEqual(questions.length);
    expect(JSON.stringify(audited)).not.toMatch(/FEMALE|MALE|LABOUR|SEXUAL|ASYLUM|RR|AMS/);
  });

  describe('first and excludedFirst', () => {
    let all: MatchResult;
    beforeAll(async () => {
      all = await match(DUTCH_WOMAN, undefined, coordinator);
    });

    it('limit the lists, best first, while the counts stay the totals', async () => {
      expect(all.matchCount).toBeGreaterThan(3);
      expect(all.excludedCount).toBeGreaterThan(5);
      const limited = await match(DUTCH_WOMAN, { first: 3, excludedFirst: 5 }, coordinator);
      expect(limited.matches).toEqual(all.matches.slice(0, 3));
      expect(limited.excluded).toEqual(all.excluded.slice(0, 5));
      expect(limited).toMatchObject({ matchCount: all.matchCount, excludedCount: all.excludedCount });
      expect(limited.exclusionSummary).toEqual(all.exclusionSummary);
      expect(limited.advice).toEqual(all.advice);
    });

    it('0 returns empty lists with the totals (a count-only question)', async () => {
      const counts = await match(DUTCH_WOMAN, { first: 0, excludedFirst: 0 }, coordinator);
      expect(counts).toMatchObject({ matches: [], excluded: [], matchCount: all.matchCount, excludedCount: all.excludedCount });
    });

    it('more than there are returns them all', async () => {
      const generous = await match(DUTCH_WOMAN, { first: 100_000, excludedFirst: 100_000 }, coordinator);
      expect(generous.matches).toEqual(all.matches);
      expect(generous.excluded).toEqual(all.excluded);
    });

    it('exclusionSummary counts, per code, the facilities in the unlimited excluded list', () => {
      const counted = new Map<ExclusionCode, number>();
      for (const exclusion of all.excluded) {
        for (const code of new Set(exclusion.reasons.map((reason) => reason.code)))
          counted.set(code, (counted.get(code) ?? 0) + 1);
      }
      const expected = [...counted].sort(([a], [b]) => a.localeCompare(b)).map(([code, facilities]) => ({ code, facilities }));
      expect(all.exclusionSummary).toEqual(expected);
      expect(all.exclusionSummary.map((entry) => entry.code)).toContain(ExclusionCode.NO_CAPACITY);
    });

    it('the counts add up to the register', async () => {
      const [{ count }] = await database.dataSource.query('SELECT count(*)::int AS count FROM facilities');
      expect(all.matchCount + all.excludedCount).toBe(count);
    });
  });

  describe('determinism', () => {
    it('the same question twice gives deep-equal answers', async () => {
      const options: MatchOptions = { at: '2026-12-01T23:00:00+01:00' };
      const first = await match(WOMAN_IN_BEDENKTIJD, options, coordinator);
      const second = await match(WOMAN_IN_BEDENKTIJD, options, coordinator);
      expect(second).toEqual(first);
    });

    it('so do questions asked at the same time', async () => {
      const answers = await Promise.all(Array.from({ length: 5 }, () => match(DUTCH_WOMAN, undefined, coordinator)));
      for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
      expect(answers[0].evaluatedAt).toBe(NOW);
    });

    it('the order of the profile’s lists does not matter', async () => {
      const profile = { ...DUTCH_WOMAN, threatLevel: 'HIGH', homeRegionCode: 'RR', excludedRegionCodes: ['AMS', 'HGL'] };
      const forward = await match(profile, undefined, coordinator);
      const reversed = await match({ ...profile, excludedRegionCodes: ['HGL', 'AMS'] }, undefined, coordinator);
      expect(reversed).toEqual(forward);
    });
  });
});

/** The point in the Netherlands where `misfit` is smallest: a 5 km grid, then a 0.5 km grid around the best. */
function bestFit(misfit: (p: GeoPoint) => number): GeoPoint {
  const search = (latitudes: [number, number], longitudes: [number, number], step: number, start: GeoPoint): GeoPoint => {
    let best = start;
    let bestValue = misfit(start);
    for (let latitude = latitudes[0]; latitude <= latitudes[1]; latitude += step) {
      for (let longitude = longitudes[0]; longitude <= longitudes[1]; longitude += step) {
        const value = misfit({ latitude, longitude });
        if (value < bestValue) [best, bestValue] = [{ latitude, longitude }, value];
      }
    }
    return best;
  };
  const coarse = search([50.7, 53.6], [3.3, 7.3], 0.05, { latitude: 52, longitude: 5 });
  return search([coarse.latitude - 0.1, coarse.latitude + 0.1], [coarse.longitude - 0.1, coarse.longitude + 0.1], 0.005, coarse);
}
