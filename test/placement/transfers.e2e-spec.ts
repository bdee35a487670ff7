/**
 * Transfers (issue 14, "the case over time"): she moves from the place she is in to another. The
 * transfer is a new request linked to her stay; she keeps her place until she arrives at the new
 * one (one person, one place: the place she is in plus the one she moves to), and her arrival
 * frees the old place in the same transaction.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, IN_AMSTERDAM } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import { Role } from '@opvangplek/domain';
import {
  capacityOf,
  dataOf,
  DUTCH_WOMAN,
  eventually,
  facilityOf,
  fillUp,
  MONDAY_OPENING,
  PlacementClient,
  REQUEST_FIELDS,
  type RequestView,
  setCapacity,
  startPlacementApp,
  stopApp,
  token,
} from './support';

const LINKS = `transferReason transferOf { id status } transfer { id status transferReason } history { noteCode }`;
const TRANSFER = `mutation Transfer($requestId: ID!, $reason: TransferReason!, $regionCode: ID, $note: String) {
  requestTransfer(requestId: $requestId, reason: $reason, regionCode: $regionCode, note: $note) { ${REQUEST_FIELDS} ${LINKS} }
}`;
const GET = `query Get($id: ID!) { placementRequest(id: $id) { ${REQUEST_FIELDS} ${LINKS} } }`;

type TransferView = RequestView & {
  transferReason: string | null;
  transferOf: { id: string; status: string } | null;
  transfer: { id: string; status: string; transferReason: string } | null;
  history: (RequestView['history'][number] & { noteCode: string | null })[];
};

describe('transfers: she moves with one place held throughout', () => {
  const clock = new FixedClock(MONDAY_OPENING);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let voRotterdam: { id: string };
  let voRotterdam2: { id: string };
  let voAmsterdam: { id: string };
  let coordinatorRR: string;
  let coordinatorAMS: string;
  let coordinatorTW: string;
  let comensha: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [voRotterdam, voRotterdam2, voAmsterdam] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.VROUWENOPVANG, 6, { total: 10, eligibility: women }),
        facilityOf(ShelterType.VROUWENOPVANG, 6, { total: 10, latitude: 51.95, longitude: 4.5, eligibility: women }),
        facilityOf(ShelterType.VROUWENOPVANG, 0, {
          total: 10,
          ...IN_AMSTERDAM,
          eligibility: women,
        }),
        // A third region exists, with its own coordinator.
        facilityOf(ShelterType.VROUWENOPVANG, 0, { total: 4, regionCode: 'TW', municipality: 'Enschede', eligibility: women }),
      ],
      { now: MONDAY_OPENING },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    coordinatorRR = await token.coordinator(['RR']);
    coordinatorAMS = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-amsterdam', regions: ['AMS'] });
    coordinatorTW = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-twente', regions: ['TW'] });
    comensha = await token.comensha();
  });
  afterAll(() => stopApp(api, database));

  const transfer = (tokenValue: string, variables: Record<string, unknown>) =>
    client.raw(TRANSFER, tokenValue, variables) as unknown as Promise<{
      data?: { requestTransfer: TransferView } | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    }>;
  const get = async (tokenValue: string, id: string) =>
    ((await client.raw(GET, tokenValue, { id })).data?.placementRequest ?? null) as TransferView | null;

  /** The Rotterdam coordinator asks a place for a woman; staff accept and she arrives. */
  async function placedInRotterdam(): Promise<RequestView> {
    const submitted = await client.request(coordinatorRR, { profile: DUTCH_WOMAN });
    const offered = await client.waitForStatus(coordinatorRR, submitted.id, ['OFFERED']);
    const staff = await token.staff(offered.facility!.id);
    await client.accept(staff, submitted.id);
    return client.arrive(staff, submitted.id);
  }

  it('a safety transfer to another region is visible to its coordinator and not to a third region, with one place held throughout (004:7085-7089)', async () => {
    const stay = await placedInRotterdam();
    expect(stay).toMatchObject({ status: 'PLACED', facility: { id: voRotterdam.id } });
    const rotterdamWhileThere = await capacityOf(database.dataSource, voRotterdam.id);

    const asked = await transfer(coordinatorRR, {
      requestId: stay.id,
      reason: 'SAFETY',
      regionCode: 'AMS',
      note: 'de daders weten waar zij verblijft',
    });
    // The Rotterdam coordinator may not see Amsterdam's request: she gets the stay back, with the step.
    const answered = dataOf(asked as never, 'requestTransfer') as TransferView;
    expect(answered).toMatchObject({ id: stay.id, status: 'PLACED', transfer: null });
    expect(answered.history.at(-1)).toMatchObject({ status: 'PLACED', noteCode: 'TRANSFER_REQUESTED' });

    // CoMensha follows the whole path; Amsterdam sees the new request from the moment it exists.
    const fromStay = (await get(comensha, stay.id))!;
    expect(fromStay.transfer).toMatchObject({ transferReason: 'SAFETY' });
    const transferId = fromStay.transfer!.id;
    const inAmsterdam = (await get(coordinatorAMS, transferId))!;
    expect(inAmsterdam).toMatchObject({ regionCode: 'AMS', transferReason: 'SAFETY', transferOf: null });
    expect(inAmsterdam.history[0]).toMatchObject({
      status: 'RECEIVED',
      noteCode: 'TRANSFER_OF',
      by: 'dev-zorgcoordinator@zc-rijnmond',
    });
    expect((await get(comensha, transferId))!.transferOf).toEqual({ id: stay.id, status: 'PLACED' });
    expect(await get(coordinatorTW, transferId)).toBeNull();
    expect((await client.list(coordinatorTW, {})).nodes.map((r) => r.id)).not.toContain(transferId);

    // Amsterdam is full, and the other Rotterdam place is free: she waits, never placed back where the danger is.
    await client.waitForStatus(coordinatorAMS, transferId, ['WAITING']);
    expect(await capacityOf(database.dataSource, voRotterdam2.id)).toMatchObject({ held: 0 });

    // A place frees up in Amsterdam: held for her while she is still in Rotterdam (both places).
    await setCapacity(api, database.dataSource, voAmsterdam.id, { total: 10, occupied: 9 });
    const offered = await client.waitForStatus(coordinatorAMS, transferId, ['OFFERED']);
    expect(offered.facility!.id).toBe(voAmsterdam.id);
    expect(await capacityOf(database.dataSource, voRotterdam.id)).toEqual(rotterdamWhileThere);
    expect(await capacityOf(database.dataSource, voAmsterdam.id)).toMatchObject({ occupied: 9, held: 1 });

    const amsterdamStaff = await token.staff(voAmsterdam.id);
    await client.accept(amsterdamStaff, transferId);
    clock.advance(3 * 3_600_000);
    const arrived = await client.arrive(amsterdamStaff, transferId);
    expect(arrived.status).toBe('PLACED');

    // Her arrival freed the Rotterdam place in the same transaction.
    expect(await capacityOf(database.dataSource, voAmsterdam.id)).toMatchObject({ occupied: 10, held: 0 });
    expect(await capacityOf(database.dataSource, voRotterdam.id)).toEqual({
      ...rotterdamWhileThere,
      occupied: rotterdamWhileThere.occupied - 1,
    });
    const ended = (await get(comensha, stay.id))!;
    expect(ended.status).toBe('ENDED');
    expect(ended.history.at(-1)).toMatchObject({ status: 'ENDED', noteCode: 'TRANSFERRED', by: 'system:placement' });
    expect(ended.transfer).toEqual({ id: transferId, status: 'PLACED', transferReason: 'SAFETY' });
  });

  it('cancelling a transfer leaves her where she is, and the place held for it goes back', async () => {
    await setCapacity(api, database.dataSource, voRotterdam2.id, { total: 10, occupied: 4 });
    const stay = await placedInRotterdam();
    const here = stay.facility!.id;
    const other = here === voRotterdam.id ? voRotterdam2.id : voRotterdam.id;
    const before = await capacityOf(database.dataSource, other);
    const answered = dataOf(
      (await transfer(coordinatorRR, { requestId: stay.id, reason: 'MOVE_ON' })) as never,
      'requestTransfer',
    ) as TransferView;
    expect(answered).toMatchObject({
      status: 'RECEIVED',
      transferReason: 'MOVE_ON',
      regionCode: 'RR',
      transferOf: { id: stay.id },
    });
    const offered = await client.waitForStatus(coordinatorRR, answered.id, ['OFFERED']);
    expect(offered.facility!.id).toBe(other); // never back to where she is
    expect(await capacityOf(database.dataSource, other)).toMatchObject({ held: before.held + 1 });

    const cancelled = await client.cancel(coordinatorRR, answered.id, 'zij blijft liever');
    expect(cancelled.status).toBe('CANCELLED');
    expect(await capacityOf(database.dataSource, other)).toEqual(before);
    const still = (await get(coordinatorRR, stay.id))!;
    expect(still).toMatchObject({ status: 'PLACED', facility: { id: here } });
    expect(still.history.at(-1)).toMatchObject({ status: 'PLACED', noteCode: 'TRANSFER_CANCELLED' });

    // A new transfer may be asked once the first is cancelled.
    const again = await transfer(comensha, { requestId: stay.id, reason: 'CARE_NEEDS' });
    expect(again.errors).toBeUndefined();
    expect((await get(comensha, stay.id))!.transfer).toMatchObject({ id: again.data!.requestTransfer.id });
    await client.cancel(comensha, again.data!.requestTransfer.id, 'test cleanup');
  });

  it('two transfers asked at once: one is opened, the other is a CONFLICT', async () => {
    await setCapacity(api, database.dataSource, voRotterdam.id, { total: 10, occupied: 4 });
    const stay = await placedInRotterdam();
    const answers = await Promise.all([
      transfer(coordinatorRR, { requestId: stay.id, reason: 'MOVE_ON' }),
      transfer(comensha, { requestId: stay.id, reason: 'CARE_NEEDS' }),
    ]);
    const failed = answers.filter((answer) => answer.errors?.length);
    expect(failed).toHaveLength(1);
    expect(failed[0].errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    const [{ n }] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM placement_requests WHERE bridge_request_id = $1`,
      [stay.id],
    );
    expect(n).toBe(1);
    const opened = answers.find((answer) => !answer.errors?.length)!.data!.requestTransfer;
    await client.cancel(comensha, opened.transfer?.id ?? opened.id, 'test cleanup');
  });

  it('her stay ends while the transfer waits: the transfer goes on, and takes a place once one frees up', async () => {
    await setCapacity(api, database.dataSource, voRotterdam.id, { total: 10, occupied: 4 });
    const stay = await placedInRotterdam();
    await fillUp(api, database.dataSource, voRotterdam.id);
    await fillUp(api, database.dataSource, voRotterdam2.id);
    const asked = dataOf(
      (await transfer(coordinatorRR, { requestId: stay.id, reason: 'CARE_NEEDS' })) as never,
      'requestTransfer',
    ) as TransferView;
    await client.waitForStatus(coordinatorRR, asked.id, ['WAITING']);

    const ended = await client.end(coordinatorRR, stay.id, 'naar een kliniek voor een week');
    expect(ended.status).toBe('ENDED');
    const still = (await get(coordinatorRR, asked.id))!;
    expect(still).toMatchObject({ status: 'WAITING', transferOf: { id: stay.id, status: 'ENDED' } });

    const other = stay.facility!.id === voRotterdam.id ? voRotterdam2.id : voRotterdam.id;
    const { held } = await capacityOf(database.dataSource, other);
    await setCapacity(api, database.dataSource, other, { total: 10, occupied: 10 - held - 1 }); // one place frees up
    const offered = await client.waitForStatus(coordinatorRR, asked.id, ['OFFERED']);
    expect(offered.facility!.id).toBe(other);
    await client.cancel(coordinatorRR, asked.id, 'test cleanup');
  });

  it('bad input is named, a waiting request cannot be transferred, and only those who carry the case may ask', async () => {
    await setCapacity(api, database.dataSource, voRotterdam.id, { total: 10, occupied: 4 });
    const stay = await placedInRotterdam();
    const codeOf = async (tokenValue: string, variables: Record<string, unknown>) =>
      (await transfer(tokenValue, { requestId: stay.id, ...variables })).errors?.[0];

    expect(await codeOf(coordinatorRR, { reason: 'OTHER' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'note' },
    });
    expect(await codeOf(coordinatorRR, { reason: 'SAFETY' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'regionCode' },
    });
    expect(await codeOf(coordinatorRR, { reason: 'SAFETY', regionCode: 'RR' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'regionCode' },
    });
    expect(await codeOf(coordinatorRR, { reason: 'MOVE_ON', regionCode: 'NOPE' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'regionCode' },
    });
    expect(await codeOf(coordinatorRR, { reason: 'MOVE_ON', note: 'x'.repeat(2000) })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'note' },
    });
    expect((await transfer(coordinatorRR, { requestId: 'not-an-id', reason: 'MOVE_ON' })).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'requestId' },
    });

    // Those who see her case but do not carry it: FORBIDDEN; those who cannot see it: NOT_FOUND.
    expect(await codeOf(await token.staff(stay.facility!.id), { reason: 'MOVE_ON' })).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await codeOf(await token.admin(), { reason: 'MOVE_ON' })).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await codeOf(await token.planner(), { reason: 'MOVE_ON' })).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await codeOf(await token.police('avim-elders'), { reason: 'MOVE_ON' })).toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    expect(await codeOf(coordinatorTW, { reason: 'MOVE_ON' })).toMatchObject({ extensions: { code: 'NOT_FOUND' } });

    // A request still waiting for a place: nothing to move from.
    await fillUp(api, database.dataSource, voRotterdam.id);
    await fillUp(api, database.dataSource, voRotterdam2.id);
    const waiting = await client.request(coordinatorRR, { profile: DUTCH_WOMAN });
    await client.waitForStatus(coordinatorRR, waiting.id, ['WAITING']);
    const refused = (await transfer(coordinatorRR, { requestId: waiting.id, reason: 'MOVE_ON' })).errors?.[0];
    expect(refused).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('not placed yet') });
    await eventually(async () => {
      const [{ n }] = await database.dataSource.query(
        'SELECT count(*)::int AS n FROM placement_requests WHERE bridge_request_id = $1',
        [waiting.id],
      );
      expect(n).toBe(0);
    });
  });
});
