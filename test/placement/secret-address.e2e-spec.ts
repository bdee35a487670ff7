import { Role } from '@opvangplek/domain';
import { errorCodes, gql } from '../support/graphql-client';
import { insertFacilities, newFacility } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

const ADDRESS = 'Geheimstraat 9, 3000 XX Rotterdam';
/** The intake line as the register wrote it, and as it is stored and shown (E.164). */
const PHONE_WRITTEN = '010 - 000 0042';
const PHONE = '+31100000042';
/** The shelter lies about 12 km north-east of the centre of Rotterdam Rijnmond (51.92, 4.48). */
const WHERE = { latitude: 52.0, longitude: 4.6 };
const KM_FROM_REGION_CENTRE = 12;

/**
 * A secret address (domain.md §6): known to the facility's own staff, and to the requester of a
 * placement there only while it is accepted or under way; never through lists or errors.
 */
describe('secret addresses in the placement workflow', () => {
  let database: TestDatabase;
  let api: TestApp;
  let shelter: { id: string };
  let requester: string;
  let staff: string;
  let requestId: string;

  /** What locates the place, as one caller is shown it: address, intake line, and the distance to it. */
  const locatedBy = async (token: string) => {
    const response = await gql<{
      placementRequest: {
        status: string;
        facility: { address: string | null; intakePhone: string | null } | null;
        allocations: { distanceKm: number | null }[];
      };
    }>(
      api.url,
      `{ placementRequest(id: "${requestId}") { status facility { address intakePhone } allocations { distanceKm } } }`,
      { token },
    );
    expect(response.errors).toBeUndefined();
    const { status, facility, allocations } = response.data!.placementRequest;
    return {
      status,
      address: facility?.address ?? null,
      intakePhone: facility?.intakePhone ?? null,
      distanceKm: allocations[0]?.distanceKm,
    };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    [shelter] = await insertFacilities(database.dataSource, [
      newFacility({
        secretAddress: true,
        address: ADDRESS,
        intakePhone: PHONE_WRITTEN,
        ...WHERE,
        capacity: { total: 3, occupied: 1, held: 0, outOfService: 0 },
      }),
    ]);
    api = await startTestApp(database.url, { withWorker: true, env: { SWEEP_SECONDS: '3600' } });
    requester = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-rr', regions: ['RR'] });
    staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'blijf', facilityIds: [shelter.id] });
    const submitted = await gql<{ requestPlacement: { id: string } }>(
      api.url,
      'mutation { requestPlacement(input: { urgency: ACUTE, regionCode: "RR", profile: { gender: FEMALE, age: 33, exploitationTypes: [SEXUAL], residenceStatus: DUTCH, foundInMunicipality: "Rotterdam" } }) { id } }',
      { token: requester },
    );
    requestId = submitted.data!.requestPlacement.id;
    for (let i = 0; i < 100 && (await locatedBy(requester)).status !== 'OFFERED'; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('is withheld from the requester while it is only an offer, shown once accepted and while placed, withheld again after the stay', async () => {
    // A phone number and an exact distance locate a shelter as well as an address: each follows it.
    // While withheld, the distance is to the centre of the shelter's region (here the requester's own).
    const hidden = { address: null, intakePhone: null, distanceKm: 0 };
    const shown = { address: ADDRESS, intakePhone: PHONE, distanceKm: KM_FROM_REGION_CENTRE };
    expect(await locatedBy(requester)).toEqual({ status: 'OFFERED', ...hidden });
    expect(await locatedBy(staff)).toEqual({ status: 'OFFERED', ...shown });

    await gql(api.url, `mutation { respondToOffer(input: { requestId: "${requestId}", accept: true }) { id } }`, {
      token: staff,
    });
    expect(await locatedBy(requester)).toEqual({ status: 'ACCEPTED', ...shown });
    await gql(api.url, `mutation { confirmArrival(requestId: "${requestId}") { id } }`, { token: staff });
    expect(await locatedBy(requester)).toEqual({ status: 'PLACED', ...shown });

    // Another coordinator of the same region sees the request, not where it is.
    const colleague = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'other-org', regions: ['RR'] });
    expect(await locatedBy(colleague)).toEqual({ status: 'PLACED', ...hidden });

    await gql(api.url, `mutation { endPlacement(requestId: "${requestId}", reason: "doorgeplaatst") { id } }`, { token: staff });
    expect(await locatedBy(requester)).toEqual({ status: 'ENDED', ...hidden });
  });

  it('never appears in lists or in errors', async () => {
    const list = await gql(
      api.url,
      '{ facilities { address intakePhone } placementRequests { edges { node { facility { address intakePhone } allocations { facility { address intakePhone } } } } } }',
      { token: requester },
    );
    expect(JSON.stringify(list)).not.toContain('Geheimstraat');
    expect(JSON.stringify(list)).not.toContain(PHONE);
    const police = await tokenFor({ role: Role.POLICE, org: 'avim' });
    const refused = await gql(api.url, `mutation { confirmCapacity(facilityId: "${shelter.id}") { id } }`, { token: police });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const otherStaff = await tokenFor({
      role: Role.SHELTER_STAFF,
      org: 'elders',
      facilityIds: ['00000000-0000-4000-8000-000000000001'],
    });
    const denied = await gql(api.url, `mutation { confirmCapacity(facilityId: "${shelter.id}") { id } }`, { token: otherStaff });
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify([refused, denied])).not.toContain('Geheimstraat');
  });

  it('lets an administrator read the full profile only by break-glass, with a reason, audited', async () => {
    const admin = await tokenFor({ role: Role.ADMIN, org: 'beheer' });
    const tooShort = await gql(api.url, `mutation { breakGlassProfile(requestId: "${requestId}", reason: "check") { gender } }`, {
      token: admin,
    });
    expect(errorCodes(tooShort)).toEqual(['BAD_USER_INPUT']);
    const read = await gql<{ breakGlassProfile: { foundInMunicipality: string; age: number } }>(
      api.url,
      `mutation { breakGlassProfile(requestId: "${requestId}", reason: "klacht 2026-118: onderzoek naar de plaatsing") { foundInMunicipality age } }`,
      { token: admin },
    );
    expect(read.data!.breakGlassProfile).toEqual({ foundInMunicipality: 'Rotterdam', age: 33 });
    const audit = await database.dataSource.query(
      `SELECT actor_role, detail FROM audit_log WHERE action = 'profile.break-glass' AND request_id = $1`,
      [requestId],
    );
    expect(audit).toEqual([{ actor_role: 'ADMIN', detail: 'klacht 2026-118: onderzoek naar de plaatsing' }]);
  });
});
