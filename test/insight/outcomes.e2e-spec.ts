/**
 * How stays end, counted (issue 14: "outcomes are codes … and feed the planner's figures and the
 * yearly statistics with the same suppression rules"): shelter staff end each stay with where she
 * went; the planner's yearly table counts people per outcome, hides small counts, and never shows
 * what was typed beside the outcome.
 */
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { dataOf, DUTCH_WOMAN, PlacementClient, REQUEST_FIELDS, startPlacementApp, stopApp, token } from '../placement/support';

const END = `mutation End($id: ID!, $reason: String!, $outcome: StayOutcome) {
  endPlacement(requestId: $id, reason: $reason, outcome: $outcome) { ${REQUEST_FIELDS} history { note noteCode noteParams { outcome reason places } } }
}`;
const STATISTICS = `query S($year: Int!) { placementStatistics(year: $year) { placements left byOutcome { key count suppressed } } }`;

describe('outcomes of stays in the yearly figures', () => {
  const clock = new FixedClock(new Date('2026-12-01T10:00:00.000Z'));
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let facilityId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    [{ id: facilityId }] = await insertFacilities(database.dataSource, [
      newFacility({ name: 'Vrouwenopvang De Uitkomst', capacity: { total: 20, occupied: 0, held: 0, outOfService: 0 } }),
    ]);
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
  }, 60_000);

  afterAll(() => stopApp(api, database));

  async function placeAndEnd(outcome: string | null, reason: string) {
    const coordinator = await token.coordinator();
    const staff = await token.staff(facilityId);
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    await client.accept(staff, request.id);
    await client.arrive(staff, request.id);
    const response = await gql<
      Record<string, { status: string; history: { note: string; noteCode: string; noteParams: Record<string, unknown> }[] }>
    >(api.url, END, { token: staff, variables: { id: request.id, reason, outcome } });
    return dataOf(response, 'endPlacement');
  }

  it('staff end each stay with where she went; the planner sees people per outcome, small counts hidden, no typed reason (002:803)', async () => {
    const ended = await placeAndEnd('OWN_HOUSING', 'kamer gevonden via de gemeente');
    expect(ended.status).toBe('ENDED');
    expect(ended.history.at(-1)).toMatchObject({
      noteCode: 'ENDED',
      noteParams: { outcome: 'OWN_HOUSING', reason: 'kamer gevonden via de gemeente', places: 1 },
      note: 'ended (OWN_HOUSING): kamer gevonden via de gemeente',
    });
    for (let i = 0; i < 5; i++) await placeAndEnd('OWN_HOUSING', 'eigen woning');
    for (let i = 0; i < 5; i++) await placeAndEnd('RETURNED_HOME', 'terug naar familie');
    await placeAndEnd('DECEASED', 'overleden');
    await placeAndEnd(null, 'vertrokken');

    const planner = await token.planner();
    const response = await gql<{
      placementStatistics: {
        placements: number;
        left: number;
        byOutcome: { key: string; count: number | null; suppressed: boolean }[];
      };
    }>(api.url, STATISTICS, { token: planner, variables: { year: 2026 } });
    expect(response.errors).toBeUndefined();
    const statistics = response.data!.placementStatistics;
    expect(statistics.left).toBe(13);
    const cell = (key: string) => statistics.byOutcome.find((row) => row.key === key)!;
    expect(cell('DECEASED')).toEqual({ key: 'DECEASED', count: null, suppressed: true });
    expect(cell('NOT_RECORDED')).toEqual({ key: 'NOT_RECORDED', count: null, suppressed: true });
    const truth: Record<string, number> = { OWN_HOUSING: 6, RETURNED_HOME: 5, DECEASED: 1, NOT_RECORDED: 1 };
    for (const row of statistics.byOutcome) {
      if (!row.suppressed) expect(row.count).toBe(truth[row.key] ?? 0);
    }
    expect(cell('OWN_HOUSING')).toEqual({ key: 'OWN_HOUSING', count: 6, suppressed: false });
    expect(JSON.stringify(statistics)).not.toMatch(/kamer|familie|overleden/);

    // The CSV says it in words, as the other tables do.
    const csv = await fetch(`${api.url}/export/placement-statistics.csv?year=2026&format=excel-nl`, {
      headers: { authorization: `Bearer ${planner}` },
    });
    const text = await csv.text();
    expect(text).toMatch(/afloop;OWN_HOUSING;eigen woonruimte;6/);
    expect(text).toMatch(/totaal;left;vertrokken;13/);
  }, 120_000);

  it('refuses an outcome that is not one of the codes, naming the field', async () => {
    const staff = await token.staff(facilityId);
    const response = await gql(api.url, END, {
      token: staff,
      variables: { id: '00000000-0000-4000-8000-000000000000', reason: 'x', outcome: 'GONE' },
    });
    expect(JSON.stringify(response.errors)).toMatch(/outcome/);
  });
});
