/**
 * The chain's rules over GraphQL against the API and worker (domain.md §5a): the worklist journey
 * as CoMensha makes it, who may call placementCandidates, ten arrivals at once, and bad input named
 * by field. The rules themselves, each as the person who lives it, are in chain-rules.medium-spec.ts.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  capacityOf,
  dataOf,
  DUTCH_WOMAN,
  facilityOf,
  PlacementClient,
  REQUEST_FIELDS,
  type RequestView,
  SATURDAY_NIGHT,
  startPlacementApp,
  stopApp,
  token,
  WOMAN_IN_BEDENKTIJD,
} from './support';

const ASSIGN = `mutation Assign($requestId: ID!, $facilityId: ID!, $reason: String) {
  assignPlacement(requestId: $requestId, facilityId: $facilityId, reason: $reason) { ${REQUEST_FIELDS} waitingForOrganisation }
}`;
const REQUEST_PLACEMENT_DOC = `mutation Request($input: PlacementRequestInput!) { requestPlacement(input: $input) { id } }`;
const WORKLIST = `query Worklist($filter: PlacementRequestFilter) {
  placementRequests(filter: $filter, first: 50) { totalCount edges { node { id status waitingReason waitingForAuthority waitingForOrganisation } } }
}`;

/** Tuesday 1 December 2026, 10:00 in Amsterdam: CoMensha is open. */
const TUESDAY_MORNING = new Date('2026-12-01T09:00:00.000Z');

describe('the chain’s rules over GraphQL (domain.md §5a)', () => {
  const clock = new FixedClock(SATURDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let vo: { id: string };
  let cosm: { id: string };
  let coordinator: string;
  let comensha: string;

  const assign = (tokenValue: string, requestId: string, facilityId: string, reason?: string) =>
    client.raw(ASSIGN, tokenValue, { requestId, facilityId, reason });
  const worklist = async (tokenValue: string, filter: Record<string, unknown>) =>
    (await client.raw(WORKLIST, tokenValue, { filter })) as unknown as {
      data?: {
        placementRequests: { totalCount: number; edges: { node: RequestView & { waitingForOrganisation: string | null } }[] };
      };
      errors?: unknown[];
    };

  // One app for the three tests: none uses a place another one needs.
  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [, vo, cosm] = await insertFacilities(
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
  });
  beforeEach(() => clock.set(SATURDAY_NIGHT));
  afterAll(() => stopApp(api, database));

  it('000:2130 — over GraphQL: CoMensha finds the COSM request on its worklist, reads its candidates and assigns it; shelter staff may not call placementCandidates (FORBIDDEN)', async () => {
    // The rule itself (it waits for CoMensha, only CoMensha assigns) is proved in chain-rules.medium-spec.ts.
    clock.set(TUESDAY_MORNING);
    const request = await client.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'PLANNED' });
    await client.waitForStatus(coordinator, request.id, ['WAITING']);

    const list = await worklist(comensha, { authority: 'COMENSHA', status: ['WAITING'], kinds: ['COSM'] });
    expect(list.data!.placementRequests.edges.map((e) => e.node.id)).toContain(request.id);

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

  it('bad input names the field: a profile group size that contradicts the request, an unknown home region, a noodbed asked by a coordinator, a reference on two lines or with a direction mark, control characters in a reason', async () => {
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
    // A member's regions are hers, named as hers (red team, issue 15, seventh pass).
    const member = (label: string, extra: object) => ({ label, profile: { ...DUTCH_WOMAN, ...extra } });
    expect(
      await codeAndField({ profile: DUTCH_WOMAN, members: [member('W1', {}), member('W2', { homeRegionCode: 'QQQ' })] }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.members[1].profile.homeRegionCode',
    });
    expect(
      await codeAndField({ profile: DUTCH_WOMAN, members: [member('W1', {}), member('W2', { excludedRegionCodes: ['XXX'] })] }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.members[1].profile.excludedRegionCodes[0]' });
    // A reference is shown in lists and logs as sent: one line, reading the way it was typed (red team, issue 15),
    // and whole, visible characters only: half of one (a lone surrogate), a line separator or a zero-width
    // space is no text (red team, issue 16).
    for (const clientReference of [
      'avim-1\nlevel=error',
      'avim-2\u202egnp.exe',
      'avim-3\u2066x',
      'avim-4\ud800x',
      'avim-5\u2028x',
      'avim-6\u200bx',
    ]) {
      expect(await codeAndField({ profile: DUTCH_WOMAN, clientReference })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.clientReference',
      });
    }
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'PLANNED' });
    const cancel = await client.raw(
      `mutation { cancelPlacementRequest(requestId: "${request.id}", reason: "\u0000\u0001") { id } }`,
      coordinator,
      {},
    );
    expect(cancel.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });

  it('a coordinator naming women’s shelter twice asks for it once: stored and shown once (red team, issue 16)', async () => {
    const request = await client.request(coordinator, {
      profile: DUTCH_WOMAN,
      urgency: 'PLANNED',
      types: ['VROUWENOPVANG', 'MAATSCHAPPELIJKE_OPVANG', 'VROUWENOPVANG'],
    });
    const [stored] = await database.dataSource.query('SELECT types::text[] AS types FROM placement_requests WHERE id = $1', [
      request.id,
    ]);
    expect(stored.types).toEqual(['VROUWENOPVANG', 'MAATSCHAPPELIJKE_OPVANG']);
    await client.cancel(coordinator, request.id, 'test cleanup');
  });
});
