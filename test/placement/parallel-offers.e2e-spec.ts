/**
 * Parallel offers (issue 18, part 1): an ACUTE request is offered to the best k suitable shelters
 * at once (PARALLEL_OFFERS_ACUTE, 3 by default), each holding a place; the first acceptance wins
 * and the other places go back in the same transaction; the other shelters see that it was offered
 * elsewhere too (how many, never which) and when it was taken. A decline of one leaves the others.
 * The acceptance race is proved with two real API processes.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import type { DataSource } from 'typeorm';
import { insertFacilities } from '../support/factories';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { testEnvironment, uniqueNamespace } from '../support/test-config';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testRedisUrl } from '../support/test-env';
import { Cluster, deleteNamespaceKeys } from './resilience-support';
import {
  capacityOf,
  DUTCH_WOMAN,
  eventually,
  facilityOf,
  holdsOf,
  PlacementClient,
  REQUEST_FIELDS,
  type RequestView,
  startPlacementApp,
  stopApp,
  token,
  WOMAN_IN_BEDENKTIJD,
} from './support';

const TUESDAY_NIGHT = new Date('2026-12-01T02:00:00.000Z'); // 03:00 in Amsterdam
const women = { genders: [Gender.FEMALE] };
/** The default outside tests (the test environment offers one at a time, for the specs written so). */
const PARALLEL = { PARALLEL_OFFERS_ACUTE: '3' };

const PARALLEL_FIELDS = `${REQUEST_FIELDS} parallelOffer { alsoOfferedTo takenElsewhereAt }`;
const GET = `query Get($id: ID!) { placementRequest(id: $id) { ${PARALLEL_FIELDS} } }`;
const RESPOND = `mutation Respond($input: OfferResponseInput!) { respondToOffer(input: $input) { ${PARALLEL_FIELDS} } }`;

type ParallelView = RequestView & { parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null };

async function heldAt(dataSource: DataSource, requestId: string): Promise<string[]> {
  return (await holdsOf(dataSource, requestId)).filter((hold) => hold.state === 'HELD').map((hold) => hold.facilityId);
}

async function view(url: string, tokenValue: string, id: string): Promise<ParallelView | null> {
  const response = await gql<{ placementRequest: ParallelView | null }>(url, GET, { token: tokenValue, variables: { id } });
  if (response.errors?.length) throw new Error(JSON.stringify(response.errors));
  return response.data!.placementRequest;
}

function respond(url: string, tokenValue: string, requestId: string, accept: boolean, declineReason?: string) {
  return gql<{ respondToOffer: ParallelView }>(url, RESPOND, {
    token: tokenValue,
    variables: { input: { requestId, accept, ...(declineReason ? { declineReason } : {}) } },
  });
}

describe('parallel offers: the police bring her in at 03:00 and the zorgcoördinator on call makes an ACUTE request', () => {
  const clock = new FixedClock(TUESDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let shelters: { id: string }[];
  let coordinator: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Four women's shelters open round the clock; more free places rank higher, so the best three are known.
    shelters = await insertFacilities(
      database.dataSource,
      [8, 6, 4, 2].map((free) => facilityOf(ShelterType.VROUWENOPVANG, free, { total: 12, eligibility: women })),
      { now: TUESDAY_NIGHT },
    );
    api = await startPlacementApp(database.url, clock, PARALLEL);
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator(['RR']);
  });
  afterAll(() => stopApp(api, database));

  async function offeredToThree(): Promise<string> {
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    await eventually(async () => expect(await heldAt(database.dataSource, request.id)).toHaveLength(3));
    return request.id;
  }

  it('three shelters get the offer at once; the second accepts; the other two see "taken elsewhere" and their places are free again', async () => {
    const before = await Promise.all(shelters.map((shelter) => capacityOf(database.dataSource, shelter.id)));
    const id = await offeredToThree();
    const [best, second, third, fourth] = shelters;
    expect((await heldAt(database.dataSource, id)).sort()).toEqual([best.id, second.id, third.id].sort());
    for (const [i, shelter] of [best, second, third].entries())
      expect(await capacityOf(database.dataSource, shelter.id)).toEqual({ ...before[i], held: 1 });
    expect(await capacityOf(database.dataSource, fourth.id)).toEqual(before[3]);

    // Each shelter sees the offer to itself, that it went to two others too, and no other shelter's name.
    const [bestStaff, secondStaff, thirdStaff] = await Promise.all([best, second, third].map((s) => token.staff(s.id)));
    const seenBySecond = (await view(api.url, secondStaff, id))!;
    expect(seenBySecond).toMatchObject({
      status: 'OFFERED',
      facility: { id: second.id },
      allocations: [{ facility: { id: second.id }, state: 'HELD' }],
      parallelOffer: { alsoOfferedTo: 2, takenElsewhereAt: null },
    });
    const otherNames = await database.dataSource.query('SELECT name FROM facilities WHERE id = ANY($1)', [[best.id, third.id]]);
    const shown = JSON.stringify(seenBySecond);
    for (const { name } of otherNames as { name: string }[]) expect(shown).not.toContain(name);
    // The zorgcoördinator sees all three.
    expect((await view(api.url, coordinator, id))!.allocations).toHaveLength(3);

    const accepted = await respond(api.url, secondStaff, id, true);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.respondToOffer).toMatchObject({ status: 'ACCEPTED', facility: { id: second.id } });
    expect(await holdsOf(database.dataSource, id)).toEqual(
      expect.arrayContaining([
        { facilityId: second.id, places: 1, state: 'HELD' },
        { facilityId: best.id, places: 1, state: 'RELEASED' },
        { facilityId: third.id, places: 1, state: 'RELEASED' },
      ]),
    );
    expect(await capacityOf(database.dataSource, best.id)).toEqual(before[0]);
    expect(await capacityOf(database.dataSource, second.id)).toEqual({ ...before[1], held: 1 });
    expect(await capacityOf(database.dataSource, third.id)).toEqual(before[2]);

    for (const [staff, shelter] of [
      [bestStaff, best],
      [thirdStaff, third],
    ] as const) {
      const seen = (await view(api.url, staff, id))!;
      expect(seen.parallelOffer).toEqual({ alsoOfferedTo: 2, takenElsewhereAt: TUESDAY_NIGHT.toISOString() });
      // Not where she is going (red team, issue 15, F5): no facility, never their own.
      expect(seen.facility).toBeNull();
      expect(seen.allocations).toEqual([
        expect.objectContaining({ facility: expect.objectContaining({ id: shelter.id }), state: 'RELEASED' }),
      ]);
      expect(JSON.stringify(seen)).not.toContain(second.id);
      // Answering now is too late, said plainly.
      const late = await respond(api.url, staff, id, true);
      expect(late.errors?.[0]).toMatchObject({
        message: expect.stringContaining('taken elsewhere'),
        extensions: { code: 'CONFLICT' },
      });
    }
    await client.cancel(coordinator, id, 'test cleanup');
  });

  it('a decline by one of the three leaves the other two offers standing; when all decline, matching goes on to the next shelter', async () => {
    const id = await offeredToThree();
    const [best, second, third, fourth] = shelters;
    const beforeBest = await capacityOf(database.dataSource, best.id);

    const declined = await respond(api.url, await token.staff(best.id), id, false, 'no room for her children tonight');
    expect(declined.errors).toBeUndefined();
    expect(declined.data!.respondToOffer.status).toBe('OFFERED');
    expect((await heldAt(database.dataSource, id)).sort()).toEqual([second.id, third.id].sort());
    expect(await capacityOf(database.dataSource, best.id)).toEqual({ ...beforeBest, held: 0 });
    const seenByThird = (await view(api.url, await token.staff(third.id), id))!;
    expect(seenByThird).toMatchObject({ status: 'OFFERED', parallelOffer: { alsoOfferedTo: 2, takenElsewhereAt: null } });
    // The other shelter's decline and its reason are not shown to this one.
    expect(JSON.stringify(seenByThird.history)).not.toContain('children');

    await respond(api.url, await token.staff(second.id), id, false, 'full after all');
    await respond(api.url, await token.staff(third.id), id, false, 'full after all');
    // The three that declined are skipped: the fourth is offered (alone: the only one left).
    const reoffered = await client.waitForStatus(coordinator, id, ['OFFERED'], 10_000, (r) => r.facility?.id === fourth.id);
    expect(await heldAt(database.dataSource, id)).toEqual([fourth.id]);
    expect(reoffered.history.map((step) => step.status)).toEqual([
      'RECEIVED',
      'MATCHING',
      'OFFERED',
      'OFFERED',
      'OFFERED',
      'MATCHING',
      'OFFERED',
    ]);
    await client.cancel(coordinator, id, 'test cleanup');
  });

  it('staff working at two of the three shelters accept one place for her, the best of theirs; the other two go back', async () => {
    const id = await offeredToThree();
    const accepted = await respond(api.url, await token.staff(shelters[1].id, shelters[0].id), id, true);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.respondToOffer).toMatchObject({ status: 'ACCEPTED', facility: { id: shelters[0].id } });
    expect(await heldAt(database.dataSource, id)).toEqual([shelters[0].id]);
    await client.cancel(coordinator, id, 'test cleanup');
  });

  it('an URGENT request goes to one shelter at a time unless the requester asks for parallel offers (k = 1 unchanged)', async () => {
    const single = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'URGENT' });
    await client.waitForStatus(coordinator, single.id, ['OFFERED']);
    expect(await heldAt(database.dataSource, single.id)).toEqual([shelters[0].id]);
    expect((await view(api.url, coordinator, single.id))!.parallelOffer).toBeNull();
    await client.cancel(coordinator, single.id, 'test cleanup');

    const asked = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'URGENT', parallelOffers: true });
    await client.waitForStatus(coordinator, asked.id, ['OFFERED']);
    await eventually(async () => expect(await heldAt(database.dataSource, asked.id)).toHaveLength(3));
    expect((await view(api.url, coordinator, asked.id))!.parallelOffer).toEqual({ alsoOfferedTo: 2, takenElsewhereAt: null });
    await client.cancel(coordinator, asked.id, 'test cleanup');
  });

  it('a group given with its members keeps one offer at a time for each of its parts, so a raid does not empty a region (003:484; red team F5)', async () => {
    const members = [
      { label: 'V1', profile: { ...DUTCH_WOMAN, age: 24 } },
      { label: 'V2', profile: { ...DUTCH_WOMAN, age: 31, residenceStatus: 'EU_CITIZEN' } },
    ];
    const GROUP = `mutation R($input: PlacementRequestInput!) { requestPlacement(input: $input) { id groupParts { id } } }`;
    const response = await client.raw(GROUP, coordinator, {
      input: { profile: DUTCH_WOMAN, urgency: 'ACUTE', regionCode: 'RR', members },
    });
    expect(response.errors).toBeUndefined();
    const parts = (response.data as unknown as { requestPlacement: { groupParts: { id: string }[] } }).requestPlacement
      .groupParts;
    expect(parts.length).toBeGreaterThanOrEqual(1);
    for (const part of parts) {
      await client.waitForStatus(coordinator, part.id, ['OFFERED']);
      expect(await heldAt(database.dataSource, part.id)).toHaveLength(1);
      expect((await view(api.url, coordinator, part.id))!.parallelOffer).toBeNull();
    }
    for (const part of parts) await client.cancel(coordinator, part.id, 'test cleanup');
    // Asking for parallel offers for members, even one, is refused: they are a group.
    const asked = await client.raw(GROUP, coordinator, {
      input: { profile: DUTCH_WOMAN, urgency: 'ACUTE', regionCode: 'RR', members: members.slice(0, 1), parallelOffers: true },
    });
    expect(asked.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.parallelOffers' } });
  });

  it('a shelter that accepts with a decline reason is told which answer the reason belongs to, and nothing changes', async () => {
    const id = await offeredToThree();
    const staff = await token.staff(shelters[0].id);
    for (const extra of [{ declineReason: 'vol' }, { declineReasonCode: 'SAFETY' }]) {
      const response = await client.raw(RESPOND, staff, { input: { requestId: id, accept: true, ...extra } });
      const field = `input.${Object.keys(extra)[0]}`;
      expect(response.errors?.[0]).toMatchObject({
        message: expect.stringContaining('goes with a decline'),
        extensions: { code: 'BAD_USER_INPUT', field },
      });
    }
    expect(await heldAt(database.dataSource, id)).toHaveLength(3);
    expect((await view(api.url, coordinator, id))!.status).toBe('OFFERED');
    await client.cancel(coordinator, id, 'test cleanup');
  });

  it('asking for parallel offers on a PLANNED request is refused, naming the field', async () => {
    const response = await client.raw(
      `mutation R($input: PlacementRequestInput!) { requestPlacement(input: $input) { id } }`,
      coordinator,
      { input: { profile: DUTCH_WOMAN, urgency: 'PLANNED', regionCode: 'RR', parallelOffers: true } },
    );
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('ACUTE and URGENT'),
      extensions: { code: 'BAD_USER_INPUT', field: 'input.parallelOffers' },
    });
  });
});

describe('parallel offers: only where the requester is the placing authority (domain.md §5a)', () => {
  const clock = new FixedClock(TUESDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let cosm: { id: string };
  let shelters: { id: string }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    [cosm, ...shelters] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.COSM, 8, { total: 16, eligibility: women }),
        ...[6, 4, 2].map((free) => facilityOf(ShelterType.VROUWENOPVANG, free, { total: 12, eligibility: women })),
      ],
      { now: TUESDAY_NIGHT },
    );
    api = await startPlacementApp(database.url, clock, PARALLEL);
    client = new PlacementClient(api.url);
  });
  afterAll(() => stopApp(api, database));

  it('000:2136-2139 — a woman in bedenktijd whose place is COSM (CoMensha assigns it): one interim VO place, not three offers; COSM waits on CoMensha', async () => {
    const coordinator = await token.coordinator(['RR']);
    const request = await client.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'ACUTE' });
    const offered = await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    expect(await heldAt(database.dataSource, request.id)).toEqual([shelters[0].id]);
    expect(await capacityOf(database.dataSource, cosm.id)).toMatchObject({ held: 0 });
    expect((await view(api.url, coordinator, request.id))!.parallelOffer).toBeNull();
    expect(offered.followUp).toMatchObject({ types: ['COSM'] });
    const onward = await client.waitForStatus(coordinator, offered.followUp!.id, ['WAITING']);
    expect(onward.waitingForAuthority).toBe('COMENSHA');
    await client.cancel(coordinator, request.id, 'test cleanup');
  });
});

describe('parallel offers and secret addresses (domain.md §6, 004:7079-7089: a leaked address can cost a life)', () => {
  const clock = new FixedClock(TUESDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let secretBest: { id: string };
  let open: { id: string };
  const ADDRESS_FIELDS = `id status facility { id name address } allocations { state facility { id name address latitude intakePhone } }`;

  beforeAll(async () => {
    database = await createTestDatabase();
    const secret = { secretAddress: true, address: 'Geheimstraat 7, 3011 BB Rotterdam', intakePhone: '+31101234567' };
    [secretBest, open] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.VROUWENOPVANG, 8, { total: 12, eligibility: women, name: 'De Schuilplaats', ...secret }),
        facilityOf(ShelterType.VROUWENOPVANG, 6, { total: 12, eligibility: women, name: 'Het Open Huis' }),
        facilityOf(ShelterType.VROUWENOPVANG, 4, { total: 12, eligibility: women, name: 'De Verborgen Tuin', ...secret }),
      ],
      { now: TUESDAY_NIGHT },
    );
    api = await startPlacementApp(database.url, clock, PARALLEL);
    client = new PlacementClient(api.url);
  });
  afterAll(() => stopApp(api, database));

  async function seenBy(tokenValue: string, id: string): Promise<string> {
    const response = await gql<{ placementRequest: unknown }>(
      api.url,
      `query Get($id: ID!) { placementRequest(id: $id) { ${ADDRESS_FIELDS} } }`,
      { token: tokenValue, variables: { id } },
    );
    if (response.errors?.length) throw new Error(JSON.stringify(response.errors));
    return JSON.stringify(response.data!.placementRequest);
  }

  it('the zorgcoördinator learns the address of the shelter that accepted her, never of the two secret shelters whose places went back (red team F1)', async () => {
    const coordinator = await token.coordinator(['RR']);
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    await eventually(async () => expect(await heldAt(database.dataSource, request.id)).toHaveLength(3));
    const accepted = await respond(api.url, await token.staff(open.id), request.id, true);
    expect(accepted.errors).toBeUndefined();
    const shown = await seenBy(coordinator, request.id);
    expect(shown).toContain('Het Open Huis');
    for (const hidden of ['De Schuilplaats', 'De Verborgen Tuin', 'Geheimstraat', '+31101234567'])
      expect(shown).not.toContain(hidden);
    expect(JSON.parse(shown).allocations).toHaveLength(3);
    await client.cancel(coordinator, request.id, 'test cleanup');
  });

  it('one offer at a time: a secret shelter that declined her stays secret after a public one accepts (red team F1)', async () => {
    const coordinator = await token.coordinator(['RR']);
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE', parallelOffers: false });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    expect(await heldAt(database.dataSource, request.id)).toEqual([secretBest.id]);
    expect(
      (await respond(api.url, await token.staff(secretBest.id), request.id, false, 'geen plek voor haar')).errors,
    ).toBeUndefined();
    await eventually(async () => expect(await heldAt(database.dataSource, request.id)).toEqual([open.id]));
    expect((await respond(api.url, await token.staff(open.id), request.id, true)).errors).toBeUndefined();
    const shown = await seenBy(coordinator, request.id);
    expect(shown).toContain('Het Open Huis');
    for (const hidden of ['De Schuilplaats', 'Geheimstraat', '+31101234567']) expect(shown).not.toContain(hidden);
    await client.cancel(coordinator, request.id, 'test cleanup');
  });

  it('the next shelter offered sees its own part only: not the shelters that declined before it, nor their reasons (red team N1)', async () => {
    const coordinator = await token.coordinator(['RR']);
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE', parallelOffers: false });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    expect(await heldAt(database.dataSource, request.id)).toEqual([secretBest.id]);
    const declined = await respond(api.url, await token.staff(secretBest.id), request.id, false, 'dader kent dit adres');
    expect(declined.errors).toBeUndefined();
    await eventually(async () => expect(await heldAt(database.dataSource, request.id)).toEqual([open.id]));
    const response = await gql<{
      placementRequest: { allocations: { facility: { id: string } }[]; history: { note: string | null }[] };
    }>(
      api.url,
      `query Get($id: ID!) { placementRequest(id: $id) { allocations { facility { id } } history { status by note } } }`,
      { token: await token.staff(open.id), variables: { id: request.id } },
    );
    expect(response.errors).toBeUndefined();
    const seen = response.data!.placementRequest;
    expect(seen.allocations.map((a) => a.facility.id)).toEqual([open.id]);
    const text = JSON.stringify(seen);
    for (const hidden of ['dader kent dit adres', 'De Schuilplaats', 'geheim adres', secretBest.id])
      expect(text).not.toContain(hidden);
    expect(seen.history.some((step) => step.note?.includes('Het Open Huis'))).toBe(true);
    // The requester still sees the whole path, the secret shelter by its anonymous name.
    expect(JSON.stringify(await seenBy(coordinator, request.id))).not.toContain('De Schuilplaats');
    await client.cancel(coordinator, request.id, 'test cleanup');
  });

  it('a secret shelter that accepted her: the zorgcoördinator who asked may now know where she is (domain.md §6)', async () => {
    const coordinator = await token.coordinator(['RR']);
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE', parallelOffers: false });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    expect(await seenBy(coordinator, request.id)).not.toContain('Geheimstraat');
    expect((await respond(api.url, await token.staff(secretBest.id), request.id, true)).errors).toBeUndefined();
    expect(await seenBy(coordinator, request.id)).toContain('Geheimstraat 7');
    await client.cancel(coordinator, request.id, 'test cleanup');
  });
});

const redisUrl = testRedisUrl();

describe('parallel offers: two shelters accept at the same moment through two API processes', () => {
  const maybe = redisUrl ? it : it.skip;
  let database: TestDatabase | undefined;
  let cluster: Cluster | undefined;
  let shelters: { id: string }[] = [];
  const namespace = uniqueNamespace();

  afterAll(async () => {
    await cluster?.stopAll();
    await database?.drop();
    if (redisUrl) await deleteNamespaceKeys(redisUrl, namespace);
  });

  maybe(
    'exactly one is ACCEPTED, the other gets a clear CONFLICT, and she holds one place',
    async () => {
      database = await createTestDatabase();
      shelters = await insertFacilities(
        database.dataSource,
        [5, 4, 3].map((free) => facilityOf(ShelterType.VROUWENOPVANG, free, { total: 10, eligibility: women })),
      );
      cluster = await new Cluster({ ...testEnvironment(database.url, 'redis', namespace), ...PARALLEL }).start({
        apis: 2,
        workers: 1,
      });
      const [first, second] = cluster.apis.map((api) => api.url);
      const coordinator = await token.coordinator(['RR']);
      const request = await new PlacementClient(first).request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' });
      await eventually(async () => expect(await heldAt(database!.dataSource, request.id)).toHaveLength(3), 30_000);

      const answers = await Promise.all([
        respond(first, await token.staff(shelters[0].id), request.id, true),
        respond(second, await token.staff(shelters[2].id), request.id, true),
      ]);
      const won = answers.filter((answer) => answer.data?.respondToOffer?.status === 'ACCEPTED');
      const lost = answers.filter((answer) => answer.errors?.length);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].errors![0]).toMatchObject({
        message: expect.stringContaining('taken elsewhere'),
        extensions: { code: 'CONFLICT' },
      });
      const holds = await holdsOf(database.dataSource, request.id);
      expect(holds.filter((hold) => hold.state === 'HELD')).toHaveLength(1);
      expect(holds.filter((hold) => hold.state === 'RELEASED')).toHaveLength(2);
      const [{ held }] = (await database.dataSource.query('SELECT sum(held)::int AS held FROM capacity')) as { held: number }[];
      expect(held).toBe(1);
    },
    120_000,
  );

  maybe(
    'a busy night: ten ACUTE requests at once through both API processes hold each place once, and the ledger matches the holds',
    async () => {
      if (!cluster || !database) throw new Error('runs after the race above, on its processes');
      const coordinator = await token.coordinator(['RR']);
      const made = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          new PlacementClient(cluster!.apis[i % 2].url).request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' }),
        ),
      );
      const ids = made.map((request) => request.id);
      await eventually(async () => {
        const rows = (await database!.dataSource.query(
          `SELECT count(*)::int AS n FROM placement_requests WHERE id = ANY($1) AND status IN ('OFFERED', 'WAITING')`,
          [ids],
        )) as { n: number }[];
        expect(rows[0].n).toBe(10);
      }, 30_000);
      const drift = (await database.dataSource.query(
        `SELECT c.facility_id FROM capacity c
          WHERE c.held <> (SELECT count(*) FROM placement_holds h WHERE h.facility_id = c.facility_id AND h.state = 'HELD')
             OR c.held + c.occupied + c.out_of_service > c.total`,
      )) as unknown[];
      expect(drift).toEqual([]);
      // Twelve places less the one accepted in the race: the first requests hold one at each shelter, until all
      // eleven are held; the others wait (no place is held twice, none is left free while someone waits).
      const [{ held }] = (await database.dataSource.query(
        `SELECT count(*)::int AS held FROM placement_holds WHERE request_id = ANY($1) AND state = 'HELD'`,
        [ids],
      )) as { held: number }[];
      expect(held).toBe(11);
    },
    120_000,
  );
});
