import { Role, ShelterType } from '@opvangplek/domain';
import fc from 'fast-check';
import { insertFacilities, newFacility } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

/** Every operation with its variables, so generated values reach the resolvers (or the scalars). */
const OPERATIONS: { name: string; document: string; roles: Role[] }[] = [
  {
    name: 'facilities',
    document: 'query Q($f: FacilityFilter) { facilities(filter: $f) { id capacity { available } } }',
    roles: [Role.ZORGCOORDINATOR],
  },
  { name: 'facility', document: 'query Q($id: ID!) { facility(id: $id) { id } }', roles: [Role.POLICE] },
  {
    name: 'matchFacilities',
    document:
      'query Q($p: VictimProfileInput!, $o: MatchOptionsInput) { matchFacilities(profile: $p, options: $o) { matchCount } }',
    roles: [Role.ZORGCOORDINATOR],
  },
  { name: 'placementRequest', document: 'query Q($id: ID!) { placementRequest(id: $id) { id } }', roles: [Role.COMENSHA] },
  {
    name: 'placementRequests',
    document:
      'query Q($f: PlacementRequestFilter, $first: Int, $after: String) { placementRequests(filter: $f, first: $first, after: $after) { totalCount } }',
    roles: [Role.COMENSHA],
  },
  {
    name: 'auditLog',
    document:
      'query Q($f: AuditLogFilter, $first: Int, $after: ID) { auditLog(filter: $f, first: $first, after: $after) { id } }',
    roles: [Role.ADMIN],
  },
  {
    name: 'occupancyHistory',
    document:
      'query Q($from: DateTime!, $to: DateTime!, $b: TimeBucket, $r: [ID!], $t: [ShelterType!]) { occupancyHistory(from: $from, to: $to, bucket: $b, regionCodes: $r, types: $t) { total } }',
    roles: [Role.PLANNER],
  },
  {
    name: 'unmetDemand',
    document:
      'query Q($from: DateTime!, $to: DateTime!, $r: [ID!]) { unmetDemand(from: $from, to: $to, regionCodes: $r) { requests } }',
    roles: [Role.PLANNER],
  },
  {
    name: 'placementStatistics',
    document: 'query Q($year: Int!) { placementStatistics(year: $year) { placements } }',
    roles: [Role.COMENSHA],
  },
  {
    name: 'updateCapacity',
    document: 'mutation M($input: UpdateCapacityInput!) { updateCapacity(input: $input) { id } }',
    roles: [Role.SHELTER_STAFF, Role.ADMIN],
  },
  {
    name: 'confirmCapacity',
    document: 'mutation M($id: ID!) { confirmCapacity(facilityId: $id) { id } }',
    roles: [Role.SHELTER_STAFF],
  },
  {
    name: 'requestPlacement',
    document: 'mutation M($input: PlacementRequestInput!) { requestPlacement(input: $input) { id } }',
    roles: [Role.ZORGCOORDINATOR],
  },
  {
    name: 'requestNoodbed',
    document: 'mutation M($input: NoodbedRequestInput!) { requestNoodbed(input: $input) { id status } }',
    roles: [Role.POLICE],
  },
  {
    name: 'respondToOffer',
    document: 'mutation M($input: OfferResponseInput!) { respondToOffer(input: $input) { id } }',
    roles: [Role.SHELTER_STAFF],
  },
  {
    name: 'confirmArrival',
    document: 'mutation M($id: ID!) { confirmArrival(requestId: $id) { id } }',
    roles: [Role.SHELTER_STAFF],
  },
  {
    name: 'endPlacement',
    document: 'mutation M($id: ID!, $r: String!) { endPlacement(requestId: $id, reason: $r) { id } }',
    roles: [Role.SHELTER_STAFF],
  },
  {
    name: 'breakGlassProfile',
    document: 'mutation M($id: ID!, $r: String!) { breakGlassProfile(requestId: $id, reason: $r) { gender } }',
    roles: [Role.ADMIN],
  },
  {
    name: 'cancelPlacementRequest',
    document: 'mutation M($id: ID!, $r: String!) { cancelPlacementRequest(requestId: $id, reason: $r) { id } }',
    roles: [Role.ZORGCOORDINATOR],
  },
];

/** Anything a client could send as a JSON value: right and wrong types, extremes, odd text. */
const leaf = fc.oneof(
  fc.constantFrom(0, -1, 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, -0.5, 3.7, Number.MAX_SAFE_INTEGER),
  fc.integer({ min: -5, max: 300 }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    'RR',
    'AMS',
    'FEMALE',
    'MALE',
    'X',
    'SEXUAL',
    'LABOUR',
    'DUTCH',
    'BEDENKTIJD',
    'ACUTE',
    'PLANNED',
    'NOODBED',
    'COSM',
    'WAITING',
  ),
  fc.constantFrom(
    '2026-11-28',
    '2026-02-30',
    '2026-11-28T23:00:00+01:00',
    'yesterday',
    '00000000-0000-4000-8000-000000000000',
    'x'.repeat(3_000),
    '\u0000\u202e<script>',
    "'; DROP TABLE facilities; --",
  ),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('node'), { maxKeys: 5 }),
  ),
})).node;

/** Mostly the right field names, so generated values get past the first check and reach deeper code. */
const profile = fc.record(
  {
    gender: value,
    age: value,
    minor: value,
    exploitationTypes: value,
    residenceStatus: value,
    b8Status: value,
    bedenktijdStart: value,
    aangifte: value,
    careNeeds: value,
    accompanyingChildren: value,
    threatLevel: value,
    excludedRegionCodes: value,
    homeRegionCode: value,
    languages: value,
    groupSize: value,
  },
  { requiredKeys: [] },
);
/** Mostly well-formed instants, so the insight queries get past the scalar and reach the service. */
const instant = fc
  .date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const variables = fc.record(
  {
    id: value,
    r: value,
    first: value,
    after: value,
    f: value,
    p: profile,
    o: value,
    from: fc.oneof(value, instant),
    to: fc.oneof(value, instant),
    b: value,
    t: value,
    year: fc.oneof(value, fc.integer({ min: 1990, max: 2030 })),
    input: fc.oneof(
      value,
      fc.record(
        { facilityId: value, total: value, occupied: value, outOfService: value, expectedVersion: value },
        { requiredKeys: [] },
      ),
      fc.record(
        {
          profile,
          urgency: value,
          regionCode: value,
          groupSize: value,
          clientReference: value,
          requestId: value,
          accept: value,
          declineReason: value,
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

describe('fuzzing every query and mutation with generated input', () => {
  let database: TestDatabase;
  let api: TestApp;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const [facility] = await insertFacilities(database.dataSource, [
      newFacility(),
      newFacility({ type: ShelterType.NOODBED }),
      newFacility({ secretAddress: true }),
    ]);
    api = await startTestApp(database.url, { env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    for (const role of Object.values(Role)) {
      tokens.set(
        role,
        await tokenFor({
          role,
          org: `org-${role}`,
          regions: ['RR'],
          facilityIds: role === Role.SHELTER_STAFF ? [facility.id] : [],
        }),
      );
    }
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('answers every generated request with a well-formed GraphQL result: never a 5xx, never a crash, never a stack', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATIONS), variables, fc.nat(), async (operation, vars, pick) => {
        const role = operation.roles[pick % operation.roles.length];
        const response = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(role)}` },
          body: JSON.stringify({ query: operation.document, variables: vars }),
        });
        const text = await response.text();
        expect(response.status).toBeLessThan(500);
        expect(text).not.toMatch(/\n\s+at /);
        if (response.status === 413) return; // over the body limit: refused before GraphQL (see hardening spec)
        const body = JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
        expect(body.data !== undefined || Array.isArray(body.errors)).toBe(true);
        for (const error of body.errors ?? []) {
          expect(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']).toContain(error.extensions?.code);
          expect(error.message).not.toMatch(/\n\s+at /);
        }
        const outcome = body.errors?.[0]?.extensions?.code ?? 'OK';
        seen.set(`${operation.name}:${outcome}`, (seen.get(`${operation.name}:${outcome}`) ?? 0) + 1);
      }),
      { numRuns: 2_500, seed: 20261122 },
    );
    // The generator must actually reach the services, not only the schema's type checks.
    expect([...seen.keys()].filter((key) => key.endsWith(':OK')).length).toBeGreaterThanOrEqual(3);
  }, 180_000);

  it('leaves the database consistent: capacity invariants hold and holds match capacity', async () => {
    const broken = await database.dataSource.query(`
      SELECT c.facility_id FROM capacity c
      LEFT JOIN (SELECT facility_id, sum(places) AS held FROM placement_holds WHERE state = 'HELD' GROUP BY facility_id) h ON h.facility_id = c.facility_id
      WHERE c.occupied + c.held + c.out_of_service > c.total OR least(c.total, c.occupied, c.held, c.out_of_service) < 0
         OR c.held <> coalesce(h.held, 0)`);
    expect(broken).toEqual([]);
  });
});
