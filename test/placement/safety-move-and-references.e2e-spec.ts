/**
 * What the fifth red team pass on "the case over time" found, as the people who would live it:
 * - H1: a coordinator who changed a woman's profile and then, by mistake, sends another woman under
 *   the same clientReference must hear CONFLICT, not get the first woman's request back (the second
 *   woman would be left without a request);
 * - M1: a SAFETY move (004:7085-7089) holds one place while she stays in hers, also when ACUTE
 *   requests are offered to several shelters at once (one person: her place and the one she moves to);
 * - M3: the region she leaves may not steer a safety move it may not see by changing her profile (a
 *   region excluded would withdraw the move's place, and region by region tell where she goes).
 */
import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, IN_AMSTERDAM } from '../support/factories';
import type { TestApp } from '../support/test-app';
import type { GraphQLResponse } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import {
  dataOf,
  DUTCH_WOMAN,
  facilityOf,
  holdsOf,
  MONDAY_OPENING,
  PlacementClient,
  REQUEST_FIELDS,
  type RequestView,
  startPlacementApp,
  stopApp,
  token,
} from './support';

const REQUEST = `mutation Request($input: PlacementRequestInput!) { requestPlacement(input: $input) { id treatedAsRetry } }`;
const UPDATE = `mutation Update($requestId: ID!, $changes: VictimProfileChangeInput!, $reason: String!) {
  updateVictimProfile(requestId: $requestId, changes: $changes, reason: $reason) { id profileVersion }
}`;
const TRANSFER = `mutation Transfer($requestId: ID!, $reason: TransferReason!, $regionCode: ID, $note: String) {
  requestTransfer(requestId: $requestId, reason: $reason, regionCode: $regionCode, note: $note) { ${REQUEST_FIELDS} }
}`;
const TRANSFER_OF = `query Get($id: ID!) { placementRequest(id: $id) { id transfer { id status } } }`;

type Answer<T> = GraphQLResponse<Record<string, T>>;

describe('a safety move and a reused clientReference after her profile changed (red team, fifth pass)', () => {
  const clock = new FixedClock(MONDAY_OPENING);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let coordinatorRR: string;
  let coordinatorAMS: string;
  let comensha: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.VROUWENOPVANG, 4, { total: 10, eligibility: women }),
        // Three shelters in Amsterdam with room: a parallel offer would hold a place at each.
        ...[0, 1, 2].map((i) =>
          facilityOf(ShelterType.VROUWENOPVANG, 3, {
            total: 10,
            ...IN_AMSTERDAM,
            latitude: IN_AMSTERDAM.latitude + i * 0.01,
            eligibility: women,
          }),
        ),
      ],
      { now: MONDAY_OPENING },
    );
    // ACUTE requests go to three shelters at once, as in production (PARALLEL_OFFERS_ACUTE).
    api = await startPlacementApp(database.url, clock, { PARALLEL_OFFERS_ACUTE: '3' });
    client = new PlacementClient(api.url);
    coordinatorRR = await token.coordinator(['RR']);
    coordinatorAMS = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-amsterdam', regions: ['AMS'] });
    comensha = await token.comensha();
  });
  afterAll(() => stopApp(api, database));

  const call = <T>(query: string, tokenValue: string, variables: Record<string, unknown>) =>
    client.raw(query, tokenValue, variables) as unknown as Promise<Answer<T>>;

  /** The Rotterdam coordinator asks a place for a woman; staff accept and she arrives. */
  const placedInRotterdam = () => client.placed(coordinatorRR, { profile: DUTCH_WOMAN });

  it('a woman of 33 whose languages were recorded later, then a woman of 52 sent under the same clientReference: CONFLICT naming the field; the first woman sent again gets her request back', async () => {
    const first = { ...DUTCH_WOMAN, age: 33 };
    const input = (profile: object) => ({ profile, urgency: 'PLANNED', regionCode: 'RR', clientReference: 'zc-rr-2026-0412' });
    const made = dataOf(await call<{ id: string }>(REQUEST, coordinatorRR, { input: input(first) }), 'requestPlacement');
    const updated = await call<{ profileVersion: number }>(UPDATE, coordinatorRR, {
      requestId: made.id,
      changes: { languages: ['nl', 'en'] },
      reason: 'taal bekend na intake',
    });
    expect(updated.data?.updateVictimProfile.profileVersion).toBe(2);

    const another = await call(REQUEST, coordinatorRR, { input: input({ ...first, age: 52 }) });
    expect(another.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(another.errors?.[0].message).toMatch(/^input\.clientReference "zc-rr-2026-0412" was already used for another request/);

    const retried = dataOf(
      await call<{ id: string; treatedAsRetry: boolean }>(REQUEST, coordinatorRR, { input: input(first) }),
      'requestPlacement',
    );
    expect(retried).toMatchObject({ id: made.id, treatedAsRetry: true });
  });

  let stay: RequestView;
  let moveId: string;

  it('a SAFETY move to Amsterdam is ACUTE, yet holds one place while she is still in her Rotterdam place (004:7085-7089)', async () => {
    stay = await placedInRotterdam();
    const asked = await call(TRANSFER, coordinatorRR, {
      requestId: stay.id,
      reason: 'SAFETY',
      regionCode: 'AMS',
      note: 'de daders weten waar zij verblijft',
    });
    expect(asked.errors).toBeUndefined();
    moveId = dataOf(await call<{ transfer: { id: string } }>(TRANSFER_OF, comensha, { id: stay.id }), 'placementRequest').transfer
      .id;
    const offered = await client.waitForStatus(coordinatorAMS, moveId, ['OFFERED']);
    expect(offered.urgency).toBe('ACUTE');
    const held = (await holdsOf(database.dataSource, moveId)).filter((hold) => hold.state === 'HELD');
    expect(held).toHaveLength(1);
    const occupied = (await holdsOf(database.dataSource, stay.id)).filter((hold) => hold.state === 'OCCUPIED');
    expect(occupied).toHaveLength(1);
  });

  it('Rotterdam, which may not see where she goes, cannot change her profile while the move is open; Amsterdam, which carries it, can', async () => {
    const steered = await call(UPDATE, coordinatorRR, {
      requestId: stay.id,
      changes: { excludedRegionCodes: ['AMS'] },
      reason: 'test',
    });
    expect(steered.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(steered.errors?.[0].message).toMatch(/move for her safety is open/);
    expect(steered.errors?.[0].message).not.toMatch(/AMS|Amsterdam/);
    // The move's place is still held.
    expect((await holdsOf(database.dataSource, moveId)).filter((hold) => hold.state === 'HELD')).toHaveLength(1);

    const carried = await call<{ profileVersion: number }>(UPDATE, coordinatorAMS, {
      requestId: moveId,
      changes: { languages: ['nl'] },
      reason: 'taal bekend',
    });
    expect(carried.errors).toBeUndefined();
    expect(carried.data?.updateVictimProfile.profileVersion).toBeGreaterThan(1);
  });
});
