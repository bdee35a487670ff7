/**
 * Issue 16, part 1: "the placement engine uses the same screened matcher and register reader as the
 * query". The contract where the two meet: when the best place `matchFacilities` ranks for a profile
 * is one the requester may offer herself (`decision: OFFER`) and can be taken now, the worker offers
 * exactly that place for a request with the same profile, region and moment (placement-decision.ts,
 * decideOwn: the first of her own matches placeable now). Checked on the national register, for
 * several profiles and regions, each request after a fresh query (a hold changes the next ranking).
 *
 * With every address public: a secret-address facility is ranked for a requester from its region's
 * centre and as if its free places were at the cap (issue 12, "Secret-address facilities are
 * anonymous"), while the engine ranks it by its real position and counts, so there the two differ
 * by design and the query's first place is not the contract.
 */
import { Role } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { loadNationalRegister } from '@opvangplek/composition';
import { roundTheClockMix } from '../../apps/bench/src/figures/profiles';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import { DUTCH_WOMAN, PlacementClient, type ProfileInput, startPlacementApp, stopApp } from './support';

/** Wednesday 2 December 2026, 14:00 in Amsterdam: office hours, so most intakes are open. */
const AT = new Date('2026-12-02T13:00:00.000Z');
const REGIONS = ['RR', 'AMS', 'UTR', 'GRO', 'ZLD', 'TW'];

const BEST = `query Best($profile: VictimProfileInput!, $options: MatchOptionsInput) {
  matchFacilities(profile: $profile, options: $options) {
    matches { facility { id type } placeableNow decision score }
  }
}`;
type Best = {
  matchFacilities: { matches: { facility: { id: string; type: string }; placeableNow: boolean; decision: string }[] };
};

describe('issue 16: the worker offers the place matchFacilities ranks first, when that place is the requester’s to offer now', () => {
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadNationalRegister(database.dataSource, 1, new Date('2026-12-02T12:00:00Z'));
    await database.dataSource.query('UPDATE facilities SET secret_address = false WHERE secret_address');
    api = await startPlacementApp(database.url, new FixedClock(AT));
    client = new PlacementClient(api.url);
  }, 60_000);

  afterAll(() => stopApp(api, database));

  it('for every profile × region where the contract applies, the OFFERED facility is the query’s first match', async () => {
    const profiles: ProfileInput[] = [DUTCH_WOMAN, ...roundTheClockMix().map((entry) => entry.profile)];
    let compared = 0;
    const skipped: string[] = [];
    for (const region of REGIONS) {
      const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: `zc-${region.toLowerCase()}`, regions: [region] });
      for (const [i, profile] of profiles.entries()) {
        const answer = await gql<Best>(api.url, BEST, {
          token: coordinator,
          variables: { profile, options: { requesterRegionCode: region, first: 1, excludedFirst: 0 } },
        });
        expect(answer.errors).toBeUndefined();
        const [best] = answer.data!.matchFacilities.matches;
        if (!best?.placeableNow || best.decision !== 'OFFER') {
          // Another authority's place, or none open now: the worker waits or bridges, not this contract.
          skipped.push(`${region}/${i}: ${best ? `${best.facility.type} ${best.decision}` : 'no match'}`);
          continue;
        }
        const submitted = await client.request(coordinator, { profile, regionCode: region, urgency: 'URGENT' });
        const offered = await client.waitForStatus(coordinator, submitted.id, ['OFFERED', 'WAITING']);
        expect({ region, profile: i, status: offered.status, facility: offered.facility?.id }).toEqual({
          region,
          profile: i,
          status: 'OFFERED',
          facility: best.facility.id,
        });
        compared++;
      }
    }
    // The contract must have been exercised, not skipped everywhere (the skipped are named on failure).
    expect({ compared: compared >= REGIONS.length * 2, skipped }).toEqual({ compared: true, skipped });
  }, 120_000);
});
