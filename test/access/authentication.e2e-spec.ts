import { Role } from '@opvangplek/domain';
import { collect, errorCodes, gql, wsClient } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tamperedToken, tokenFor } from '../support/tokens';

describe('authentication', () => {
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

  it('answers `me` from the token claims', async () => {
    const token = await tokenFor({ role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] });
    const response = await gql(api.url, '{ me { role org regions facilityIds } }', { token });
    expect(response.data).toEqual({ me: { role: 'POLICE', org: 'avim-rotterdam', regions: ['RR'], facilityIds: [] } });
  });

  it.each(['{ me { role } }', '{ regions { code } }', '{ facilities { id } }'])(
    'refuses %s without a token: UNAUTHENTICATED',
    async (query) => {
      const response = await gql(api.url, query);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.data ?? null).toBeNull();
    },
  );

  it('refuses a mutation without a token before validating its input', async () => {
    const response = await gql(
      api.url,
      'mutation { confirmCapacity(facilityId: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it.each(['issuer', 'audience', 'expired', 'signature', 'algorithm-none'] as const)(
    'refuses a token with the wrong %s',
    async (flaw) => {
      const token = await tamperedToken(flaw);
      const response = await gql(api.url, '{ me { role } }', { token });
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      expect(JSON.stringify(response)).not.toContain(token); // errors never echo the token
    },
  );

  it('refuses an Authorization header that is not "Bearer <token>"', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string }; message: string }[] };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toContain('"Bearer <token>"');
  });

  it('refuses a token whose role is not one of the contract roles', async () => {
    const token = await tokenFor({ role: 'SUPERUSER' as Role, org: 'x' });
    expect(errorCodes(await gql(api.url, '{ me { role } }', { token }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a graphql-ws connection without a token: closed with 4403 before any operation runs', async () => {
    const client = wsClient(api.url);
    try {
      const closed = new Promise<{ code: number }>((resolve) =>
        client.on('closed', (event) => resolve(event as { code: number })),
      );
      const subscription = collect(client, 'subscription { capacityChanged { id } }');
      expect((await closed).code).toBe(4403);
      await subscription.waitFor(1);
      expect(subscription.received.some((message) => message.data)).toBe(false);
    } finally {
      await client.dispose();
    }
  });

  it('never answers with a stack trace for an unexpected input shape', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": 42}',
    });
    const text = await response.text();
    expect(response.status).toBeLessThan(500);
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});
