import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ACCESS_POLICY } from '@opvangplek/access/access-policy';
import { Role } from '@opvangplek/domain';
import { collect, errorCodes, gql, wsClient } from '../support/graphql-client';
import { insertFacilities, newFacility } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const PROFILE = '{ gender: FEMALE, age: 30, exploitationTypes: [SEXUAL], residenceStatus: DUTCH }';

/**
 * One well-formed call per operation. A new operation needs a line here (and an ACCESS_POLICY
 * entry) or this test fails: nothing reaches production without an access decision that is tested.
 */
const SAMPLES: Record<string, (facilityId: string) => string> = {
  me: () => '{ me { role } }',
  regions: () => '{ regions { code } }',
  facilities: () => '{ facilities { id } }',
  facility: (id) => `{ facility(id: "${id}") { id } }`,
  matchFacilities: () => `{ matchFacilities(profile: ${PROFILE}, options: { first: 1, excludedFirst: 1 }) { matchCount } }`,
  placementRequest: () => `{ placementRequest(id: "${NO_SUCH_ID}") { id } }`,
  placementRequests: () => '{ placementRequests(first: 5) { totalCount } }',
  auditLog: () => '{ auditLog(first: 1) { id } }',
  capacityOverview: () => '{ capacityOverview(regionCodes: ["RR"]) { total } }',
  figuresNudges: () => '{ figuresNudges { hoursOld } }',
  staleShareHistory: () =>
    '{ staleShareHistory(from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z", regionCodes: ["RR"]) { staleShare } }',
  occupancyHistory: () => '{ occupancyHistory(from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z") { total } }',
  unmetDemand: () => '{ unmetDemand(from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z") { requests } }',
  placementStatistics: () => '{ placementStatistics(year: 2026) { placements } }',
  victimRegistrations: () => '{ victimRegistrations(first: 1) { totalCount } }',
  registrationStatistics: () => '{ registrationStatistics(year: 2026) { registered } }',
  offerResponses: () => '{ offerResponses(from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z") { suppressionThreshold } }',
  myOfferResponses: () => '{ myOfferResponses { from } }',
  // Refused for its input (no exploitation type) once past the access check: nothing is registered.
  registerVictim: () =>
    'mutation { registerVictim(input: { regionCode: "RR", gender: FEMALE, exploitationTypes: [], signalledBy: POLICE }) { id } }',
  webhooks: () => '{ webhooks { id } }',
  escalationCoverage: () => '{ escalationCoverage { regionCode covered } }',
  webhookDeliveries: () => '{ webhookDeliveries(status: DEAD) { id } }',
  // Refused for its input (no event named) once past the access check: nothing is registered.
  createWebhook: () =>
    'mutation { createWebhook(input: { organisation: "matrix", url: "https://hooks.example/x", events: [] }) { secret } }',
  disableWebhook: () => `mutation { disableWebhook(id: "${NO_SUCH_ID}") { id } }`,
  redeliverWebhook: () => `mutation { redeliverWebhook(deliveryId: "${NO_SUCH_ID}") { id } }`,
  updateCapacity: (id) =>
    `mutation { updateCapacity(input: { facilityId: "${id}", total: 10, occupied: 5, outOfService: 0, expectedVersion: 999 }) { id } }`,
  confirmCapacity: (id) => `mutation { confirmCapacity(facilityId: "${id}") { id } }`,
  confirmAllCapacity: (id) => `mutation { confirmAllCapacity(facilityIds: ["${id}"]) { refused { code } } }`,
  requestPlacement: () =>
    `mutation { requestPlacement(input: { profile: ${PROFILE}, urgency: PLANNED, regionCode: "RR" }) { id } }`,
  requestNoodbed: () => `mutation { requestNoodbed(input: { profile: ${PROFILE}, regionCode: "RR" }) { id } }`,
  respondToOffer: () => `mutation { respondToOffer(input: { requestId: "${NO_SUCH_ID}", accept: true }) { id } }`,
  confirmArrival: () => `mutation { confirmArrival(requestId: "${NO_SUCH_ID}") { id } }`,
  endPlacement: () => `mutation { endPlacement(requestId: "${NO_SUCH_ID}", reason: "test") { id } }`,
  cancelPlacementRequest: () => `mutation { cancelPlacementRequest(requestId: "${NO_SUCH_ID}", reason: "test") { id } }`,
  requestTransfer: () => `mutation { requestTransfer(requestId: "${NO_SUCH_ID}", reason: MOVE_ON) { id } }`,
  recordRouteDecision: () =>
    `mutation { recordRouteDecision(requestId: "${NO_SUCH_ID}", shelter: true, reason: "matrix test of access rules") { id } }`,
  updateVictimProfile: () =>
    `mutation { updateVictimProfile(requestId: "${NO_SUCH_ID}", changes: { threatLevel: HIGH }, reason: "test") { id } }`,
  // The placing authority acts on its worklist (domain.md §5a); who decides which request is the service's check.
  placementCandidates: () => `{ placementCandidates(requestId: "${NO_SUCH_ID}") { matchCount } }`,
  assignPlacement: (id) =>
    `mutation { assignPlacement(requestId: "${NO_SUCH_ID}", facilityId: "${id}", reason: "matrix test of access rules") { id } }`,
  returnRequest: () => `mutation { returnRequest(requestId: "${NO_SUCH_ID}", reason: "matrix test of access rules") { id } }`,
  // Planned actions (issue 14): refused for its region once past the access check, so nothing is reserved.
  planAction: () =>
    `mutation { planAction(input: { regionCode: "XX", startsAt: "2027-01-07T22:00:00Z", endsAt: "2027-01-08T05:00:00Z", onBehalfOf: AVIM, onBehalfOfOrganisation: "avim-test", expected: [{ count: 1, gender: FEMALE, exploitationTypes: [SEXUAL] }] }) { id } }`,
  cancelPlannedAction: () =>
    `mutation { cancelPlannedAction(id: "${NO_SUCH_ID}", reason: "matrix test of access rules") { id } }`,
  plannedAction: () => `{ plannedAction(id: "${NO_SUCH_ID}") { id } }`,
  plannedActions: () => '{ plannedActions { id } }',
  facilityReservations: (id) => `{ facilityReservations(facilityId: "${id}") { places } }`,
  breakGlassProfile: () =>
    `mutation { breakGlassProfile(requestId: "${NO_SUCH_ID}", reason: "matrix test of access rules") { gender } }`,
  capacityChanged: () => 'subscription { capacityChanged { id } }',
  regionCapacityChanged: () => 'subscription { regionCapacityChanged { type } }',
  placementRequestUpdated: () => 'subscription { placementRequestUpdated { id } }',
};

describe('access matrix: every role × every operation', () => {
  let database: TestDatabase;
  let api: TestApp;
  let facility: { id: string };
  let secret: { id: string };
  const tokens = new Map<Role, string>();
  let operations: { name: string; kind: 'Query' | 'Mutation' | 'Subscription' }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    [facility, secret] = await insertFacilities(database.dataSource, [
      newFacility({ intakePhone: '010 000 0001' }),
      newFacility({ secretAddress: true, intakePhone: '+31 (0)10 000 0002' }),
    ]);
    api = await startTestApp(database.url);
    for (const role of Object.values(Role)) {
      tokens.set(
        role,
        await tokenFor({
          role,
          org: `org-${role.toLowerCase()}`,
          regions: ['RR'],
          facilityIds: role === Role.SHELTER_STAFF ? [facility.id] : [],
        }),
      );
    }
    const schema = api.app.get(GraphQLSchemaHost).schema;
    operations = (['Query', 'Mutation', 'Subscription'] as const).flatMap((kind) => {
      const type =
        kind === 'Query' ? schema.getQueryType() : kind === 'Mutation' ? schema.getMutationType() : schema.getSubscriptionType();
      return Object.keys(type?.getFields() ?? {}).map((name) => ({ name, kind }));
    });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('has an access decision and a sample for every operation in the schema, and no stale entries', () => {
    const names = operations.map((operation) => operation.name).sort();
    expect(names.filter((name) => !(name in ACCESS_POLICY))).toEqual([]);
    expect(names.filter((name) => !(name in SAMPLES))).toEqual([]);
    expect(Object.keys(ACCESS_POLICY).sort()).toEqual(names);
  });

  it('allows exactly the roles in the policy, and answers FORBIDDEN to every other role', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const { name, kind } of operations.filter((operation) => operation.kind !== 'Subscription')) {
      for (const role of Object.values(Role)) {
        const response = await gql(api.url, SAMPLES[name](facility.id), { token: tokens.get(role)! });
        const forbidden = errorCodes(response).includes('FORBIDDEN');
        outcomes.push(`${kind}.${name} × ${role}: ${forbidden ? 'FORBIDDEN' : 'allowed'}`);
        expected.push(`${kind}.${name} × ${role}: ${ACCESS_POLICY[name].includes(role) ? 'allowed' : 'FORBIDDEN'}`);
      }
    }
    expect(outcomes).toEqual(expected);
  }, 60_000);

  /** One query or mutation over the graphql-ws socket, as a console tab that keeps one socket open would send it. */
  const overWebSocket = async (client: ReturnType<typeof wsClient>, query: string) => {
    const operation = collect(client, query);
    await operation.done.catch(() => undefined);
    return operation.received;
  };

  it('applies the same table to queries and mutations sent over graphql-ws (issue 12: WebSocket equals HTTP)', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const role of Object.values(Role)) {
      const client = wsClient(api.url, tokens.get(role));
      try {
        for (const { name, kind } of operations.filter((operation) => operation.kind !== 'Subscription')) {
          const [answer] = await overWebSocket(client, SAMPLES[name](facility.id));
          const forbidden = (answer?.errors ?? []).some((error) => error.extensions?.code === 'FORBIDDEN');
          outcomes.push(`${kind}.${name} × ${role}: ${forbidden ? 'FORBIDDEN' : 'allowed'}`);
          expected.push(`${kind}.${name} × ${role}: ${ACCESS_POLICY[name].includes(role) ? 'allowed' : 'FORBIDDEN'}`);
        }
      } finally {
        await client.dispose();
      }
    }
    expect(outcomes).toEqual(expected);
  }, 60_000);

  it('applies the same table to subscriptions over graphql-ws', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const { name } of operations.filter((operation) => operation.kind === 'Subscription')) {
      for (const role of Object.values(Role)) {
        const client = wsClient(api.url, tokens.get(role));
        try {
          const subscription = collect(client, SAMPLES[name](facility.id));
          const [first] = await subscription.waitFor(1, 300).catch(() => [] as typeof subscription.received);
          const forbidden = first?.errors?.[0]?.extensions?.code === 'FORBIDDEN';
          outcomes.push(`${name} × ${role}: ${forbidden ? 'FORBIDDEN' : 'allowed'}`);
          expected.push(`${name} × ${role}: ${ACCESS_POLICY[name].includes(role) ? 'allowed' : 'FORBIDDEN'}`);
        } finally {
          await client.dispose();
        }
      }
    }
    expect(outcomes).toEqual(expected);
  }, 60_000);

  it("nulls a secret address and its intake line for every role except the facility's own staff", async () => {
    const staffOfSecret = await tokenFor({ role: Role.SHELTER_STAFF, org: 'geheim', facilityIds: [secret.id] });
    const query = `{ facility(id: "${secret.id}") { address intakePhone municipality latitude longitude } }`;
    for (const role of Object.values(Role)) {
      const response = await gql<{ facility: Record<string, unknown> }>(api.url, query, { token: tokens.get(role)! });
      expect({ role, ...response.data!.facility }).toEqual({
        role,
        address: null,
        intakePhone: null,
        municipality: null,
        latitude: null,
        longitude: null,
      });
    }
    const own = await gql<{ facility: { address: string; intakePhone: string } }>(api.url, query, { token: staffOfSecret });
    expect(own.data!.facility).toMatchObject({ address: expect.stringContaining('Teststraat'), intakePhone: '+31100000002' });
  });

  it("shows an open facility's intake line, in E.164, to every role that sees its address", async () => {
    const query = `{ facility(id: "${facility.id}") { address intakePhone } facilities { id intakePhone } }`;
    for (const role of Object.values(Role)) {
      const response = await gql<{
        facility: { address: string | null; intakePhone: string | null };
        facilities: { id: string; intakePhone: string | null }[];
      }>(api.url, query, { token: tokens.get(role)! });
      expect(response.errors).toBeUndefined();
      expect({ role, ...response.data!.facility }).toEqual({
        role,
        address: expect.stringContaining('Teststraat'),
        intakePhone: '+31100000001',
      });
      // The list follows the same rule as the one facility: the open line shown, the secret one never.
      const listed = new Map(response.data!.facilities.map((shown) => [shown.id, shown.intakePhone]));
      expect({ role, open: listed.get(facility.id), secret: listed.get(secret.id) }).toEqual({
        role,
        open: '+31100000001',
        secret: null,
      });
    }
  });

  it('nulls a secret address and its intake line over graphql-ws exactly as over HTTP (issue 12: every channel)', async () => {
    const staffOfSecret = await tokenFor({ role: Role.SHELTER_STAFF, org: 'geheim', facilityIds: [secret.id] });
    const query = `{ facility(id: "${secret.id}") { address intakePhone municipality latitude longitude } }`;
    for (const role of Object.values(Role)) {
      const client = wsClient(api.url, tokens.get(role));
      try {
        const [answer] = await overWebSocket(client, query);
        expect({ role, ...(answer?.data as { facility: Record<string, unknown> }).facility }).toEqual({
          role,
          address: null,
          intakePhone: null,
          municipality: null,
          latitude: null,
          longitude: null,
        });
      } finally {
        await client.dispose();
      }
    }
    const client = wsClient(api.url, staffOfSecret);
    try {
      const [own] = await overWebSocket(client, query);
      expect((own?.data as { facility: { address: string; intakePhone: string } }).facility).toMatchObject({
        address: expect.stringContaining('Teststraat'),
        intakePhone: '+31100000002',
      });
    } finally {
      await client.dispose();
    }
  });
});
