/**
 * The chain's rules in the placement workflow (domain.md §5a), each as the person who lives it,
 * over GraphQL against the API and worker, on a controllable clock. Every test names its seed line.
 */
import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import {
  capacityOf,
  dataOf,
  DUTCH_WOMAN,
  eventually,
  facilityOf,
  HOUR,
  MONDAY_OPENING,
  PlacementClient,
  REQUEST_FIELDS,
  type RequestView,
  SATURDAY_NIGHT,
  startPlacementApp,
  stopApp,
  sweep,
  token,
  WOMAN_IN_BEDENKTIJD,
} from './support';

const ASSIGN = `mutation Assign($requestId: ID!, $facilityId: ID!, $reason: String) {
  assignPlacement(requestId: $requestId, facilityId: $facilityId, reason: $reason) { ${REQUEST_FIELDS} waitingForOrganisation }
}`;
const REQUEST_PLACEMENT_DOC = `mutation Request($input: PlacementRequestInput!) { requestPlacement(input: $input) { id } }`;
const RETURN = `mutation Return($requestId: ID!, $reason: String!) {
  returnRequest(requestId: $requestId, reason: $reason) { ${REQUEST_FIELDS} }
}`;
const WORKLIST = `query Worklist($filter: PlacementRequestFilter) {
  placementRequests(filter: $filter, first: 50) { totalCount edges { node { id status waitingReason waitingForAuthority waitingForOrganisation } } }
}`;

/** Tuesday 1 December 2026, 10:00 in Amsterdam: CoMensha is open. */
const TUESDAY_MORNING = new Date('2026-12-01T09:00:00.000Z');

const MINOR_GIRL = { gender: 'FEMALE', age: 15, exploitationTypes: ['SEXUAL'], residenceStatus: 'DUTCH' };
const UNACCOMPANIED_ASYLUM_BOY = {
  gender: 'MALE',
  age: 16,
  exploitationTypes: ['CRIMINAL'],
  residenceStatus: 'ASYLUM_PROCEDURE',
  unaccompanied: true,
};
const UNKNOWN_STATUS_WOMAN = { gender: 'FEMALE', age: 31, exploitationTypes: ['SEXUAL'], residenceStatus: 'UNKNOWN' };
const TWENTE_WORKER = { gender: 'MALE', age: 41, exploitationTypes: ['LABOUR'], residenceStatus: 'EU_CITIZEN' };

describe('the chain’s rules (domain.md §5a)', () => {
  const clock = new FixedClock(SATURDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let noodbed: { id: string };
  let vo: { id: string };
  let cosm: { id: string };
  let youth: { id: string };
  let nla: { id: string };
  let coordinator: string;
  let comensha: string;
  let police: string;
  let jeugdbescherming: string;
  let nidos: string;

  const assign = (tokenValue: string, requestId: string, facilityId: string, reason?: string) =>
    client.raw(ASSIGN, tokenValue, { requestId, facilityId, reason });
  const worklist = async (tokenValue: string, filter: Record<string, unknown>) =>
    (await client.raw(WORKLIST, tokenValue, { filter })) as unknown as {
      data?: {
        placementRequests: { totalCount: number; edges: { node: RequestView & { waitingForOrganisation: string | null } }[] };
      };
      errors?: unknown[];
    };

  beforeEach(async () => {
    clock.set(SATURDAY_NIGHT);
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [noodbed, vo, cosm, youth, nla] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.NOODBED, 1, { total: 1, secretAddress: true, maxStayDays: 3, eligibility: women }),
        // A women's shelter that lists lawful residence only: the register's usual VO.
        facilityOf(ShelterType.VROUWENOPVANG, 2, {
          total: 12,
          eligibility: { ...women, residenceStatuses: ['DUTCH', 'EU_CITIZEN', 'LAWFUL_NON_EU'] as never },
        }),
        facilityOf(ShelterType.COSM, 2, { total: 16, regionCode: 'AMS', municipality: 'Amsterdam', eligibility: women }),
        facilityOf(ShelterType.JEUGDZORG, 2, { total: 6, eligibility: { minAge: 12, maxAge: 17 } }),
        facilityOf(ShelterType.NLA_CRISIS, 6, {
          total: 8,
          regionCode: 'TW',
          municipality: 'Enschede',
          eligibility: { exploitationTypes: ['LABOUR'] as never },
        }),
      ],
      { now: SATURDAY_NIGHT },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator();
    comensha = await token.comensha();
    police = await token.police();
    jeugdbescherming = await tokenFor({ role: Role.JEUGDBESCHERMING, org: 'veilig-thuis-rr', regions: ['RR'] });
    nidos = await tokenFor({ role: Role.JEUGDBESCHERMING, org: 'nidos' });
  });
  afterEach(() => stopApp(api, database));

  it('002:761-767 — a zorgcoördinator’s request on Saturday night is never held in the police’s noodbed', async () => {
    await client.raw(
      `mutation { updateCapacity(input: { facilityId: "${vo.id}", total: 12, occupied: 12, outOfService: 0, expectedVersion: 1 }) { id } }`,
      await token.admin(),
      {},
    );
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' });
    const waiting = await client.waitForStatus(coordinator, request.id, ['WAITING', 'OFFERED']);
    expect(waiting.facility?.type).not.toBe('NOODBED');
    expect((await capacityOf(database.dataSource, noodbed.id)).held).toBe(0);
  });

  it('000:2130 — COSM at 10:00 on a Tuesday waits on CoMensha’s worklist; only CoMensha assigns it', async () => {
    clock.set(TUESDAY_MORNING);
    const request = await client.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'PLANNED' });
    const waiting = await client.waitForStatus(coordinator, request.id, ['WAITING']);
    expect(waiting).toMatchObject({ waitingReason: 'AWAITING_AUTHORITY', waitingForAuthority: 'COMENSHA' });
    expect((await capacityOf(database.dataSource, cosm.id)).held).toBe(0);

    const list = await worklist(comensha, { authority: 'COMENSHA', status: ['WAITING'], kinds: ['COSM'] });
    expect(list.data!.placementRequests.edges.map((e) => e.node.id)).toContain(request.id);
    const omm = await worklist(comensha, { authority: 'COMENSHA', status: ['WAITING'], kinds: ['OMM'] });
    expect(omm.data!.placementRequests.edges.map((e) => e.node.id)).not.toContain(request.id);

    const candidates = (await client.raw(
      `query { placementCandidates(requestId: "${request.id}") { matches { facility { id } decision decidedBy } } }`,
      comensha,
      {},
    )) as unknown as {
      data: { placementCandidates: { matches: { facility: { id: string }; decision: string; decidedBy: string }[] } };
    };
    expect(candidates.data.placementCandidates.matches[0]).toEqual({
      facility: { id: cosm.id },
      decision: 'OFFER',
      decidedBy: 'COMENSHA',
    });
    const notForHer = await client.raw(
      `query { placementCandidates(requestId: "${request.id}") { matchCount } }`,
      await token.staff(cosm.id),
      {},
    );
    expect(notForHer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const refused = await assign(coordinator, request.id, cosm.id);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const assigned = dataOf(await assign(comensha, request.id, cosm.id), 'assignPlacement');
    expect(assigned).toMatchObject({ status: 'OFFERED', facility: { id: cosm.id } });
    expect((await capacityOf(database.dataSource, cosm.id)).held).toBe(1);
    expect(assigned.history.at(-1)!.by).not.toBe('system:placement');
  });

  it('000:2136 — a request for COSM is answered by CoMensha with a COSM place, not with another kind it may also place', async () => {
    clock.set(TUESDAY_MORNING);
    // A general shelter that would take her (CoMensha may place there too), beside the COSM.
    const [mo] = await insertFacilities(database.dataSource, [facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 4)], {
      now: TUESDAY_MORNING,
    });
    const request = await client.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'PLANNED', types: ['COSM'] });
    await client.waitForStatus(coordinator, request.id, ['WAITING']);
    const candidates = (await client.raw(
      `query { placementCandidates(requestId: "${request.id}") { matches { facility { id type } decision } } }`,
      comensha,
      {},
    )) as unknown as {
      data: { placementCandidates: { matches: { facility: { id: string; type: string }; decision: string }[] } };
    };
    const decisions = new Map(candidates.data.placementCandidates.matches.map((m) => [m.facility.id, m.decision]));
    expect({ cosm: decisions.get(cosm.id), mo: decisions.get(mo.id) }).toEqual({ cosm: 'OFFER', mo: 'NEVER' });

    const elsewhere = await assign(comensha, request.id, mo.id, 'the general shelter has room today');
    expect(elsewhere.errors?.[0]).toMatchObject({
      message: expect.stringContaining('asks for COSM only'),
      extensions: { code: 'BAD_USER_INPUT', field: 'facilityId' },
    });
    expect((await capacityOf(database.dataSource, mo.id)).held).toBe(0);
    expect(dataOf(await assign(comensha, request.id, cosm.id), 'assignPlacement')).toMatchObject({ status: 'OFFERED' });
  });

  it('000:2168-2171 — a zorgcoördinator in Twente is not offered an NLA crisis place: the NLA decides', async () => {
    const twente = await token.coordinator(['TW']);
    const request = await client.request(twente, { profile: TWENTE_WORKER, regionCode: 'TW', urgency: 'URGENT' });
    const waiting = await client.waitForStatus(twente, request.id, ['WAITING', 'OFFERED']);
    expect(waiting).toMatchObject({ status: 'WAITING', waitingReason: 'AWAITING_AUTHORITY', waitingForAuthority: 'NLA' });
    expect((await capacityOf(database.dataSource, nla.id)).held).toBe(0);

    const nlaToken = await token.nla();
    const own = await client.request(nlaToken, { profile: TWENTE_WORKER, regionCode: 'TW', urgency: 'ACUTE' });
    expect(await client.waitForStatus(nlaToken, own.id, ['OFFERED'])).toMatchObject({ facility: { id: nla.id } });
  });

  it('002:763-765 — police at night get one place to drive to: a free VO place, and no noodbed is held', async () => {
    const answer = await client.noodbed(police, { profile: DUTCH_WOMAN });
    expect(answer).toMatchObject({ status: 'OFFERED', facility: { id: vo.id, type: 'VROUWENOPVANG' } });
    expect(answer.followUp ?? null).toBeNull();
    expect((await capacityOf(database.dataSource, noodbed.id)).held).toBe(0);
  });

  it('002:763-767 — with no structural place free, the noodbed; the onward request holds nothing until she is in it, and her arrival there frees the noodbed', async () => {
    const admin = await token.admin();
    await client.raw(
      `mutation { updateCapacity(input: { facilityId: "${vo.id}", total: 12, occupied: 12, outOfService: 0, expectedVersion: 1 }) { id } }`,
      admin,
      {},
    );
    const answer = await client.noodbed(police, { profile: WOMAN_IN_BEDENKTIJD });
    expect(answer).toMatchObject({ status: 'OFFERED', facility: { id: noodbed.id } });
    const onwardId = answer.followUp!.id;
    // The onward request waits for CoMensha; it holds nothing while she is not in the noodbed.
    const onward = await eventually(async () => {
      const view = await client.get(comensha, onwardId);
      expect(view.status).toBe('WAITING');
      return view;
    });
    expect(onward.allocations.filter((a) => a.state !== 'RELEASED')).toEqual([]);

    const noodbedStaff = await token.staff(noodbed.id);
    await client.accept(noodbedStaff, answer.id);
    await client.arrive(noodbedStaff, answer.id);

    // Monday 09:00: CoMensha assigns COSM; she arrives, and the noodbed is freed in the same step.
    clock.set(new Date(MONDAY_OPENING.getTime() + HOUR));
    await sweep(api);
    const onwardNow = await client.waitForStatus(comensha, onwardId, ['WAITING']);
    expect(onwardNow.waitingForAuthority).toBe('COMENSHA');
    dataOf(await assign(comensha, onwardId, cosm.id), 'assignPlacement');
    const cosmStaff = await token.staff(cosm.id);
    await client.accept(cosmStaff, onwardId);
    await client.arrive(cosmStaff, onwardId);
    expect(await client.get(police, answer.id)).toMatchObject({ status: 'ENDED' });
    expect(await capacityOf(database.dataSource, noodbed.id)).toMatchObject({ held: 0, occupied: 0 });
  });

  it('002:771-775 — a 15-year-old found by police at night goes to the youth-care worklist at once, and jeugdbescherming places her', async () => {
    const answer = await client.noodbed(police, { profile: MINOR_GIRL });
    expect(answer).toMatchObject({
      status: 'WAITING',
      waitingReason: 'AWAITING_AUTHORITY',
      waitingForAuthority: 'JEUGDBESCHERMING',
    });
    const assigned = dataOf(await assign(jeugdbescherming, answer.id, youth.id), 'assignPlacement');
    expect(assigned).toMatchObject({ status: 'OFFERED', facility: { id: youth.id } });
  });

  it('003:683-695 — an unaccompanied minor in an asylum procedure is Nidos’s to place, not shut out', async () => {
    const answer = await client.noodbed(police, { profile: UNACCOMPANIED_ASYLUM_BOY });
    expect(answer).toMatchObject({ status: 'WAITING', waitingForAuthority: 'JEUGDBESCHERMING' });
    const view = await worklist(nidos, { authority: 'JEUGDBESCHERMING' });
    expect(view.data!.placementRequests.edges.find((e) => e.node.id === answer.id)?.node.waitingForOrganisation).toBe('nidos');
    // Regional youth care does not even see a minor who is Nidos's to place.
    const refused = await assign(jeugdbescherming, answer.id, youth.id);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(dataOf(await assign(nidos, answer.id, youth.id), 'assignPlacement')).toMatchObject({ status: 'OFFERED' });
  });

  it('003:478, 002:726-730 — a woman with an unknown residence status on Saturday night is offered the women’s shelter', async () => {
    const request = await client.request(coordinator, { profile: UNKNOWN_STATUS_WOMAN, urgency: 'ACUTE' });
    expect(await client.waitForStatus(coordinator, request.id, ['OFFERED'])).toMatchObject({ facility: { id: vo.id } });
  });

  it('000:2131-2134 — CoMensha hands a request back (aangifte done: VO is the place); only CoMensha may, and it is matched again without COSM', async () => {
    clock.set(TUESDAY_MORNING);
    const request = await client.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'PLANNED' });
    await client.waitForStatus(coordinator, request.id, ['WAITING'], 10_000, (r) => r.waitingReason === 'AWAITING_AUTHORITY');
    const refused = await client.raw(RETURN, coordinator, { requestId: request.id, reason: 'not mine to return' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const returned = dataOf(
      await client.raw(RETURN, comensha, { requestId: request.id, reason: 'aangifte gedaan: VO/MO' }),
      'returnRequest',
    );
    expect(returned.history.at(-1)!.note).toContain('aangifte gedaan');
    const offered = await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    expect(offered.facility).toMatchObject({ id: vo.id });
    expect((await capacityOf(database.dataSource, cosm.id)).held).toBe(0);
  });

  it('a hold that was accepted but where she never arrived lapses like an offer (domain.md §5a)', async () => {
    const answer = await client.noodbed(police, { profile: DUTCH_WOMAN });
    const staff = await token.staff(vo.id);
    await client.accept(staff, answer.id);
    expect((await capacityOf(database.dataSource, vo.id)).held).toBe(1);
    clock.set(new Date(SATURDAY_NIGHT.getTime() + 3 * HOUR));
    await sweep(api);
    const lapsed = await client.get(police, answer.id);
    expect(lapsed.history.map((h) => h.note ?? '').join('|')).toContain('she did not arrive in time');
    expect(lapsed.allocations.filter((a) => a.state === 'HELD' && a.facility.id === vo.id).length).toBeLessThanOrEqual(1);
  });

  it('000:2136-2137 — CoMensha assigns COSM only in its hours; after she left the noodbed, the onward request can still be placed', async () => {
    const admin = await token.admin();
    await client.raw(
      `mutation { updateCapacity(input: { facilityId: "${vo.id}", total: 12, occupied: 12, outOfService: 0, expectedVersion: 1 }) { id } }`,
      admin,
      {},
    );
    const answer = await client.noodbed(police, { profile: WOMAN_IN_BEDENKTIJD });
    const onwardId = answer.followUp!.id;
    const noodbedStaff = await token.staff(noodbed.id);
    await client.accept(noodbedStaff, answer.id);
    await client.arrive(noodbedStaff, answer.id);
    await client.waitForStatus(comensha, onwardId, ['WAITING'], 10_000, (r) => r.waitingReason === 'AWAITING_AUTHORITY');
    // Saturday night: CoMensha is closed, and says when it opens.
    const closed = await assign(comensha, onwardId, cosm.id);
    expect(closed.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'AUTHORITY_CLOSED',
      authority: 'COMENSHA',
      kind: 'COSM',
      opensAt: MONDAY_OPENING.toISOString(),
    });
    expect(closed.errors?.[0]?.message).toContain(MONDAY_OPENING.toISOString());
    // Sunday she leaves the noodbed for a friend's; she holds no place now.
    await client.end(noodbedStaff, answer.id, 'staying with a friend until Monday');
    clock.set(new Date(MONDAY_OPENING.getTime() + HOUR));
    expect(dataOf(await assign(comensha, onwardId, cosm.id), 'assignPlacement')).toMatchObject({
      status: 'OFFERED',
      facility: { id: cosm.id },
    });
  });

  it('002:765-767 — an onward request still without a place when her noodbed stay ends escalates, saying what was done', async () => {
    const admin = await token.admin();
    await client.raw(
      `mutation { updateCapacity(input: { facilityId: "${vo.id}", total: 12, occupied: 12, outOfService: 0, expectedVersion: 1 }) { id } }`,
      admin,
      {},
    );
    const answer = await client.noodbed(police, { profile: WOMAN_IN_BEDENKTIJD });
    const noodbedStaff = await token.staff(noodbed.id);
    await client.accept(noodbedStaff, answer.id);
    const placed = await client.arrive(noodbedStaff, answer.id);
    // The stay reaches past CoMensha's Monday opening (a day after it), not just three nights.
    expect(new Date(placed.stayEndsAt!).getTime()).toBeGreaterThanOrEqual(MONDAY_OPENING.getTime() + 24 * HOUR);
    clock.set(new Date(new Date(placed.stayEndsAt!).getTime() + HOUR));
    await sweep(api);
    const onward = await client.get(comensha, answer.followUp!.id);
    expect(onward.escalated).toBe(true);
    expect(onward.history.at(-1)!.note).toMatch(/interim stay .* has reached its end .* escalation contacts are sent a webhook/);
  });

  it('ten taps on "Aangekomen" at once: one arrival, nine clear CONFLICTs, and the service answers on (a locked transaction never waits for a second connection)', async () => {
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    const staff = await token.staff(vo.id);
    await client.accept(staff, request.id);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        client.raw(`mutation { confirmArrival(requestId: "${request.id}") { id status } }`, staff, {}),
      ),
    );
    const codes = answers.map((answer) => answer.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual([
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'OK',
    ]);
    expect(await capacityOf(database.dataSource, vo.id)).toMatchObject({ held: 0, occupied: 11 });
    expect((await client.get(coordinator, request.id)).status).toBe('PLACED');
  });

  it('bad input names the field: a profile group size that contradicts the request, an unknown home region, a noodbed asked by a coordinator, control characters in a reason', async () => {
    const codeAndField = async (input: Record<string, unknown>) =>
      (await client.raw(REQUEST_PLACEMENT_DOC, coordinator, { input: { urgency: 'URGENT', regionCode: 'RR', ...input } }))
        .errors?.[0]?.extensions;
    expect(await codeAndField({ profile: { ...DUTCH_WOMAN, groupSize: 100000 } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.profile.groupSize',
    });
    expect(await codeAndField({ profile: { ...DUTCH_WOMAN, homeRegionCode: 'ZZ' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.profile.homeRegionCode',
    });
    expect(await codeAndField({ profile: DUTCH_WOMAN, types: ['NOODBED'] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.types',
    });
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'PLANNED' });
    const cancel = await client.raw(
      `mutation { cancelPlacementRequest(requestId: "${request.id}", reason: "\u0000\u0001") { id } }`,
      coordinator,
      {},
    );
    expect(cancel.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });

  it('003:683-695 — youth care decides in its own regions, Nidos only for unaccompanied foreign minors', async () => {
    const answer = await client.noodbed(police, { profile: MINOR_GIRL });
    const elsewhere = await tokenFor({ role: Role.JEUGDBESCHERMING, org: 'veilig-thuis-ams', regions: ['AMS'] });
    expect((await assign(elsewhere, answer.id, youth.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await worklist(elsewhere, { authority: 'JEUGDBESCHERMING' })).data!.placementRequests.totalCount).toBe(0);
    expect((await assign(nidos, answer.id, youth.id)).errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    expect(dataOf(await assign(jeugdbescherming, answer.id, youth.id), 'assignPlacement')).toMatchObject({ status: 'OFFERED' });
  });

  it('000:2131-2134 — a request handed back with nothing else for her is escalated, never left on nobody’s worklist', async () => {
    clock.set(TUESDAY_MORNING);
    await client.raw(
      `mutation { updateCapacity(input: { facilityId: "${vo.id}", total: 12, occupied: 12, outOfService: 0, expectedVersion: 1 }) { id } }`,
      await token.admin(),
      {},
    );
    const request = await client.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'PLANNED' });
    await client.waitForStatus(coordinator, request.id, ['WAITING'], 10_000, (r) => r.waitingReason === 'AWAITING_AUTHORITY');
    dataOf(await client.raw(RETURN, comensha, { requestId: request.id, reason: 'COSM vol' }), 'returnRequest');
    const waiting = await client.waitForStatus(coordinator, request.id, ['WAITING'], 10_000, (r) => r.escalated);
    expect(waiting.waitingForAuthority).toBeNull();
    expect(waiting.history.at(-1)!.note).toContain('handed back');
  });
});
