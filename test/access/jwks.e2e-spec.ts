import { createServer, type Server } from 'node:http';
import { Role } from '@opvangplek/domain';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { errorCodes, gql } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

/**
 * Production identity: tokens from an organisation's identity provider, verified against its key
 * set (JWKS). The provider is simulated by a small HTTP server on 127.0.0.1 serving an RS256 key.
 */
describe('tokens verified against an identity provider (JWKS)', () => {
  let database: TestDatabase;
  let api: TestApp;
  let jwks: Server;
  let jwksUrl: string;
  let sign: (claims: Record<string, unknown>, options?: { issuer?: string; kid?: string }) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/.well-known/jwks.json`;
    sign = (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'idp-key-1' })
        .setSubject('k.de.vries@politie.example')
        .setIssuer(options.issuer ?? 'https://idp.politie.example')
        .setAudience('opvangplek')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);

    database = await createTestDatabase();
    api = await startTestApp(database.url, {
      env: {
        NODE_ENV: 'production',
        NOTES_KEY: Buffer.alloc(32, 7).toString('base64'),
        JWT_JWKS_URL: jwksUrl,
        JWT_ISSUER: 'https://idp.politie.example',
        JWT_AUDIENCE: 'opvangplek',
      },
    });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it("accepts a token signed by the provider's key, with the contract's claims", async () => {
    const token = await sign({ role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] });
    const response = await gql(api.url, '{ me { sub role org regions } }', { token });
    expect(response.data).toEqual({
      me: { sub: 'k.de.vries@politie.example', role: 'POLICE', org: 'avim-rotterdam', regions: ['RR'] },
    });
  });

  it('refuses a token from another issuer, with an unknown key, or signed with the development secret', async () => {
    const otherIssuer = await sign({ role: Role.POLICE, org: 'x' }, { issuer: 'https://evil.example' });
    const unknownKey = await sign({ role: Role.POLICE, org: 'x' }, { kid: 'not-published' });
    const development = await tokenFor({ role: Role.ADMIN, org: 'x' });
    for (const token of [otherIssuer, unknownKey, development]) {
      expect(errorCodes(await gql(api.url, '{ me { role } }', { token }))).toEqual(['UNAUTHENTICATED']);
    }
  });
});
