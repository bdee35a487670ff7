/**
 * Her profile over time (issue 14, "the case over time"): the coordinator records what changes
 * (aangifte made, a B8 permit, regions to avoid), each change a new version, sealed and audited,
 * and the request follows it in the same transaction: a waiting request is matched again, and a
 * place she is in that no longer fits opens a transfer, her place held until she arrives.
 */
import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, IN_AMSTERDAM } from '../support/factories';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import {
  capacityOf,
  dataOf,
  DUTCH_WOMAN,
  facilityOf,
  fillUp,
  MONDAY_OPENING,
  PlacementClient,
  REQUEST_FIELDS,
  type RequestView,
  setCapacity,
  startPlacementApp,
  stopApp,
  sweep,
  token,
  WOMAN_IN_BEDENKTIJD,
} from './support';

const EXTRA = `profileVersion transferReason transfer { id status transferReason } transferOf { id status }
  history { noteCode noteParams { fields version transferReason at } }`;
const UPDATE = `mutation Update($requestId: ID!, $changes: VictimProfileChangeInput!, $reason: String!) {
  updateVictimProfile(requestId: $requestId, changes: $changes, reason: $reason) { ${REQUEST_FIELDS} ${EXTRA} }
}`;
const GET = `query Get($id: ID!) { placementRequest(id: $id) { ${REQUEST_FIELDS} ${EXTRA} } }`;
const ASSIGN = `mutation Assign($requestId: ID!, $facilityId: ID!) {
  assignPlacement(requestId: $requestId, facilityId: $facilityId) { id status }
}`;
const CREATE_WEBHOOK = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id } } }`;

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
  let cosm: { id: string };
  let vo: { id: string };
  let voAmsterdam: { id: string };
  let coordinator: string;
  let comensha: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [cosm, vo, voAmsterdam] = await insertFacilities(
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

  /** The coordinator asks a place for a woman in her bedenktijd; CoMensha assigns COSM; she arrives there. */
  async function inCosm(): Promise<RequestView> {
    const request = await client.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD });
    await client.waitForStatus(comensha, request.id, ['WAITING'], 10_000, (r) => r.waitingForAuthority === 'COMENSHA');
    dataOf(await client.raw(ASSIGN, comensha, { requestId: request.id, facilityId: cosm.id }), 'assignPlacement');
    const staff = await token.staff(cosm.id);
    await client.accept(staff, request.id);
    return client.arrive(staff, request.id);
  }

  it('a permit after aangifte moves a COSM resident to VO with one place held throughout (000:2131-2134)', async () => {
    const stay = await inCosm();
    expect(stay).toMatchObject({ status: 'PLACED', facility: { id: cosm.id } });
    const cosmWhileThere = await capacityOf(database.dataSource, cosm.id);
    await setCapacity(api, database.dataSource, vo.id, { total: 10, occupied: 8 });
    const voBefore = await capacityOf(database.dataSource, vo.id);

    // She made aangifte and was granted a B8 permit: COSM should now give way to VO/MO.
    const changed = dataOf(
      await update(coordinator, stay.id, { aangifte: 'DONE', residenceStatus: 'NO_LAWFUL_RESIDENCE', b8Status: 'B8_PERMIT' }),
      'updateVictimProfile',
    );
    expect(changed).toMatchObject({ status: 'PLACED', profileVersion: 2, facility: { id: cosm.id } });
    const steps = changed.history.filter((step) => step.noteCode !== null).map((step) => step.noteCode);
    expect(steps.slice(-2)).toEqual(['PROFILE_CHANGED', 'TRANSFER_REQUESTED']);
    const profileStep = changed.history.find((step) => step.noteCode === 'PROFILE_CHANGED')!;
    // The history names the fields, never their values.
    expect(profileStep.noteParams).toMatchObject({
      fields: ['residenceStatus', 'b8Status', 'bedenktijdStart', 'aangifte'],
      version: 2,
    });
    expect(JSON.stringify(changed.history)).not.toMatch(/B8_PERMIT|DONE/);
    expect(changed.transfer).toMatchObject({ transferReason: 'PROFILE_CHANGED' });
    const transferId = changed.transfer!.id;

    // The transfer is matched to VO while she is still in COSM: both places, no more.
    const offered = await client.waitForStatus(coordinator, transferId, ['OFFERED']);
    expect(offered.facility).toMatchObject({ id: vo.id, type: 'VROUWENOPVANG' });
    expect(await capacityOf(database.dataSource, cosm.id)).toEqual(cosmWhileThere);
    expect(await capacityOf(database.dataSource, vo.id)).toEqual({ ...voBefore, held: voBefore.held + 1 });
    const [{ n }] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM placement_holds WHERE request_id IN ($1, $2) AND state <> 'RELEASED'`,
      [stay.id, transferId],
    );
    expect(n).toBe(2);

    const voStaff = await token.staff(vo.id);
    await client.accept(voStaff, transferId);
    const arrived = await client.arrive(voStaff, transferId);
    expect(arrived.status).toBe('PLACED');
    // Her arrival in VO freed her COSM place in the same transaction.
    expect(await capacityOf(database.dataSource, cosm.id)).toEqual({ ...cosmWhileThere, occupied: cosmWhileThere.occupied - 1 });
    expect(await capacityOf(database.dataSource, vo.id)).toEqual({ ...voBefore, occupied: voBefore.occupied + 1 });
    const ended = (await get(coordinator, stay.id))!;
    expect(ended).toMatchObject({ status: 'ENDED', transfer: { id: transferId, status: 'PLACED' } });
    expect(ended.history.at(-1)).toMatchObject({ status: 'ENDED', noteCode: 'TRANSFERRED' });

    // Audited: who changed her profile, which fields; the values are sealed in the profile's history.
    const audits = await database.dataSource.query(
      `SELECT actor_sub AS sub, detail FROM audit_log WHERE action = 'profile.update' AND request_id = $1`,
      [stay.id],
    );
    expect(audits).toEqual([
      { sub: 'dev-zorgcoordinator@zc-rijnmond', detail: 'v2: residenceStatus, b8Status, bedenktijdStart, aangifte' },
    ]);
    const [row] = await database.dataSource.query(`SELECT fields, change FROM placement_profile_changes WHERE request_id = $1`, [
      stay.id,
    ]);
    expect(row.fields).toEqual(['residenceStatus', 'b8Status', 'bedenktijdStart', 'aangifte']);
    expect(row.change).not.toMatch(/B8_PERMIT|gesprek/);
  });

  it('a waiting request is matched again with the new profile: a region no longer excluded has her place', async () => {
    await fillUp(api, database.dataSource, vo.id);
    const request = await client.request(coordinator, { profile: { ...DUTCH_WOMAN, excludedRegionCodes: ['AMS'] } });
    const waiting = await client.waitForStatus(coordinator, request.id, ['WAITING']);
    expect(waiting.facility).toBeNull();

    const changed = dataOf(await update(coordinator, request.id, { excludedRegionCodes: [] }), 'updateVictimProfile');
    expect(changed.profileVersion).toBe(2);
    expect(changed.history.at(-2)).toMatchObject({ status: 'WAITING', noteCode: 'PROFILE_CHANGED' });
    expect(changed.history.at(-1)).toMatchObject({ status: 'MATCHING' });
    const offered = await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    expect(offered.facility!.id).toBe(voAmsterdam.id);

    // The same change again changes nothing: no new version (a retry is harmless).
    const again = dataOf(await update(coordinator, request.id, { excludedRegionCodes: [] }), 'updateVictimProfile');
    expect(again.profileVersion).toBe(2);
    await client.cancel(coordinator, request.id, 'test cleanup');
  });

  it('an offered place that no longer fits is withdrawn: a threat in Amsterdam gives the Amsterdam place back', async () => {
    await fillUp(api, database.dataSource, vo.id);
    const before = await capacityOf(database.dataSource, voAmsterdam.id);
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN });
    const offered = await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    expect(offered.facility!.id).toBe(voAmsterdam.id);
    expect(await capacityOf(database.dataSource, voAmsterdam.id)).toEqual({ ...before, held: before.held + 1 });

    const changed = dataOf(
      await update(coordinator, request.id, { excludedRegionCodes: ['AMS'], threatLevel: 'HIGH' }),
      'updateVictimProfile',
    );
    // The worker may already have matched her again when the answer is read: the steps of the change, wherever they are last.
    const step = changed.history.findLastIndex((s) => s.noteCode === 'PROFILE_CHANGED');
    expect(changed.history[step]).toMatchObject({ status: 'OFFERED', noteCode: 'PROFILE_CHANGED' });
    expect(changed.history[step + 1]).toMatchObject({ status: 'MATCHING' });
    expect(await capacityOf(database.dataSource, voAmsterdam.id)).toEqual(before);
    const waiting = await client.waitForStatus(coordinator, request.id, ['WAITING']);
    expect(waiting.facility).toBeNull();
    await client.cancel(coordinator, request.id, 'test cleanup');
  });

  it('the end of her bedenktijd is announced 14 days ahead, once, to the requester and the region (003:661)', async () => {
    await gql(api.url, CREATE_WEBHOOK, {
      token: await token.admin(),
      variables: { input: { organisation: 'zc-rijnmond', url: 'http://127.0.0.1:9/hooks', events: ['BEDENKTIJD_ENDING'] } },
    });
    clock.set(MONDAY_OPENING);
    await setCapacity(api, database.dataSource, cosm.id, { total: 10, occupied: 2 });
    const stay = await inCosm(); // bedenktijd from 27 November 2026: ends 27 February 2027 00:00 in Amsterdam
    const end = new Date('2027-02-26T23:00:00.000Z');
    const alertAt = new Date(end.getTime() - 14 * 24 * 3_600_000);

    clock.set(new Date(alertAt.getTime() - 60_000));
    await sweep(api);
    expect((await get(coordinator, stay.id))!.history.some((step) => step.noteCode === 'BEDENKTIJD_ENDING')).toBe(false);

    clock.set(alertAt);
    await sweep(api);
    await sweep(api); // a second sweep (or another worker) warns no more
    const warned = (await get(coordinator, stay.id))!;
    const alerts = warned.history.filter((step) => step.noteCode === 'BEDENKTIJD_ENDING');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: 'PLACED', by: 'system:placement', noteParams: { at: end.toISOString() } });
    const deliveries = await database.dataSource.query(
      `SELECT notification->>'type' AS type FROM webhook_deliveries WHERE request_id = $1 AND notification->>'type' = 'BEDENKTIJD_ENDING'`,
      [stay.id],
    );
    expect(deliveries).toHaveLength(1);

    // A new bedenktijd start (recorded as a change) is announced again at its own time.
    clock.set(MONDAY_OPENING);
    dataOf(
      await update(coordinator, stay.id, {
        residenceStatus: 'NO_LAWFUL_RESIDENCE',
        b8Status: 'BEDENKTIJD',
        bedenktijdStart: '2026-11-30',
      }),
      'updateVictimProfile',
    );
    const count = async () =>
      (await get(coordinator, stay.id))!.history.filter((step) => step.noteCode === 'BEDENKTIJD_ENDING').length;
    // 30 November + three months: 28 February 2027 (clamped at the month's end), 00:00 in Amsterdam.
    clock.set(new Date('2027-02-13T22:59:00.000Z'));
    await sweep(api);
    expect(await count()).toBe(1);
    clock.set(new Date('2027-02-13T23:00:00.000Z'));
    await sweep(api);
    expect(await count()).toBe(2);
    await client.end(coordinator, stay.id, 'test cleanup');
  });

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
