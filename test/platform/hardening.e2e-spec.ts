import { Role } from '@opvangplek/domain';
import { errorCodes, gql } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

describe('HTTP and GraphQL hardening', () => {
  let database: TestDatabase;
  let api: TestApp;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url, {
      env: { RATE_LIMIT_PER_MINUTE: '40', GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_FIELDS: '300' },
    });
    token = await tokenFor({ role: Role.ADMIN, org: 'beheer' });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('sends security headers', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    // Extended for the console (test/console/serving.e2e-spec.ts pins the whole policy) but still strict.
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a body over the size limit with 413, not a 500', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { role } }', padding: 'x'.repeat(200_000) }),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers a body it cannot read (not JSON, false gzip, UTF-16) with its 4xx, one sentence and the request id (red team, issue 15)', async () => {
    const send = (body: string | Uint8Array, headers: Record<string, string>) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'bad-body-1', ...headers },
        body,
      });
    for (const [body, headers, status] of [
      ['{"query": ', {}, 400],
      ['not gzip at all', { 'content-encoding': 'gzip' }, 400],
      ['{}', { 'content-type': 'application/json; charset=utf-16' }, 400],
    ] as const) {
      const response = await send(body, headers);
      expect(response.status).toBe(status);
      expect(response.headers.get('x-request-id')).toBe('bad-body-1');
      const text = await response.text();
      expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
      expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    }
  });

  it('refuses an operation nested deeper than the limit before any resolver runs', async () => {
    let selection = 'id';
    for (let i = 0; i < 10; i++) selection = `bridge { ${selection} }`;
    const response = await gql(api.url, `{ placementRequest(id: "00000000-0000-4000-8000-000000000000") { ${selection} } }`, {
      token,
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toContain('nested more than 8 levels');
  });

  it('refuses an alias bomb (too many fields), also through fragments', async () => {
    const aliases = Array.from({ length: 400 }, (_, i) => `a${i}: me { role }`).join(' ');
    expect(errorCodes(await gql(api.url, `{ ${aliases} }`, { token }))).toEqual(['BAD_USER_INPUT']);
    const spread = Array.from({ length: 200 }, (_, i) => `b${i}: me { ...V }`).join(' ');
    const response = await gql(api.url, `query { ${spread} } fragment V on Viewer { role org sub }`, { token });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toContain('more than 300 fields');
  });

  it('limits the rate per caller with 429 and Retry-After, and counts callers separately', async () => {
    const other = await tokenFor({ role: Role.PLANNER, org: 'gemeente' });
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { role } }' }),
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
        expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
      } else {
        await response.text();
      }
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(40);
    expect((await gql(api.url, '{ me { role } }', { token: other })).data).toEqual({ me: { role: 'PLANNER' } });
  });
});

describe('production mode', () => {
  let database: TestDatabase;
  let api: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    // No identity provider is reachable here; these checks need no token to be verified.
    api = await startTestApp(database.url, {
      env: {
        NODE_ENV: 'production',
        NOTES_KEY: Buffer.alloc(32, 7).toString('base64'),
        JWT_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
      },
    });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('does not answer introspection', async () => {
    const response = await gql(api.url, '{ __schema { types { name } } }');
    expect(response.data ?? null).toBeNull();
    expect(errorCodes(response)).toContain('BAD_USER_INPUT');
  });

  it('serves no landing page', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toMatch(/<html|sandbox/i);
  });

  it('refuses development tokens signed with a local secret', async () => {
    const token = await tokenFor({ role: Role.ADMIN, org: 'x' });
    expect(errorCodes(await gql(api.url, '{ me { role } }', { token }))).toEqual(['UNAUTHENTICATED']);
  });
});
