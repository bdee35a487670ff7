/**
 * Transfers (issue 14, "the case over time") over GraphQL: two transfers asked at once (one opened,
 * the other a CONFLICT), bad input named by field, and who may ask (FORBIDDEN for those who see her
 * case but do not carry it, NOT_FOUND for those who cannot see it). How a transfer moves her with
 * one place held throughout is in transfers.medium-spec.ts.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, IN_AMSTERDAM } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import { Role } from '@opvangplek/domain';
import {
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

type TransferView = RequestView & {
  transferReason: string | null;
  transferOf: { id: string; status: string } | null;
  transfer: { id: string; status: string; transferReason: string } | null;
  history: (RequestView['history'][number] & { noteCode: string | null })[];
};

describe('transfers over GraphQL: at once, bad input, who may ask', () => {
  const clock = new FixedClock(MONDAY_OPENING);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let voRotterdam: { id: string };
  let voRotterdam2: { id: string };
  let coordinatorRR: string;
  let coordinatorTW: string;
  let comensha: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [voRotterdam, voRotterdam2] = await insertFacilities(
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
    coordinatorTW = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-twente', regions: ['TW'] });
    comensha = await token.comensha();
  });
  afterAll(() => stopApp(api, database));

  const transfer = (tokenValue: string, variables: Record<string, unknown>) =>
    client.raw(TRANSFER, tokenValue, variables) as unknown as Promise<{
      data?: { requestTransfer: TransferView } | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    }>;

  /** The Rotterdam coordinator asks a place for a woman; staff accept and she arrives. */
  const placedInRotterdam = () => client.placed(coordinatorRR, { profile: DUTCH_WOMAN });

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
