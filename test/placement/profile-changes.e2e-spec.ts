/**
 * Her profile over time (issue 14, "the case over time") over GraphQL: updateVictimProfile names bad
 * input by field, refuses staff, planners, ADMIN and another region, refuses an ended case, and
 * retention erases what changed. How the request follows a change (matched again, an offer
 * withdrawn, a transfer opened with her place held, the bedenktijd's end announced) is in
 * profile-changes.medium-spec.ts.
 */
import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, IN_AMSTERDAM } from '../support/factories';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import {
  dataOf,
  DUTCH_WOMAN,
  facilityOf,
  MONDAY_OPENING,
  PlacementClient,
  REQUEST_FIELDS,
  type RequestView,
  startPlacementApp,
  stopApp,
  sweep,
  token,
} from './support';

const EXTRA = `profileVersion transferReason transfer { id status transferReason } transferOf { id status }
  history { noteCode noteParams { fields version transferReason at } }`;
const UPDATE = `mutation Update($requestId: ID!, $changes: VictimProfileChangeInput!, $reason: String!) {
  updateVictimProfile(requestId: $requestId, changes: $changes, reason: $reason) { ${REQUEST_FIELDS} ${EXTRA} }
}`;
const GET = `query Get($id: ID!) { placementRequest(id: $id) { ${REQUEST_FIELDS} ${EXTRA} } }`;

type Step = RequestView['history'][number] & {
  noteCode: string | null;
  noteParams: { fields: string[] | null; version: number | null; transferReason: string | null; at: string | null } | null;
};
type CaseView = Omit<RequestView, 'history'> & {
  profileVersion: number;
  transferReason: string | null;
  transfer: { id: string; status: string; transferReason: string } | null;
  transferOf: { id: string; status: string } | null;
  history: Step[];
};

describe('profile changes over time', () => {
  const clock = new FixedClock(MONDAY_OPENING);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let vo: { id: string };
  let coordinator: string;
  let comensha: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [, vo] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.COSM, 4, { total: 10, eligibility: women }),
        facilityOf(ShelterType.VROUWENOPVANG, 0, { total: 10, eligibility: women }),
        facilityOf(ShelterType.VROUWENOPVANG, 3, {
          total: 10,
          ...IN_AMSTERDAM,
          eligibility: women,
        }),
      ],
      { now: MONDAY_OPENING },
    );
    api = await startPlacementApp(database.url, clock, { WEBHOOK_ALLOW_INSECURE: 'true', BEDENKTIJD_ALERT_DAYS: '14' });
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator(['RR']);
    comensha = await token.comensha();
  }, 60_000);
  afterAll(() => stopApp(api, database));

  const update = (
    tokenValue: string,
    requestId: string,
    changes: Record<string, unknown>,
    reason = 'gesprek met de zorgcoördinator',
  ) => gql<{ updateVictimProfile: CaseView }>(api.url, UPDATE, { token: tokenValue, variables: { requestId, changes, reason } });
  const get = async (tokenValue: string, id: string) =>
    (await gql<{ placementRequest: CaseView | null }>(api.url, GET, { token: tokenValue, variables: { id } })).data!
      .placementRequest;

  it('bad input is named; staff, planners and ADMIN may not change her profile; an ended case cannot change, and retention erases what changed', async () => {
    clock.set(MONDAY_OPENING);
    const request = await client.request(coordinator, { profile: { ...DUTCH_WOMAN, excludedRegionCodes: ['AMS', 'RR'] } });
    const errorOf = async (tokenValue: string, changes: Record<string, unknown>, reason?: string) =>
      (await update(tokenValue, request.id, changes, reason)).errors?.[0];

    expect(await errorOf(coordinator, {})).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'changes' } });
    expect(await errorOf(coordinator, { age: 300, minor: null })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'changes.age' },
    });
    expect(await errorOf(coordinator, { excludedRegionCodes: ['NOPE'] })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'changes.excludedRegionCodes[0]' },
    });
    expect(await errorOf(coordinator, { threatLevel: 'HIGH' }, '  ')).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'reason' },
    });
    for (const who of [await token.staff(vo.id), await token.planner(), await token.admin()])
      expect(await errorOf(who, { threatLevel: 'HIGH' })).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const twente = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-twente', regions: ['TW'] });
    expect(await errorOf(twente, { threatLevel: 'HIGH' })).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect((await get(coordinator, request.id))!.profileVersion).toBe(1);

    dataOf(await update(coordinator, request.id, { threatLevel: 'HIGH' }), 'updateVictimProfile');
    await client.cancel(coordinator, request.id, 'test cleanup');
    expect(await errorOf(comensha, { threatLevel: 'NORMAL' })).toMatchObject({ extensions: { code: 'CONFLICT' } });

    // Retention erases the sealed history with the profile: only the field names and who remain.
    clock.set(new Date(MONDAY_OPENING.getTime() + 91 * 24 * 3_600_000));
    await sweep(api);
    const rows = await database.dataSource.query(
      `SELECT fields, by, change FROM placement_profile_changes WHERE request_id = $1`,
      [request.id],
    );
    expect(rows).toEqual([{ fields: ['threatLevel'], by: 'dev-zorgcoordinator@zc-rijnmond', change: null }]);
  });
});
