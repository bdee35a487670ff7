/**
 * Issue 15, item 2: a failure after commit is never reported as "not carried out", and a retry
 * without clientReference never makes a second request or holds a second place. The same caller
 * sending the same payload within IMPLICIT_RETRY_SECONDS gets the first request back, marked
 * `treatedAsRetry`; two people with identical details are told apart by a clientReference each.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { PlacementRequestsService, SweepJob } from '@opvangplek/placement';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  capacityOf,
  DUTCH_WOMAN,
  facilityOf,
  MINUTE,
  PlacementClient,
  REQUEST_FIELDS,
  startPlacementApp,
  stopApp,
  token,
  totalHeld,
} from './support';

const REQUEST_WITH_RETRY = `mutation Request($input: PlacementRequestInput!) {
  requestPlacement(input: $input) { ${REQUEST_FIELDS} treatedAsRetry }
}`;
const NOODBED_WITH_RETRY = `mutation Noodbed($input: NoodbedRequestInput!) {
  requestNoodbed(input: $input) { id status treatedAsRetry allocations { facility { id } places state } }
}`;
const GET = `query Get($id: ID!) { placementRequest(id: $id) { id status } }`;
const CANCEL = `mutation Cancel($id: ID!, $reason: String!) { cancelPlacementRequest(requestId: $id, reason: $reason) { id status } }`;

/** Another woman than the coordinator's (a noodbed request is the police's, any hour). */
const WOMAN_AT_NIGHT = { ...DUTCH_WOMAN, age: 41 };

interface Failure {
  message: string;
  extensions: { code: string; requestId: string } & Record<string, unknown>;
}

interface Answer {
  id: string;
  status: string;
  treatedAsRetry: boolean | null;
  allocations?: { facility: { id: string }; places: number; state: string }[];
}

describe('a retry without clientReference, and answers after commit (issue 15, item 2)', () => {
  const clock = new FixedClock(new Date('2026-12-02T10:00:00.000Z'));
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let coordinator: string;
  let shelter: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    [shelter] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.VROUWENOPVANG, 6, { eligibility: { genders: [Gender.FEMALE] } }),
        facilityOf(ShelterType.NOODBED, 2, { secretAddress: true, maxStayDays: 3, eligibility: { genders: [Gender.FEMALE] } }),
        // Not for a Dutch woman (COSM is for those without lawful residence): here so that AMS is a region to avoid.
        facilityOf(ShelterType.COSM, 1, { regionCode: 'AMS', municipality: 'Amsterdam' }),
      ],
      { now: clock.now() },
    );
    api = await startPlacementApp(database.url, clock, { IMPLICIT_RETRY_SECONDS: '120' });
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator(['RR']);
  }, 120_000);
  afterAll(() => stopApp(api, database));
  afterEach(() => jest.restoreAllMocks());

  async function submit(input: Record<string, unknown>): Promise<{ data?: { requestPlacement: Answer }; errors?: Failure[] }> {
    return client.raw(REQUEST_WITH_RETRY, coordinator, {
      input: { urgency: 'URGENT', regionCode: 'RR', profile: DUTCH_WOMAN, ...input },
    }) as never;
  }

  async function requestsOf(ids: string[]): Promise<number> {
    const [{ n }] = await database.dataSource.query(
      'SELECT count(*)::int AS n FROM placement_requests WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return n;
  }

  it('a retry without clientReference returns the same request, says it was a retry, and holds one place', async () => {
    const before = await capacityOf(database.dataSource, shelter.id);
    const first = (await submit({ types: ['VROUWENOPVANG'] })).data!.requestPlacement;
    // The answer got lost; the client sends the same again, its fields in another order.
    const again = (await submit({ profile: { ...DUTCH_WOMAN }, types: ['VROUWENOPVANG'], urgency: 'URGENT' })).data!
      .requestPlacement;
    const concurrent = await Promise.all([submit({ types: ['VROUWENOPVANG'] }), submit({ types: ['VROUWENOPVANG'] })]);

    expect(first.treatedAsRetry).toBe(false);
    expect(again).toMatchObject({ id: first.id, treatedAsRetry: true });
    expect(concurrent.map((answer) => answer.data!.requestPlacement.id)).toEqual([first.id, first.id]);
    const [{ n }] = await database.dataSource.query('SELECT count(*)::int AS n FROM placement_requests');
    expect(n).toBe(1);
    await client.waitForStatus(coordinator, first.id, ['OFFERED']);
    expect((await capacityOf(database.dataSource, shelter.id)).held).toBe(before.held + 1);
  });

  it('a resend spelling out nulls and defaults is the same retry; one sent after cancelling is a new request (red team, issue 15)', async () => {
    const first = (await submit({ types: ['VROUWENOPVANG'], profile: { ...DUTCH_WOMAN, languages: ['nl', 'en'] } })).data!
      .requestPlacement;
    const spelledOut = (
      await submit({
        types: ['VROUWENOPVANG'],
        groupSize: 1,
        routeDecided: false,
        profile: { ...DUTCH_WOMAN, languages: ['en', 'nl'], careNeeds: null },
      })
    ).data!.requestPlacement;
    expect(spelledOut).toMatchObject({ id: first.id, treatedAsRetry: true });

    await client.cancel(coordinator, first.id, 'per ongeluk ingetrokken');
    const anew = (await submit({ types: ['VROUWENOPVANG'], profile: { ...DUTCH_WOMAN, languages: ['nl', 'en'] } })).data!
      .requestPlacement;
    expect(anew.id).not.toBe(first.id);
    expect(anew.treatedAsRetry).toBe(false);
    await client.cancel(coordinator, anew.id, 'test cleanup');
  });

  it('a resend spelling out children 0, minor false for a woman of 30, other kinds or parallel offers is still her: one request, one place (red team, issue 15, F1)', async () => {
    const before = await capacityOf(database.dataSource, shelter.id);
    const woman = { ...DUTCH_WOMAN, age: 30, languages: ['nl'] };
    const first = (await submit({ types: ['VROUWENOPVANG'], profile: woman })).data!.requestPlacement;
    const resends = await Promise.all([
      submit({ types: ['VROUWENOPVANG'], profile: { ...woman, accompanyingChildren: 0, minor: false } }),
      // The confirmation pass: whether an adult is unaccompanied, a language twice, a normal threat.
      submit({ profile: { ...woman, unaccompanied: false, languages: ['nl', 'nl'], threatLevel: 'NORMAL', aangifte: 'NONE' } }),
      submit({ types: [], profile: woman, parallelOffers: false }),
      submit({ profile: woman, routeDecided: true }),
    ]);
    expect(resends.map((answer) => answer.data?.requestPlacement)).toEqual(
      resends.map(() => expect.objectContaining({ id: first.id, treatedAsRetry: true })),
    );
    await client.waitForStatus(coordinator, first.id, ['OFFERED']);
    expect((await capacityOf(database.dataSource, shelter.id)).held).toBe(before.held + 1);
    await client.cancel(coordinator, first.id, 'test cleanup');
  });

  it('a resend naming her municipality by its code or in other case, a region in lower case, B8/3 NOT_APPLICABLE beside a Dutch status is still her; as ACUTE it is refused (red team, issue 15, third pass)', async () => {
    const before = await capacityOf(database.dataSource, shelter.id);
    const woman = { ...DUTCH_WOMAN, age: 34, foundInMunicipality: 'Rotterdam', excludedRegionCodes: ['AMS'] };
    const sent = await submit({ types: ['VROUWENOPVANG'], profile: woman });
    expect(sent.errors).toBeUndefined();
    const first = sent.data!.requestPlacement;
    const resends = await Promise.all([
      submit({ types: ['VROUWENOPVANG'], profile: { ...woman, foundInMunicipality: 'GM0599' } }),
      submit({
        types: ['VROUWENOPVANG'],
        profile: { ...woman, foundInMunicipality: '  rotterdam ', excludedRegionCodes: ['ams'] },
      }),
      submit({ types: ['VROUWENOPVANG'], profile: { ...woman, b8Status: 'NOT_APPLICABLE' } }),
    ]);
    expect(resends.map((answer) => answer.data?.requestPlacement ?? answer.errors)).toEqual(
      resends.map(() => expect.objectContaining({ id: first.id, treatedAsRetry: true })),
    );
    const upgraded = await submit({
      types: ['VROUWENOPVANG'],
      urgency: 'ACUTE',
      profile: { ...woman, foundInMunicipality: 'gm0599' },
    });
    expect(upgraded.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    await client.waitForStatus(coordinator, first.id, ['OFFERED']);
    expect((await capacityOf(database.dataSource, shelter.id)).held).toBe(before.held + 1);
    await client.cancel(coordinator, first.id, 'test cleanup');
  });

  it('a region code in lower case is the same region, and two women alike in one group are two people: sent as one, it is another request (red team, issue 15, fourth pass M2, H2)', async () => {
    const woman = { ...DUTCH_WOMAN, age: 44 };
    const first = (await submit({ types: ['VROUWENOPVANG'], urgency: 'PLANNED', regionCode: 'rr', profile: woman })).data!
      .requestPlacement;
    expect(first).toMatchObject({ regionCode: 'RR', treatedAsRetry: false });
    const again = (await submit({ types: ['VROUWENOPVANG'], urgency: 'PLANNED', regionCode: ' RR', profile: woman })).data!
      .requestPlacement;
    expect(again).toMatchObject({ id: first.id, treatedAsRetry: true });
    await client.cancel(coordinator, first.id, 'test cleanup');

    const alike = (label: string) => ({ label, profile: { ...DUTCH_WOMAN, age: 25 } });
    const pair = await submit({ urgency: 'PLANNED', profile: DUTCH_WOMAN, members: [alike('Q1'), alike('Q2')] });
    const one = await submit({ urgency: 'PLANNED', profile: DUTCH_WOMAN, members: [alike('Q1')] });
    expect(pair.errors).toBeUndefined();
    expect(one.errors).toBeUndefined();
    expect(one.data!.requestPlacement.id).not.toBe(pair.data!.requestPlacement.id);
    expect(one.data!.requestPlacement.treatedAsRetry).toBe(false);
    for (const answer of [pair, one]) await client.cancel(coordinator, answer.data!.requestPlacement.id, 'test cleanup');
  });

  it('a group is refused whole when one of its parts’ references names another request: nothing half-stored; a group of one is she herself; minors listed the other way round are the same group (red team, issue 15, fifth pass F2, F3, F4)', async () => {
    const count = async () =>
      ((await database.dataSource.query('SELECT count(*)::int AS n FROM placement_requests')) as { n: number }[])[0].n;
    // case-I#2 is taken by another woman; the group case-I would store its second part under it.
    const other = (await submit({ urgency: 'PLANNED', profile: { ...DUTCH_WOMAN, age: 61 }, clientReference: 'case-I#2' })).data!
      .requestPlacement;
    const man = { label: 'M1', profile: { ...DUTCH_WOMAN, gender: 'MALE', age: 40 } };
    const woman = { label: 'W1', profile: { ...DUTCH_WOMAN, age: 38 } };
    const before = await count();
    const refused = await submit({ urgency: 'PLANNED', profile: DUTCH_WOMAN, members: [woman, man], clientReference: 'case-I' });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT', field: 'input.clientReference', requestId: other.id },
    });
    expect(await count()).toBe(before);

    // Alone, then as a group of one: the same woman, one request.
    const alone = (await submit({ urgency: 'PLANNED', profile: { ...DUTCH_WOMAN, age: 47 } })).data!.requestPlacement;
    const asGroup = (
      await submit({ urgency: 'PLANNED', profile: DUTCH_WOMAN, members: [{ label: 'X1', profile: { ...DUTCH_WOMAN, age: 47 } }] })
    ).data!.requestPlacement;
    expect(asGroup).toMatchObject({ id: alone.id, treatedAsRetry: true });

    // Two girls, each a part of her own: listed the other way round under the same reference, the same group.
    const girl = (age: number, label: string) => ({ label, profile: { ...DUTCH_WOMAN, age } });
    const first = await submit({
      urgency: 'PLANNED',
      profile: DUTCH_WOMAN,
      members: [girl(15, 'A1'), girl(16, 'B1')],
      clientReference: 'jz-7',
    });
    const again = await submit({
      urgency: 'PLANNED',
      profile: DUTCH_WOMAN,
      members: [girl(16, 'B1'), girl(15, 'A1')],
      clientReference: 'jz-7',
    });
    expect(first.errors).toBeUndefined();
    expect(again.data?.requestPlacement).toMatchObject({ id: first.data!.requestPlacement.id, treatedAsRetry: true });
    for (const id of [other.id, alone.id, first.data!.requestPlacement.id]) await client.cancel(coordinator, id, 'test cleanup');
  });

  it('three boys alike are three requests, each matched alone; the same two women with the group’s own profile built from the other one are the same group (red team, issue 15, sixth pass N1, N3)', async () => {
    const boy = (label: string) => ({ label, profile: { ...DUTCH_WOMAN, gender: 'MALE', age: 17 } });
    const boys = await submit({ urgency: 'PLANNED', profile: boy('K0').profile, members: [boy('K1'), boy('K2'), boy('K3')] });
    expect(boys.errors).toBeUndefined();
    const group = boys.data!.requestPlacement as Answer & { groupId: string };
    const parts: { n: number }[] = await database.dataSource.query(
      'SELECT count(*)::int AS n FROM placement_requests WHERE group_id = $1',
      [group.groupId],
    );
    expect(parts[0].n).toBe(3);

    const w = (label: string, age: number) => ({ label, profile: { ...DUTCH_WOMAN, age } });
    const first = (await submit({ urgency: 'PLANNED', profile: w('A1', 24).profile, members: [w('A1', 24), w('A2', 26)] })).data!
      .requestPlacement;
    const again = (await submit({ urgency: 'PLANNED', profile: w('A2', 26).profile, members: [w('A2', 26), w('A1', 24)] })).data!
      .requestPlacement;
    expect(again).toMatchObject({ id: first.id, treatedAsRetry: true });
    await client.cancel(coordinator, first.id, 'test cleanup');
  });

  it('an unknown region is bad input naming input.regionCode, not a refusal of someone else’s region (fifth pass F5)', async () => {
    const answer = await submit({ urgency: 'PLANNED', regionCode: 'XX\u0000' });
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.regionCode' } });
  });

  it('a resend for her as ACUTE is refused with how to ask it, never handed the URGENT request as if nothing changed; with a clientReference too (red team, issue 15, F2)', async () => {
    const woman = { ...DUTCH_WOMAN, age: 31 };
    for (const clientReference of [undefined, 'avim-rr-2026-2201']) {
      const first = (await submit({ types: ['VROUWENOPVANG'], profile: woman, clientReference })).data!.requestPlacement;
      const upgraded = await submit({ types: ['VROUWENOPVANG'], profile: woman, clientReference, urgency: 'ACUTE' });
      expect(upgraded.errors?.[0]).toMatchObject({
        extensions: { code: 'CONFLICT', field: 'input.urgency', requestId: first.id },
      });
      expect(upgraded.errors?.[0].message).toBe(
        `input.urgency: she already has request ${first.id}, asked URGENT; a request keeps its urgency: to ask ACUTE instead, cancel that request and ask again`,
      );
      await client.cancel(coordinator, first.id, 'test cleanup');
    }
  });

  it('police at night: a noodbed request sent twice without clientReference is one request holding one bed (002:761-763)', async () => {
    const police = await token.police();
    const send = () =>
      client.raw(NOODBED_WITH_RETRY, police, { input: { regionCode: 'RR', profile: WOMAN_AT_NIGHT } }) as unknown as Promise<{
        data?: { requestNoodbed: Answer };
        errors?: Failure[];
      }>;
    const heldBefore = await totalHeld(database.dataSource);
    const first = await send();
    const second = await send();
    expect(first.errors).toBeUndefined();
    expect(first.data!.requestNoodbed.treatedAsRetry).toBe(false);
    expect(second.data!.requestNoodbed).toMatchObject({ id: first.data!.requestNoodbed.id, treatedAsRetry: true });
    // One interim place held for her (a noodbed, or the 24/7 kind that stands in for one), not two.
    expect(first.data!.requestNoodbed.allocations).toHaveLength(1);
    expect(second.data!.requestNoodbed.allocations).toEqual(first.data!.requestNoodbed.allocations);
    expect(await totalHeld(database.dataSource)).toBe(heldBefore + 1);
  });

  it('two women with identical details (one raid, registered one by one) are two requests: a clientReference each', async () => {
    const a = (await submit({ types: ['VROUWENOPVANG'], urgency: 'PLANNED', clientReference: 'raid-7/1' })).data!
      .requestPlacement;
    const b = (await submit({ types: ['VROUWENOPVANG'], urgency: 'PLANNED', clientReference: 'raid-7/2' })).data!
      .requestPlacement;
    expect(a.id).not.toBe(b.id);
    expect([a.treatedAsRetry, b.treatedAsRetry]).toEqual([false, false]);
    await client.waitForStatus(coordinator, a.id, ['OFFERED']);
    await client.waitForStatus(coordinator, b.id, ['OFFERED']);
    // And the same clientReference again is a retry, as before.
    const retried = (await submit({ types: ['VROUWENOPVANG'], urgency: 'PLANNED', clientReference: 'raid-7/2' })).data!
      .requestPlacement;
    expect(retried).toMatchObject({ id: b.id, treatedAsRetry: true });
  });

  it('the same details after the window are a new request, not a retry', async () => {
    const woman = { ...DUTCH_WOMAN, age: 45 };
    const first = (await submit({ types: ['VROUWENOPVANG'], urgency: 'PLANNED', profile: woman })).data!.requestPlacement;
    clock.advance(3 * MINUTE);
    const later = (await submit({ types: ['VROUWENOPVANG'], urgency: 'PLANNED', profile: woman })).data!.requestPlacement;
    expect(later.id).not.toBe(first.id);
    expect(later.treatedAsRetry).toBe(false);
    expect(await requestsOf([first.id, later.id])).toBe(2);
  });

  it('retention forgets a retry key once its window has passed, and leaves the request otherwise untouched', async () => {
    const keyOf = async (id: string) =>
      (
        await database.dataSource.query(
          'SELECT implicit_retry_key AS key, updated_at AS "updatedAt" FROM placement_requests WHERE id = $1',
          [id],
        )
      )[0] as { key: string | null; updatedAt: Date };
    const first = (await submit({ types: ['VROUWENOPVANG'], urgency: 'PLANNED', profile: { ...DUTCH_WOMAN, age: 52 } })).data!
      .requestPlacement;
    await client.waitForStatus(coordinator, first.id, ['OFFERED', 'WAITING']);
    const stored = await keyOf(first.id);
    expect(stored.key).toMatch(/^\S+$/);

    // Within the window the sweep keeps it: a retry must still find the first request.
    clock.advance(MINUTE);
    await api.app.get(SweepJob).sweep();
    expect((await keyOf(first.id)).key).toBe(stored.key);

    clock.advance(2 * MINUTE);
    const before = await keyOf(first.id);
    const report = await api.app.get(SweepJob).sweep();
    expect(report.retryKeysCleared).toBeGreaterThanOrEqual(1);
    const after = await keyOf(first.id);
    expect(after.key).toBeNull();
    // Forgetting the key is no change of the request: the reconciler's clock (updated_at) is not touched.
    expect(after.updatedAt).toEqual(before.updatedAt);
    const [{ n }] = await database.dataSource.query(
      'SELECT count(*)::int AS n FROM placement_requests WHERE implicit_retry_key IS NOT NULL AND created_at < $1',
      [new Date(clock.now().getTime() - 2 * MINUTE)],
    );
    expect(n).toBe(0);
  });

  it('a failure after commit answers with the stored request, never "not carried out"', async () => {
    // The connection goes away between the commit and the answer: the first read for the answer fails.
    jest.spyOn(PlacementRequestsService.prototype, 'view').mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
    const answer = await submit({ types: ['VROUWENOPVANG'], urgency: 'PLANNED', clientReference: 'after-commit-1' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.requestPlacement).toMatchObject({ status: expect.any(String), treatedAsRetry: false });
    expect(await requestsOf([answer.data!.requestPlacement.id])).toBe(1);
  });

  it('when even the re-read fails, the answer says the request may be stored and how to find it', async () => {
    jest.spyOn(PlacementRequestsService.prototype, 'view').mockRejectedValue(new Error('Connection terminated unexpectedly'));
    const answer = await submit({ types: ['VROUWENOPVANG'], urgency: 'PLANNED', clientReference: 'after-commit-2' });
    jest.restoreAllMocks();
    expect(answer.errors).toHaveLength(1);
    const [error] = answer.errors!;
    expect(error.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', committed: true, requestId: expect.any(String) });
    expect(error.message).toMatch(/stored/);
    expect(error.message).toMatch(/placementRequests\(filter: \{ mine: true \}\)/);
    expect(error.message).toMatch(/same clientReference/);
    expect(error.message).not.toMatch(/not carried out/);
    expect(await requestsOf([error.extensions.requestId])).toBe(1);
    // Repeating with the same clientReference gives that request, not a second one.
    const repeat = (await submit({ types: ['VROUWENOPVANG'], urgency: 'PLANNED', clientReference: 'after-commit-2' })).data!
      .requestPlacement;
    expect(repeat).toMatchObject({ id: error.extensions.requestId, treatedAsRetry: true });
  });

  it('any other mutation that fails unexplained says it may have been carried out; a query says nothing changed', async () => {
    const mine = (await submit({ types: ['VROUWENOPVANG'], urgency: 'PLANNED', clientReference: 'after-commit-3' })).data!
      .requestPlacement;
    jest
      .spyOn(PlacementRequestsService.prototype, 'cancel')
      .mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
    const cancelled = await client.raw(CANCEL, coordinator, { id: mine.id, reason: 'double entry' });
    expect(cancelled.errors![0]).toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(cancelled.errors![0].message).toMatch(/may or may not have been carried out/);
    expect(cancelled.errors![0].message).not.toMatch(/not carried out\./);

    jest.spyOn(PlacementRequestsService.prototype, 'get').mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
    const read = await client.raw(GET, coordinator, { id: mine.id });
    expect(read.errors![0]).toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(read.errors![0].message).toMatch(/nothing was changed/);
  });
});
