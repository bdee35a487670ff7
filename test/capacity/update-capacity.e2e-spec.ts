import { Freshness, Role, ShelterType, UpdateCadence } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { errorCodes, gql } from '../support/graphql-client';
import { insertFacilities, newFacility } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

const UPDATE = `mutation Update($input: UpdateCapacityInput!) {
  updateCapacity(input: $input) { id capacity { total occupied held outOfService available version freshness } }
}`;
const CONFIRM = `mutation Confirm($id: ID!) { confirmCapacity(facilityId: $id) { id capacity { version freshness confirmedAt } } }`;

describe('updateCapacity and confirmCapacity', () => {
  const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));
  let database: TestDatabase;
  let api: TestApp;
  let own: { id: string };
  let other: { id: string };
  let staff: string;

  async function countsOf(facilityId: string) {
    const [row] = await database.dataSource.query(
      'SELECT total, occupied, held, out_of_service AS "outOfService", version FROM capacity WHERE facility_id = $1',
      [facilityId],
    );
    return row;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    [own, other] = await insertFacilities(
      database.dataSource,
      [newFacility({ capacity: { total: 10, occupied: 5, held: 1, outOfService: 0 } }), newFacility({ type: ShelterType.MAATSCHAPPELIJKE_OPVANG })],
      { now: new Date('2026-11-23T09:00:00Z') },
    );
    api = await startTestApp(database.url, { clock });
    staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [own.id] });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('sets new counts, keeps the held places, bumps the version and records who did it', async () => {
    const response = await gql(api.url, UPDATE, {
      token: staff,
      variables: { input: { facilityId: own.id, total: 12, occupied: 6, outOfService: 1, expectedVersion: 1 } },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      updateCapacity: {
        id: own.id,
        capacity: { total: 12, occupied: 6, held: 1, outOfService: 1, available: 4, version: 2, freshness: Freshness.FRESH },
      },
    });
    const history = await database.dataSource.query(
      `SELECT kind, version, total, occupied, changed_by_role, changed_by_org, changed_at FROM capacity_history WHERE facility_id = $1 AND kind = 'UPDATE'`,
      [own.id],
    );
    expect(history).toEqual([
      { kind: 'UPDATE', version: 2, total: 12, occupied: 6, changed_by_role: 'SHELTER_STAFF', changed_by_org: 'testzorg', changed_at: clock.now() },
    ]);
  });

  it('refuses a stale write with CONFLICT instead of overwriting', async () => {
    const before = await countsOf(own.id);
    const response = await gql(api.url, UPDATE, {
      token: staff,
      variables: { input: { facilityId: own.id, total: 12, occupied: 2, outOfService: 0, expectedVersion: 1 } },
    });
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.errors![0].message).toMatch(/changed since you read it \(version 1, now 2\)/);
    expect(await countsOf(own.id)).toEqual(before);
  });

  it('lets concurrent writers based on the same version through one at a time: exactly one wins', async () => {
    const { version } = await countsOf(own.id);
    const attempts = await Promise.all(
      [3, 4, 5, 6, 7].map((occupied) =>
        gql(api.url, UPDATE, { token: staff, variables: { input: { facilityId: own.id, total: 12, occupied, outOfService: 0, expectedVersion: version } } }),
      ),
    );
    expect(attempts.filter((r) => !r.errors)).toHaveLength(1);
    expect(attempts.flatMap(errorCodes).sort()).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect((await countsOf(own.id)).version).toBe(version + 1);
  });

  describe('bad input gets a clear error naming the field, and changes nothing', () => {
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['a negative count', { occupied: -1 }, 'input.occupied', /occupied must be a whole number from 0/],
      ['more used than total', { total: 3, occupied: 3, outOfService: 1 }, 'input.total', /exceeds total \(3\)/],
      ['an absurd total', { total: 1_000_000 }, 'input.total', /total must be a whole number from 0 to 10000/],
      ['a malformed facility id', { facilityId: 'not-a-uuid' }, 'input.facilityId', /must be a facility id/],
    ];
    it.each(cases)('%s', async (_name, change, field, message) => {
      const before = await countsOf(own.id);
      const input = { facilityId: own.id, total: 12, occupied: 5, outOfService: 0, expectedVersion: before.version, ...change };
      const response = await gql(api.url, UPDATE, { token: staff, variables: { input } });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.field).toBe(field);
      expect(response.errors![0].message).toMatch(message);
      expect(await countsOf(own.id)).toEqual(before);
    });

    it('an unknown facility is NOT_FOUND', async () => {
      const response = await gql(api.url, UPDATE, {
        token: staff,
        variables: { input: { facilityId: '00000000-0000-4000-8000-000000000000', total: 1, occupied: 0, outOfService: 0, expectedVersion: 1 } },
      });
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    });

    it.each([
      ['a string for a number', { occupied: 'five' }, /Int cannot represent non-integer value: "five"/],
      ['a fraction', { occupied: 2.5 }, /Int cannot represent non-integer value: 2.5/],
      ['a number beyond 32 bits', { total: 2 ** 40 }, /Int cannot represent non 32-bit signed integer/],
      ['a missing field', { expectedVersion: undefined }, /expectedVersion.*was not provided/],
    ])('%s is refused before it reaches the service', async (_name, change, message) => {
      const before = await countsOf(own.id);
      const input = { facilityId: own.id, total: 12, occupied: 5, outOfService: 0, expectedVersion: before.version, ...change };
      const response = await gql(api.url, UPDATE, { token: staff, variables: { input } });
      expect(response.status).toBeLessThan(500);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toMatch(message);
      expect(await countsOf(own.id)).toEqual(before);
    });
  });

  it('lets shelter staff change only their own facilities (FORBIDDEN, nothing changed)', async () => {
    const before = await countsOf(other.id);
    const response = await gql(api.url, UPDATE, {
      token: staff,
      variables: { input: { facilityId: other.id, total: 10, occupied: 0, outOfService: 0, expectedVersion: before.version } },
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await countsOf(other.id)).toEqual(before);
    const confirm = await gql(api.url, CONFIRM, { token: staff, variables: { id: other.id } });
    expect(errorCodes(confirm)).toEqual(['FORBIDDEN']);
  });

  it.each([Role.POLICE, Role.ZORGCOORDINATOR, Role.PLANNER, Role.COMENSHA])('refuses %s (not a role that keeps capacity)', async (role) => {
    const token = await tokenFor({ role, org: 'elsewhere', regions: ['RR'] });
    const response = await gql(api.url, UPDATE, {
      token,
      variables: { input: { facilityId: own.id, total: 10, occupied: 0, outOfService: 0, expectedVersion: 1 } },
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('counts freshness from the last confirmation: STALE after 8 hours for a 24/7 facility, FRESH again on confirm', async () => {
    expect(newFacility().updateCadence).toBe(UpdateCadence.ROUND_THE_CLOCK);
    const query = `query F($id: ID!) { facility(id: $id) { capacity { freshness version } } }`;
    clock.advance(9 * 3_600_000);
    const stale = await gql<{ facility: { capacity: { freshness: Freshness; version: number } } }>(api.url, query, { token: staff, variables: { id: own.id } });
    expect(stale.data!.facility.capacity.freshness).toBe(Freshness.STALE);

    const confirmed = await gql<{ confirmCapacity: { capacity: { freshness: Freshness; version: number; confirmedAt: string } } }>(api.url, CONFIRM, {
      token: staff,
      variables: { id: own.id },
    });
    expect(confirmed.data!.confirmCapacity.capacity).toEqual({
      freshness: Freshness.FRESH,
      version: stale.data!.facility.capacity.version, // a confirmation does not make a colleague's edit conflict
      confirmedAt: clock.now().toISOString(),
    });
  });
});
