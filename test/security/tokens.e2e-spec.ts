/**
 * Issue 12, part 9 (tokens and persisted queries): tokens with `exp` years ahead and `iat` in the
 * future were accepted; an unknown persisted-query hash gave a 500. Now a token lives at most
 * MAX_TOKEN_HOURS (default 12) from its `iat`, which must be there and not in the future (beyond
 * 60 s of clock skew), and the unknown hash answers with a contract code.
 */
import { TokenVerifier } from '@opvangplek/access/token-verifier';
import { Role } from '@opvangplek/domain';
import { SignJWT } from 'jose';
import { errorCodes, gql } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_JWT_SECRET } from '../support/test-env';
import { tokenFor } from '../support/tokens';

const SIGNING = { issuer: 'opvangplek-dev', audience: 'opvangplek' };
const nowSeconds = () => Math.floor(Date.now() / 1000);

function sign(times: { iat?: number; exp: number }): Promise<string> {
  const jwt = new SignJWT({ role: 'ADMIN', org: 'beheer', regions: [], facilityIds: [] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('lifetime@beheer')
    .setIssuer(SIGNING.issuer)
    .setAudience(SIGNING.audience)
    .setExpirationTime(times.exp);
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  return jwt.sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

describe('token lifetime and persisted queries (issue 12, part 9)', () => {
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

  const me = (token: string) => gql<{ me: { role: string } }>(api.url, '{ me { role } }', { token });

  it('refuses a token whose exp is years ahead, saying why', async () => {
    const response = await me(await sign({ iat: nowSeconds(), exp: nowSeconds() + 5 * 365 * 24 * 3600 }));
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors![0].message).toContain('longer than 12 hours');
  });

  it('refuses a token that lives 13 hours, and one without iat', async () => {
    expect(errorCodes(await me(await sign({ iat: nowSeconds(), exp: nowSeconds() + 13 * 3600 })))).toEqual(['UNAUTHENTICATED']);
    const response = await me(await sign({ exp: nowSeconds() + 600 }));
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors![0].message).toContain('"iat" is missing');
  });

  it('refuses a token issued in the future, beyond a small clock skew', async () => {
    const response = await me(await sign({ iat: nowSeconds() + 3600, exp: nowSeconds() + 7200 }));
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors![0].message).toContain('issued in the future');
    const skewed = await me(await sign({ iat: nowSeconds() + 20, exp: nowSeconds() + 3600 }));
    expect(skewed.data).toEqual({ me: { role: 'ADMIN' } });
  });

  it('accepts a normal 12 h development token (npm run token)', async () => {
    const response = await me(await tokenFor({ role: Role.PLANNER, org: 'gemeente' }));
    expect(response.data).toEqual({ me: { role: 'PLANNER' } });
  });

  it('lets MAX_TOKEN_HOURS allow longer tokens', async () => {
    const token = await sign({ iat: nowSeconds(), exp: nowSeconds() + 13 * 3600 });
    const verifier = new TokenVerifier({ ...SIGNING, secret: TEST_JWT_SECRET, maxTokenHours: 24 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'ADMIN' });
    await expect(new TokenVerifier({ ...SIGNING, secret: TEST_JWT_SECRET }).verify(token)).rejects.toThrow(
      /longer than 12 hours/,
    );
  });

  it('answers an unknown persisted-query hash with a contract code, not a 500', async () => {
    const token = await tokenFor({ role: Role.PLANNER, org: 'gemeente' });
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    });
    expect(response.status).not.toBe(500);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });

  it.each([
    ['an unsupported version', { version: 2 }],
    ['a malformed hash beside a query', { version: 1, sha256Hash: 'abc' }],
  ])('answers a persisted-query extension with %s as BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async (_, persistedQuery) => {
    const token = await tokenFor({ role: Role.PLANNER, org: 'gemeente' });
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { role } }', extensions: { persistedQuery } }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });
});
