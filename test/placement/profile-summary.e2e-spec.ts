import { Role } from '@opvangplek/domain';
import { gql } from '../support/graphql-client';
import { insertFacilities, newFacility } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

type Summary = {
  gender: string;
  ageBand: string;
  languages: string[];
  careNeeds: string[];
  accompanyingChildren: number;
  groupSize: number;
} | null;

/** The minimal profile of an offer: who may see it, what it holds, and that each read is audited. */
describe('profileSummary of a placement request', () => {
  let database: TestDatabase;
  let api: TestApp;
  let requestId: string;
  let offeredAt: { id: string };
  let elsewhere: { id: string };

  const read = async (token: string) =>
    (
      await gql<{ placementRequest: { status: string; profileSummary: Summary } | null }>(
        api.url,
        `{ placementRequest(id: "${requestId}") { status profileSummary { gender ageBand languages careNeeds accompanyingChildren groupSize } } }`,
        { token },
      )
    ).data?.placementRequest ?? null;

  beforeAll(async () => {
    database = await createTestDatabase();
    [offeredAt, elsewhere] = await insertFacilities(database.dataSource, [
      newFacility({ regionCode: 'RR', eligibility: { ...newFacility().eligibility, acceptsChildren: true } }),
      newFacility({ regionCode: 'AMS', capacity: { total: 2, occupied: 2, held: 0, outOfService: 0 } }),
    ]);
    api = await startTestApp(database.url, { withWorker: true, env: { SWEEP_SECONDS: '3600' } });
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-rr', regions: ['RR'] });
    const submitted = await gql<{ requestPlacement: { id: string } }>(
      api.url,
      // Criminal exploitation waits for the route decision with the OM unless it is recorded (003:490,
      // domain.md §5a): recorded here, so the request is offered and the shelter's staff read the summary.
      `mutation { requestPlacement(input: { urgency: URGENT, regionCode: "RR", routeDecided: true, profile: {
        gender: FEMALE, age: 27, exploitationTypes: [SEXUAL, CRIMINAL], residenceStatus: EU_CITIZEN, careNeeds: [GGZ],
        accompanyingChildren: 1, languages: ["ro", "en"], foundInMunicipality: "Rotterdam" } }) { id } }`,
      { token: coordinator },
    );
    requestId = submitted.data!.requestPlacement.id;
    for (let i = 0; i < 100 && (await read(coordinator))?.status !== 'OFFERED'; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it("shows the offered facility's staff what they need, and nothing of the exploitation", async () => {
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'opvang', facilityIds: [offeredAt.id] });
    const request = await read(staff);
    expect(request?.status).toBe('OFFERED');
    expect(request?.profileSummary).toEqual({
      gender: 'FEMALE',
      ageBand: '23-29',
      languages: ['ro', 'en'],
      careNeeds: ['GGZ'],
      accompanyingChildren: 1,
      groupSize: 1,
    });
  });

  it.each([
    ['the requesting coordinator', { role: Role.ZORGCOORDINATOR, org: 'zc-rr', regions: ['RR'] }, true],
    ['CoMensha', { role: Role.COMENSHA, org: 'comensha' }, true],
    ['an administrator (manages the register, not cases)', { role: Role.ADMIN, org: 'beheer' }, false],
  ] as const)('%s: %s', async (_who, claims, visible) => {
    const request = await read(await tokenFor({ ...claims, regions: 'regions' in claims ? [...claims.regions] : [] }));
    expect(request).not.toBeNull();
    expect(request!.profileSummary !== null).toBe(visible);
  });

  it('is not there for anyone who cannot see the request at all', async () => {
    expect(await read(await tokenFor({ role: Role.SHELTER_STAFF, org: 'ander', facilityIds: [elsewhere.id] }))).toBeNull();
    expect(await read(await tokenFor({ role: Role.POLICE, org: 'avim-elders' }))).toBeNull();
    expect(await read(await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-ams', regions: ['AMS'] }))).toBeNull();
  });

  it('writes every disclosure to the audit log', async () => {
    const rows = await database.dataSource.query(
      `SELECT actor_role FROM audit_log WHERE action = 'profile.read' AND request_id = $1`,
      [requestId],
    );
    expect(rows.map((row: { actor_role: string }) => row.actor_role)).toEqual(
      expect.arrayContaining(['SHELTER_STAFF', 'ZORGCOORDINATOR', 'COMENSHA']),
    );
    expect(rows.map((row: { actor_role: string }) => row.actor_role)).not.toContain('ADMIN');
  });
});
