/**
 * Issue 12, part 4: anyone could fill the audit log. `Bearer junk-N` with 20 aliased `me` fields
 * wrote 20 permanent rows per request and was never throttled (the rate-limit key was the raw
 * header); `Bearer` plus extra spaces, `/graphql/`, `/GRAPHQL`, GET and the CSV exports bypassed the
 * limit. Now: one audit row per refused request, failures without a valid token summarised per
 * address and minute, and one limiter per caller (verified subject, else address) on every path.
 */
import { Role } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { errorCodes } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
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
