/**
 * Issue 12, part 4: anyone could fill the audit log. `Bearer junk-N` with 20 aliased `me` fields
 * wrote 20 permanent rows per request and was never throttled (the rate-limit key was the raw
 * header); `Bearer` plus extra spaces, `/graphql/`, `/GRAPHQL`, GET and the CSV exports bypassed the
 * limit. Now: one audit row per refused request, failures without a valid token summarised per
 * address and minute, and one limiter per caller (verified subject, else address) on every path.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Role } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { freePort } from '@opvangplek/platform/database';
import { operationCost } from '@opvangplek/platform/graphql/operation-cost';
import {
  buildSchema,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type NamedTypeNode,
  parse,
  typeFromAST,
} from 'graphql';
import { collect, errorCodes, gql, wsClient } from '../support/graphql-client';
import { type Backend, testEnvironment, uniqueNamespace } from '../support/test-config';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { REPO_ROOT, testRedisUrl } from '../support/test-env';
import { type RunningProcess, startProcess } from '../support/test-processes';
import { tokenFor } from '../support/tokens';

const TWENTY_ME = `{ ${Array.from({ length: 20 }, (_, i) => `m${i}: me { role }`).join(' ')} }`;

async function post(url: string, query: string, authorization?: string, path = '/graphql'): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300)); // refusals are written after the answer

describe('the audit log cannot be filled by anyone (issue 12, part 4)', () => {
  let database: TestDatabase;
  let api: TestApp;
  const clock = new FixedClock(new Date('2026-11-22T12:00:10Z'));

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url, { clock });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  const rows = async (action: string): Promise<{ detail: string }[]> =>
    database.dataSource.query('SELECT detail FROM audit_log WHERE action = $1 ORDER BY id', [action]);

  it('writes one row for a refused request, not one per aliased field, and summarises failures per address and minute', async () => {
    for (let n = 0; n < 5; n++) {
      const response = await post(api.url, TWENTY_ME, `Bearer junk-${n}`);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(new Set(body.errors.map((error) => error.extensions.code))).toEqual(new Set(['UNAUTHENTICATED']));
    }
    await settle();
    const first = await rows('auth.failure');
    expect(first).toHaveLength(1);
    expect(first[0].detail).toContain('summarised');
    expect(JSON.stringify(first)).not.toContain('junk-');

    clock.advance(61_000);
    await post(api.url, TWENTY_ME, 'Bearer junk-5');
    await settle();
    const later = await rows('auth.failure');
    expect(later).toHaveLength(3);
    expect(
      later.some((row) =>
        /4 more requests without a valid token from .+ in the minute from 2026-11-22T12:00:00/.test(row.detail),
      ),
    ).toBe(true);
  });

  it('writes one row for a FORBIDDEN request with many refused fields', async () => {
    const planner = await tokenFor({ role: Role.PLANNER, org: 'gemeente' });
    const query = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: auditLog { action }`).join(' ')} }`;
    const body = (await (await post(api.url, query, `Bearer ${planner}`)).json()) as {
      errors: { extensions: { code: string } }[];
    };
    expect(body.errors.every((error) => error.extensions.code === 'FORBIDDEN')).toBe(true);
    await settle();
    expect(await rows('access.forbidden')).toHaveLength(1);
  });
});

describe('one rate limiter per caller on every path (issue 12, part 4)', () => {
  const LIMIT = 5;
  let database: TestDatabase;
  let api: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url, { env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  async function expectLimited(response: Response): Promise<void> {
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.stringify(await response.json())).toContain('RATE_LIMITED');
  }

  /** Spends a fresh caller's whole allowance the ordinary way, then tries `variant` once more. */
  async function afterAllowance(sub: string, variant: (authorization: string) => Promise<Response>): Promise<Response> {
    const token = await tokenFor({ role: Role.ADMIN, org: 'beheer', sub });
    for (let i = 0; i < LIMIT; i++) expect((await post(api.url, '{ me { role } }', `Bearer ${token}`)).status).toBe(200);
    return variant(`Bearer ${token}`);
  }

  it.each([
    ['Bearer with extra spaces', (auth: string) => post(apiUrl(), '{ me { role } }', auth.replace('Bearer ', 'Bearer    '))],
    ['/graphql/', (auth: string) => post(apiUrl(), '{ me { role } }', auth, '/graphql/')],
    ['/GRAPHQL', (auth: string) => post(apiUrl(), '{ me { role } }', auth, '/GRAPHQL')],
    [
      'GET',
      (auth: string) =>
        fetch(`${apiUrl()}/graphql?query=${encodeURIComponent('{ me { role } }')}`, {
          headers: { authorization: auth, 'apollo-require-preflight': 'true' },
        }),
    ],
    ['a CSV export', (auth: string) => fetch(`${apiUrl()}/export/capacity-overview.csv`, { headers: { authorization: auth } })],
  ])('answers 429 with Retry-After through %s once the allowance is spent', async (name, variant) => {
    await expectLimited(await afterAllowance(`caller-${name}`, variant));
  });

  it('keys callers without a valid token on their address, not on the made-up token', async () => {
    for (let n = 0; n < LIMIT; n++) expect((await post(api.url, TWENTY_ME, `Bearer junk-${n}`)).status).toBe(200);
    await expectLimited(await post(api.url, TWENTY_ME, `Bearer junk-${LIMIT}`));
    await expectLimited(await fetch(`${api.url}/export/capacity-overview.csv`));
    // A caller with a valid token has an allowance of its own.
    const other = await tokenFor({ role: Role.PLANNER, org: 'gemeente', sub: 'own-allowance' });
    const response = await post(api.url, '{ me { role } }', `Bearer ${other}`);
    expect(response.status).toBe(200);
    expect(errorCodes({ status: 200, ...((await response.json()) as object) })).toEqual([]);
  });

  function apiUrl(): string {
    return api.url;
  }
});

/**
 * Issue 12, "rate and cost limits keyed on who is calling": one budget per caller for HTTP and
 * WebSocket together, shared by every API process through Redis, else PostgreSQL (the zero-config
 * start has no Redis). Two real API processes each time, as behind a load balancer.
 */
describe.each<Backend>(['postgres', 'redis'])('one rate budget across two API processes (%s store)', (backend) => {
  const LIMIT = 6;
  const skip = backend === 'redis' && !testRedisUrl();
  const maybe = skip ? it.skip : it;
  let database: TestDatabase;
  let a: RunningProcess;
  let b: RunningProcess;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase();
    // The PostgreSQL case has no REDIS_URL at all: the limit lives in the database.
    const env = { ...testEnvironment(database.url, backend, uniqueNamespace()), RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    [a, b] = await Promise.all([
      startProcess('api', env, { port: await freePort() }),
      startProcess('api', env, { port: await freePort() }),
    ]);
  }, 90_000);
  afterAll(async () => {
    if (skip) return;
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  maybe(
    'refuses the attacker who spreads requests over both processes once the one budget is spent (429, Retry-After)',
    async () => {
      const token = await tokenFor({ role: Role.ADMIN, org: 'beheer', sub: `spread-${backend}` });
      for (let i = 0; i < LIMIT; i++) {
        expect((await post((i % 2 === 0 ? a : b).url, '{ me { role } }', `Bearer ${token}`)).status).toBe(200);
      }
      for (const process of [a, b]) {
        const refused = await post(process.url, '{ me { role } }', `Bearer ${token}`);
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(JSON.stringify(await refused.json())).toContain('RATE_LIMITED');
      }
      // Another officer on shift keeps her own budget.
      const other = await tokenFor({ role: Role.PLANNER, org: 'gemeente', sub: `other-${backend}` });
      expect((await post(b.url, '{ me { role } }', `Bearer ${other}`)).status).toBe(200);
    },
  );

  maybe('lets HTTP requests on one process and WebSocket operations on the other draw from the same budget', async () => {
    const token = await tokenFor({ role: Role.ADMIN, org: 'beheer', sub: `both-${backend}` });
    for (let i = 0; i < LIMIT / 2; i++) expect((await post(a.url, '{ me { role } }', `Bearer ${token}`)).status).toBe(200);
    const client = wsClient(b.url, token);
    try {
      const answers: unknown[] = [];
      for (let i = 0; i < LIMIT / 2 + 1; i++) {
        const [answer] = await collect<{ me: { role: string } }>(client, '{ me { role } }').waitFor(1);
        answers.push(answer.errors ? answer.errors[0].extensions?.code : answer.data?.me.role);
      }
      expect(answers).toEqual([...Array(LIMIT / 2).fill('ADMIN'), 'RATE_LIMITED']);
    } finally {
      await client.dispose();
    }
    expect((await post(a.url, '{ me { role } }', `Bearer ${token}`)).status).toBe(429);
  });
});

describe('an expensive operation draws its cost from the caller\'s rate budget (issue 12: "a query cost model in which matchFacilities and the insight queries cost what they cost")', () => {
  const LIMIT = 150;
  /** Twelve aliased registers: within MAX_QUERY_COST, but each answer is the whole register. */
  const TWELVE_REGISTERS = `{ ${Array.from({ length: 12 }, (_, i) => `f${i}: facilities { id }`).join(' ')} }`;
  let database: TestDatabase;
  let api: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url, { env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it("over HTTP: the red team's parallel heavy answers stop after the budget's worth, with 429 and Retry-After, and so do the caller's cheap ones", async () => {
    const token = await tokenFor({ role: Role.JEUGDBESCHERMING, org: 'jb-rijnmond', regions: ['RR'], sub: 'heavy-http' });
    const first = await post(api.url, TWELVE_REGISTERS, `Bearer ${token}`);
    expect(first.status).toBe(200);
    const second = await post(api.url, TWELVE_REGISTERS, `Bearer ${token}`);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await second.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringContaining('expensive') });
    expect((await post(api.url, '{ me { role } }', `Bearer ${token}`)).status).toBe(429);
    // Another caller's budget is untouched.
    const other = await tokenFor({ role: Role.JEUGDBESCHERMING, org: 'jb-rijnmond', regions: ['RR'], sub: 'light-http' });
    expect((await post(api.url, '{ me { role } }', `Bearer ${other}`)).status).toBe(200);
  });

  it('over graphql-ws: the same budget, the same refusal', async () => {
    const token = await tokenFor({ role: Role.JEUGDBESCHERMING, org: 'jb-rijnmond', regions: ['RR'], sub: 'heavy-ws' });
    const client = wsClient(api.url, token);
    try {
      const ask = async () => {
        const operation = collect(client, TWELVE_REGISTERS);
        await operation.done.catch(() => undefined);
        return operation.received[0];
      };
      expect((await ask())?.errors).toBeUndefined();
      expect((await ask())?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await client.dispose();
    }
  });
});

describe('the client address behind a proxy (issue 12, TRUST_PROXY)', () => {
  const LIMIT = 3;
  let database: TestDatabase;
  let direct: TestApp;
  let proxied: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    direct = await startTestApp(database.url, { env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
    proxied = await startTestApp(database.url, { env: { RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => {
    await Promise.all([direct?.close(), proxied?.close()]);
    await database?.drop();
  });

  const fromAddress = (url: string, forwardedFor: string) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });

  it('ignores the X-Forwarded-For an attacker makes up when TRUST_PROXY is off: a new address each time buys nothing', async () => {
    for (let n = 0; n < LIMIT; n++) expect((await fromAddress(direct.url, `203.0.113.${n}`)).status).toBe(200);
    expect((await fromAddress(direct.url, '203.0.113.99')).status).toBe(429);
  });

  it('counts each real client behind a trusted proxy on its own (TRUST_PROXY=loopback)', async () => {
    for (let n = 0; n < LIMIT; n++) expect((await fromAddress(proxied.url, '198.51.100.1')).status).toBe(200);
    expect((await fromAddress(proxied.url, '198.51.100.1')).status).toBe(429);
    // The proxy appends the address it saw; what the client wrote before it is not believed.
    expect((await fromAddress(proxied.url, '198.51.100.2, 198.51.100.1')).status).toBe(429);
    expect((await fromAddress(proxied.url, '198.51.100.2')).status).toBe(200);
  });
});

/** What the console sends (apps/console/src/api/documents.ts), each document with its fragments. */
function consoleDocuments(): Map<string, string> {
  const source = readFileSync(path.join(REPO_ROOT, 'apps/console/src/api/documents.ts'), 'utf8');
  const texts = new Map<string, string>();
  for (const match of source.matchAll(/const (\w+) = gql`([^`]*)`/g)) texts.set(match[1], match[2]);
  const expand = (text: string): string => text.replace(/\$\{(\w+)\}/g, (_, name: string) => expand(texts.get(name) ?? ''));
  return new Map([...texts].filter(([name]) => !name.endsWith('_FIELDS')).map(([name, text]) => [name, expand(text)]));
}

/** Variables for every variable a document declares: pages at their largest (200), the rest any valid value. */
function largestVariables(schema: GraphQLSchema, document: DocumentNode): Record<string, unknown> {
  const sample = (type: GraphQLInputType): unknown => {
    if (isNonNullType(type)) return sample(type.ofType);
    if (isListType(type)) return [sample(type.ofType)];
    if (isEnumType(type)) return type.getValues()[0].value;
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
      return Object.fromEntries(fields.map((field) => [field.name, sample(field.type)]));
    }
    const scalars: Record<string, unknown> = {
      Int: 200,
      Float: 1,
      Boolean: true,
      ID: '00000000-0000-4000-8000-000000000000',
      DateTime: '2026-01-01T00:00:00Z',
      Date: '2026-01-01',
    };
    return scalars[(type as { name: string }).name] ?? 'x';
  };
  const variables: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      variables[variable.variable.name.value] = sample(typeFromAST(schema, variable.type as NamedTypeNode) as GraphQLInputType);
    }
  }
  return variables;
}

describe('the query cost limit (issue 12, MAX_QUERY_COST)', () => {
  let database: TestDatabase;
  let api: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  const PROFILE = '{ gender: FEMALE, age: 30, exploitationTypes: [SEXUAL] }';
  const hundredMatches = `{ ${Array.from({ length: 100 }, (_, i) => `m${i}: matchFacilities(profile: ${PROFILE}) { matchCount }`).join(' ')} }`;

  it("refuses the attacker's 100 aliased matchFacilities before any runs, over HTTP and WebSocket, naming the limit", async () => {
    const token = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc', regions: ['RR'], sub: 'aliased-matches' });
    const before = await database.dataSource.query('SELECT count(*)::int AS n FROM audit_log');
    const response = await post(api.url, hundredMatches, `Bearer ${token}`);
    expect(response.status).toBe(400);
    const http = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(http.data ?? null).toBeNull();
    expect(http.errors.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(http.errors[0].message).toMatch(/costs \d+, more than the 2500 one operation may cost \(MAX_QUERY_COST\)/);

    const client = wsClient(api.url, token);
    try {
      const [ws] = await collect(client, hundredMatches).waitFor(1);
      expect(ws.data ?? null).toBeNull();
      expect(ws.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(ws.errors?.[0].message).toBe(http.errors[0].message);
    } finally {
      await client.dispose();
    }
    // Nothing ran: no match was audited.
    expect(await database.dataSource.query('SELECT count(*)::int AS n FROM audit_log')).toEqual(before);
  });

  it('refuses an expensive page, also when its size comes as a variable', async () => {
    const token = await tokenFor({ role: Role.COMENSHA, org: 'comensha', sub: 'expensive-page' });
    const pages = `query Pages($first: Int) { ${['a', 'b']
      .map(
        (alias) =>
          `${alias}: placementRequests(first: $first) { edges { node { id facility { id region { code } } history { status } followUp { id } profileSummary { gender } } } }`,
      )
      .join(' ')} }`;
    const refused = await gql(api.url, pages, { token, variables: { first: 200 } });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toContain('MAX_QUERY_COST');
    // The same query with an ordinary page runs.
    expect(errorCodes(await gql(api.url, pages, { token, variables: { first: 20 } }))).toEqual([]);
  });

  it("lets the officer on shift's console queries through at their largest pages", async () => {
    const schema = buildSchema(readFileSync(path.join(REPO_ROOT, 'schema.gql'), 'utf8'));
    const documents = consoleDocuments();
    expect(documents.size).toBeGreaterThan(10);
    for (const [name, text] of documents) {
      const document = parse(text);
      const cost = operationCost(schema, document, undefined, largestVariables(schema, document));
      expect([name, cost, cost <= 2_500]).toEqual([name, cost, true]);
    }
    // And over the wire: the worklist at its largest page (200) is answered, not refused.
    const token = await tokenFor({ role: Role.COMENSHA, org: 'comensha', sub: 'worklist-200' });
    const worklist = await gql(api.url, documents.get('WORKLIST')!, {
      token,
      variables: { filter: { authority: 'COMENSHA', status: ['WAITING'] }, first: 200 },
    });
    expect(errorCodes(worklist)).toEqual([]);
  });
});
