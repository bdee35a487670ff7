/**
 * The planner counts transfers by reason (issue 14), with the same suppression of small counts as
 * the other yearly figures, in the API and in the CSV export; never what was typed beside them.
 */
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { DUTCH_WOMAN, PlacementClient, startPlacementApp, stopApp, token } from '../placement/support';

const TRANSFER = `mutation T($requestId: ID!, $reason: TransferReason!, $note: String) {
  requestTransfer(requestId: $requestId, reason: $reason, note: $note) { id }
}`;
const STATISTICS = `query S($year: Int!) { placementStatistics(year: $year) { transfers transfersByReason { key count suppressed } } }`;

describe('transfers in the yearly figures', () => {
  const clock = new FixedClock(new Date('2026-12-01T10:00:00.000Z'));
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let facilityId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    [{ id: facilityId }] = await insertFacilities(database.dataSource, [
      newFacility({ capacity: { total: 30, occupied: 0, held: 0, outOfService: 0 } }),
    ]);
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
  }, 60_000);
  afterAll(() => stopApp(api, database));

  async function placeAndTransfer(reason: string, note?: string) {
    const coordinator = await token.coordinator();
    const staff = await token.staff(facilityId);
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    await client.accept(staff, request.id);
    await client.arrive(staff, request.id);
    const response = await gql(api.url, TRANSFER, { token: coordinator, variables: { requestId: request.id, reason, note } });
    expect(response.errors).toBeUndefined();
  }

  it('the planner sees transfers per reason, a small count hidden, no typed note', async () => {
    for (let i = 0; i < 6; i++) await placeAndTransfer('MOVE_ON');
    for (let i = 0; i < 5; i++) await placeAndTransfer('CARE_NEEDS');
    await placeAndTransfer('OTHER', 'dichter bij haar zus');

    const planner = await token.planner();
    const response = await gql<{
      placementStatistics: {
        transfers: number | null;
        transfersByReason: { key: string; count: number | null; suppressed: boolean }[];
      };
    }>(api.url, STATISTICS, { token: planner, variables: { year: 2026 } });
    expect(response.errors).toBeUndefined();
    const statistics = response.data!.placementStatistics;
    expect(statistics.transfers).toBe(12);
    const cell = (key: string) => statistics.transfersByReason.find((row) => row.key === key)!;
    expect(cell('MOVE_ON')).toEqual({ key: 'MOVE_ON', count: 6, suppressed: false });
    expect(cell('OTHER')).toEqual({ key: 'OTHER', count: null, suppressed: true });
    // Hidden with it, or 12 − 6 − 5 would give the one OTHER away.
    expect(cell('CARE_NEEDS')).toEqual({ key: 'CARE_NEEDS', count: null, suppressed: true });
    expect(JSON.stringify(statistics)).not.toMatch(/zus/);

    const csv = await fetch(`${api.url}/export/placement-statistics.csv?year=2026&format=excel-nl`, {
      headers: { authorization: `Bearer ${planner}` },
    });
    const text = await csv.text();
    expect(text).toMatch(/reden overplaatsing;MOVE_ON;doorstroom naar volgende opvangvorm;6/);
    expect(text).toMatch(/totaal;transfers;overplaatsingen;12/);
  }, 120_000);
});
