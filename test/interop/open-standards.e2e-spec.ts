/**
 * Issue 18, open standards: the register as Open Referral HSDS 3.1 (`GET /export/hsds/services`) and
 * HL7 FHIR R4 (`GET /fhir/Location`, `GET /fhir/HealthcareService`). Every document the national
 * register exports validates against the official schemas; each facility is what the GraphQL
 * `facilities` query shows the same caller (a secret-address facility anonymous to all but its staff);
 * the bearer token and roles are the API's; bad parameters are 400s naming the parameter.
 */
import { hsdsValidators, fhirValidator } from '@opvangplek/interop/testing/schema-validators';
import { Role } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { loadNationalRegister } from '@opvangplek/composition';
import { gql } from '../support/graphql-client';
import { readSecretFacilities, type SecretRegisterRow, secretLeaksOf } from '../support/secret-leaks';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';

type Json = Record<string, unknown>;
type Shown = {
  id: string;
  name: string;
  address: string | null;
  intakePhone: string | null;
  capacity: { available: number; total: number } | null;
};
type HsdsService = Json & {
  id: string;
  name: string;
  capacities: { available: number; maximum: number; unit: { name: string } }[];
};
type Bundle = Json & {
  total: number;
  link: { relation: string; url: string }[];
  entry: { resource: Json & { id: string; name: string } }[];
};

describe('the register in open standards (issue 18)', () => {
  const loadedAt = new Date('2026-11-28T19:00:00Z');
  let database: TestDatabase;
  let api: TestApp;
  let coordinator: string;
  let secret: SecretRegisterRow[];
  const hsds = hsdsValidators();
  const fhir = fhirValidator();

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadNationalRegister(database.dataSource, 1, loadedAt);
    secret = await readSecretFacilities(database.dataSource);
    api = await startTestApp(database.url, { clock: new FixedClock(new Date('2026-11-28T21:00:00Z')) });
    coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-rotterdam', regions: ['RR'] });
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const get = (path: string, token?: string) =>
    fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  async function facilitiesAs(token: string): Promise<Map<string, Shown>> {
    const response = await gql<{ facilities: Shown[] }>(
      api.url,
      '{ facilities { id name address intakePhone capacity { available total } } }',
      { token },
    );
    expect(response.errors).toBeUndefined();
    return new Map(response.data!.facilities.map((f) => [f.id, f]));
  }

  /** Every way a shown document names a secret facility's place or identity; its region's name (the region extension's display) is what it discloses. */
  const leaksOf = (row: SecretRegisterRow, shown: unknown) => secretLeaksOf(row, shown, { regionNameMayStand: true });

  it('a coordinator in Rotterdam exports the whole register as HSDS: a valid page of valid services, each as the API shows it to her, with its free places where she may see them', async () => {
    const response = await get('/export/hsds/services', coordinator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = (await response.json()) as { total_items: number; contents: HsdsService[] };
    expect(hsds.servicesPage(page)).toEqual([]);
    const shown = await facilitiesAs(coordinator);
    expect(page.total_items).toBe(shown.size);
    expect(page.contents.map((service) => service.id)).toEqual([...shown.keys()]);
    for (const service of page.contents) {
      expect(hsds.service(service)).toEqual([]);
      const api = shown.get(service.id)!;
      expect(service.name).toBe(api.name);
      expect(service.capacities.map(({ available, maximum }) => ({ available, total: maximum }))).toEqual(
        api.capacity ? [api.capacity] : [],
      );
    }
    expect(page.contents.filter((service) => service.capacities.length === 0)).toHaveLength(secret.length);
  });

  // domain.md §6, 004:7079-7089: a leaked shelter address endangers a life.
  it('shows her every secret-address shelter anonymous in HSDS, FHIR Location and HealthcareService alike: kind and region only, no address, phone, operator or counts (domain.md §6, 004:7079-7089)', async () => {
    expect(secret.length).toBeGreaterThanOrEqual(45);
    const services = ((await (await get('/export/hsds/services', coordinator)).json()) as { contents: HsdsService[] }).contents;
    const locations = (await (await get('/fhir/Location', coordinator)).json()) as Bundle;
    const healthcare = (await (await get('/fhir/HealthcareService', coordinator)).json()) as Bundle;
    const leaks: string[] = [];
    for (const row of secret) {
      const documents = [
        services.find((s) => s.id === row.id),
        locations.entry.find((e) => e.resource.id === row.id)?.resource,
        healthcare.entry.find((e) => e.resource.id === row.id)?.resource,
      ];
      for (const document of documents) {
        expect(document).toBeDefined();
        expect(document!.name).toMatch(/\(geheim adres\), regio /);
        leaks.push(...leaksOf(row, document));
      }
      expect(documents[0]!.service_at_locations).toEqual([]);
      expect(documents[1]!.address).toBeUndefined();
      expect(documents[1]!.position).toBeUndefined();
      expect(documents[2]!.telecom).toBeUndefined();
    }
    expect(leaks).toEqual([]);
  });

  it('its own staff see their secret-address shelter whole, address and counts, in FHIR', async () => {
    const own = secret[0];
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'shelter', facilityIds: [own.id] });
    const locations = (await (await get('/fhir/Location', staff)).json()) as Bundle;
    const location = locations.entry.find((e) => e.resource.id === own.id)!.resource;
    expect(location).toMatchObject({ name: own.name, address: { text: own.address } });
    const other = locations.entry.find((e) => e.resource.id === secret[1].id)!.resource;
    expect(other.address).toBeUndefined();
  });

  it.each(['Location', 'HealthcareService'])(
    'a hospital’s directory reads /fhir/%s: a valid FHIR R4 searchset Bundle as application/fhir+json, one entry per facility the API lists',
    async (resourceType) => {
      const response = await get(`/fhir/${resourceType}`, coordinator);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
      const bundle = (await response.json()) as Bundle;
      expect(fhir.errors(bundle)).toEqual([]);
      const shown = await facilitiesAs(coordinator);
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: shown.size });
      expect(bundle.entry.map((e) => [e.resource.resourceType, e.resource.id, e.resource.name])).toEqual(
        [...shown.values()].map((f) => [resourceType, f.id, f.name]),
      );
    },
  );

  it('pages a region with _count and follows the next link to the rest', async () => {
    const everywhere = (await facilitiesAs(coordinator)).size;
    const inRegion: { id: string }[] = await database.dataSource.query(`SELECT id FROM facilities WHERE region_code = 'RR'`);
    expect(inRegion.length).toBeGreaterThan(2);
    const first = (await (await get('/fhir/Location?region=RR&_count=2', coordinator)).json()) as Bundle;
    expect(fhir.errors(first)).toEqual([]);
    expect(first.total).toBe(inRegion.length);
    expect(first.entry).toHaveLength(2);
    const next = first.link.find((link) => link.relation === 'next')!.url;
    const rest = (await (await get(new URL(next).pathname + new URL(next).search, coordinator)).json()) as Bundle;
    const ids = [...first.entry, ...rest.entry].map((e) => e.resource.id);
    expect(new Set(ids).size).toBe(Math.min(4, inRegion.length));
    expect(ids.every((id) => inRegion.some((row) => row.id === id))).toBe(true);
    expect(everywhere).toBeGreaterThan(inRegion.length);
    const hsdsPage = (await (await get('/export/hsds/services?region=RR&per_page=2&page=2', coordinator)).json()) as Json;
    expect(hsds.servicesPage(hsdsPage)).toEqual([]);
    expect(hsdsPage).toMatchObject({ total_items: inRegion.length, page_number: 2, size: 2, first_page: false });
  });

  it('a FHIR client asks /fhir/metadata first, without a token: a valid CapabilityStatement naming both searches and their parameters', async () => {
    const response = await get('/fhir/metadata');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const statement = (await response.json()) as { rest: { resource: { type: string; searchParam: { name: string }[] }[] }[] };
    expect(fhir.errors(statement)).toEqual([]);
    expect(statement.rest[0].resource.map((r) => [r.type, r.searchParam.map((p) => p.name)])).toEqual([
      ['Location', ['region', '_count', '_offset']],
      ['HealthcareService', ['region', '_count', '_offset']],
    ]);
  });

  it('without a token: 401, for FHIR as an OperationOutcome', async () => {
    const hsdsResponse = await get('/export/hsds/services');
    expect(hsdsResponse.status).toBe(401);
    expect(await hsdsResponse.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    for (const path of ['/fhir/Location', '/fhir/HealthcareService']) {
      const response = await get(path);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
      const outcome = (await response.json()) as Json;
      expect(fhir.errors(outcome)).toEqual([]);
      expect(outcome).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login' }] });
    }
  });

  it.each([
    ['/fhir/Location?_count=many', '_count', /_count must be one whole number from 0 to 1000; got "many"/],
    ['/fhir/HealthcareService?_count=1001', '_count', /from 0 to 1000/],
    ['/fhir/Location?region=XX', 'region', /region must be codes of the register's regions .*unknown: "XX"/],
    [
      '/fhir/Location?address-city=Vlaardingen',
      'address-city',
      /address-city is not a parameter of this endpoint; it takes region, _count, _offset, _format/,
    ],
    ['/fhir/Location?_format=xml', '_format', /JSON only/],
  ])('a bad FHIR search %s: 400, an OperationOutcome naming %s', async (path, field, message) => {
    const response = await get(path, coordinator);
    expect(response.status).toBe(400);
    const outcome = (await response.json()) as { issue: { code: string; diagnostics: string; expression: string[] }[] };
    expect(fhir.errors(outcome)).toEqual([]);
    expect(outcome.issue[0]).toMatchObject({ code: 'invalid', expression: [field] });
    expect(outcome.issue[0].diagnostics).toMatch(message);
  });

  it.each([
    ['/export/hsds/services?per_page=0', 'per_page'],
    ['/export/hsds/services?page=-1', 'page'],
    ['/export/hsds/services?region=RR,', 'region'],
    ['/export/hsds/services?search=opvang', 'search'],
  ])('a bad HSDS query %s: 400 naming %s', async (path, field) => {
    const response = await get(path, coordinator);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field } });
  });

  // README "Rate and cost limits": a read of the whole register costs what the `facilities` query costs (1 + 200/25 points).
  it('draws what a facilities query draws from the caller’s budget, so the exports are no cheaper way to scrape the register', async () => {
    const limited = await startTestApp(database.url, { env: { RATE_LIMIT_PER_MINUTE: '20' } });
    try {
      const scraper = await tokenFor({ role: Role.PLANNER, org: 'scraper', sub: 'scraper-1' });
      const call = (path: string) => fetch(`${limited.url}${path}`, { headers: { authorization: `Bearer ${scraper}` } });
      expect((await call('/fhir/Location?_count=1')).status).toBe(200);
      expect((await call('/export/hsds/services?per_page=1')).status).toBe(200);
      const refused = await call('/fhir/HealthcareService?_count=1');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
