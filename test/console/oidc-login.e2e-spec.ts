import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Role } from '@opvangplek/domain';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { Browser } from 'playwright-core';
import { insertFacilities, newFacility } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { describeInBrowser, launchBrowser, openPage, screenshot } from './browser';

const CLIENT_ID = 'opvangplek-console';
const AUDIENCE = 'opvangplek';

/** What the provider saw of one authorization request, and of the code exchange that followed. */
interface Grant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  challengeMethod: string;
  state: string;
  nonce: string | undefined;
  scope: string;
  /** Set by /token: the verifier the console sent, and whether it matched the challenge. */
  verifier?: string;
  verifierMatched?: boolean;
  used: boolean;
}

/**
 * A SIMULATED OpenID Connect provider (a small node:http server on 127.0.0.1, not a real identity
 * provider): discovery, JWKS, /authorize that redirects straight back with a code (no login form),
 * and /token that checks the code, PKCE (S256), client_id and redirect_uri before issuing an RS256
 * access token for the API and an id_token for the console.
 */
async function startSimulatedProvider(claims: Record<string, unknown>) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'sim-idp-1', alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const log = {
    authorize: [] as Grant[],
    tokenRefusals: [] as string[],
    jwksFetches: 0,
    issuedAccessTokens: [] as string[],
    origins: new Set<string>(),
  };
  let issuer = '';
  let consoleOrigin = '';

  const sign = (payload: Record<string, unknown>, audience: string) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: 'sim-idp-1', typ: 'JWT' })
      .setSubject('p.jansen@rotterdam.example')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(body));
  };
  const cors = (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers.origin) log.origins.add(request.headers.origin);
    // Only the console's origin may read these answers from a page.
    response.setHeader('access-control-allow-origin', consoleOrigin);
    response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    response.setHeader('access-control-allow-headers', 'content-type, authorization, accept');
    response.setHeader('vary', 'origin');
  };
  const readBody = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', issuer);
      if (['/.well-known/openid-configuration', '/jwks', '/token'].includes(url.pathname)) cors(request, response);
      if (request.method === 'OPTIONS') return void response.writeHead(204).end();

      if (url.pathname === '/.well-known/openid-configuration') {
        return json(response, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          response_modes_supported: ['query'],
          grant_types_supported: ['authorization_code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['none'],
          scopes_supported: ['openid', 'profile'],
        });
      }
      if (url.pathname === '/jwks') {
        log.jwksFetches++;
        return json(response, 200, { keys: [jwk] });
      }
      if (url.pathname === '/authorize' && request.method === 'GET') {
        const q = url.searchParams;
        const grant: Grant = {
          clientId: q.get('client_id') ?? '',
          redirectUri: q.get('redirect_uri') ?? '',
          challenge: q.get('code_challenge') ?? '',
          challengeMethod: q.get('code_challenge_method') ?? '',
          state: q.get('state') ?? '',
          nonce: q.get('nonce') ?? undefined,
          scope: q.get('scope') ?? '',
          used: false,
        };
        log.authorize.push(grant);
        const problem =
          q.get('response_type') !== 'code'
            ? 'response_type must be code'
            : grant.clientId !== CLIENT_ID
              ? 'unknown client_id'
              : grant.redirectUri !== `${consoleOrigin}/`
                ? 'redirect_uri is not registered for this client'
                : grant.challengeMethod !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(grant.challenge)
                  ? 'PKCE with S256 is required'
                  : grant.state === ''
                    ? 'state is required'
                    : !grant.scope.split(' ').includes('openid')
                      ? 'scope must include openid'
                      : null;
        // Errors about the client or its redirect_uri are shown, never redirected (RFC 6749 §4.1.2.1).
        if (problem) return json(response, 400, { error: 'invalid_request', error_description: problem });
        const code = randomBytes(24).toString('base64url');
        grants.set(code, grant);
        const back = new URL(grant.redirectUri);
        back.searchParams.set('code', code);
        back.searchParams.set('state', grant.state);
        response.writeHead(302, { location: back.toString() });
        return void response.end();
      }
      if (url.pathname === '/token' && request.method === 'POST') {
        const form = await readBody(request);
        const code = form.get('code') ?? '';
        const grant = grants.get(code);
        const refuse = (reason: string, error = 'invalid_grant') => {
          log.tokenRefusals.push(reason);
          json(response, 400, { error, error_description: reason });
        };
        if (form.get('grant_type') !== 'authorization_code')
          return refuse('grant_type must be authorization_code', 'unsupported_grant_type');
        if (!grant) return refuse('unknown code');
        if (grant.used) return refuse('code already used');
        grant.used = true; // one attempt per code, whatever its outcome
        if (form.get('client_id') !== grant.clientId)
          return refuse('client_id does not match the authorization request', 'invalid_client');
        if (form.get('redirect_uri') !== grant.redirectUri)
          return refuse('redirect_uri does not match the authorization request');
        const verifier = form.get('code_verifier') ?? '';
        grant.verifier = verifier;
        grant.verifierMatched = createHash('sha256').update(verifier).digest('base64url') === grant.challenge;
        if (!grant.verifierMatched) return refuse('code_verifier does not match the code_challenge');
        const accessToken = await sign(claims, AUDIENCE);
        const idToken = await sign({ ...(grant.nonce ? { nonce: grant.nonce } : {}), name: 'P. Jansen' }, grant.clientId);
        log.issuedAccessTokens.push(accessToken);
        return json(response, 200, {
          access_token: accessToken,
          id_token: idToken,
          token_type: 'Bearer',
          expires_in: 300,
          scope: grant.scope,
        });
      }
      json(response, 404, { error: 'not_found' });
    })().catch((error: Error) => json(response, 500, { error: 'server_error', error_description: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    issuer,
    log,
    /** The console's origin, once the API is up (CORS and the registered redirect_uri follow it). */
    setConsoleOrigin: (origin: string) => (consoleOrigin = origin),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The console's production login, end to end in Chromium: the API configured with OIDC_ISSUER /
 * OIDC_CLIENT_ID and verifying bearer tokens against the (simulated) provider's JWKS; the person
 * clicks "Inloggen via uw organisatie", oidc-client-ts does authorization code + PKCE, and the
 * console works with the access token the provider issued.
 */
describeInBrowser('the console logs in through an OIDC identity provider (simulated)', () => {
  let database: TestDatabase;
  let api: TestApp;
  let browser: Browser;
  let provider: Awaited<ReturnType<typeof startSimulatedProvider>>;
  let shelter: { id: string; name: string };

  beforeAll(async () => {
    provider = await startSimulatedProvider({ role: Role.PLANNER, org: 'gemeente-rotterdam', regions: ['RR'], facilityIds: [] });
    database = await createTestDatabase();
    [shelter] = await insertFacilities(database.dataSource, [
      newFacility({ name: 'Vrouwenopvang De Haven', capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 } }),
    ]);
    api = await startTestApp(database.url, {
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        JWT_JWKS_URL: `${provider.issuer}/jwks`,
        JWT_ISSUER: provider.issuer,
        JWT_AUDIENCE: AUDIENCE,
      },
    });
    provider.setConsoleOrigin(new URL(api.url).origin);
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await database?.drop();
    await provider?.close();
  });

  it("authorization code + PKCE (S256): the console is logged in with the role of the provider's token and reads the API", async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${api.url}/`);
    await page.getByRole('button', { name: 'Inloggen via uw organisatie' }).click();

    // Provider → back to the console with ?code&state → code exchange → the planner's landing screen.
    await page.getByRole('heading', { name: 'Planning', level: 1 }).waitFor();
    expect(await page.getByTestId('who').textContent()).toBe('Planner · gemeente-rotterdam · RR');
    // The code and state are gone from the address.
    expect(new URL(page.url()).search).toBe('');

    // One authorization request with a PKCE S256 challenge and state; the verifier matched. (No nonce:
    // oidc-client-ts 3 sends one only when asked; PKCE is what binds the code to this browser. Had one
    // been sent, the id_token would carry it and oidc-client-ts would compare them.)
    expect(provider.log.authorize).toHaveLength(1);
    const [grant] = provider.log.authorize;
    expect(grant).toMatchObject({
      clientId: CLIENT_ID,
      redirectUri: `${api.url}/`,
      challengeMethod: 'S256',
      used: true,
      verifierMatched: true,
    });
    expect(grant.scope.split(' ')).toContain('openid');
    expect(grant.state).not.toBe('');
    expect(grant.verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(provider.log.tokenRefusals).toEqual([]);
    // The browser called the provider (discovery, token) from the console's origin, and nothing else did.
    expect([...provider.log.origins]).toEqual([new URL(api.url).origin]);

    // The bearer the console keeps is the provider's access token (not the id_token) …
    expect(provider.log.issuedAccessTokens).toHaveLength(1);
    expect(
      await page.evaluate(() =>
        (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem(
          'opvangplek.token',
        ),
      ),
    ).toBe(provider.log.issuedAccessTokens[0]);
    // … and the API accepted it, verified against the provider's JWKS: the bed board lists facilities.
    await page.getByRole('navigation').getByRole('link', { name: 'Beddenbord' }).click();
    const row = page.locator(`li[data-facility-id="${shelter.id}"]`);
    await row.getByTestId('available').filter({ hasText: /^5$/ }).waitFor();
    expect(await row.locator('.facility-name').textContent()).toBe(shelter.name);
    expect(provider.log.jwksFetches).toBeGreaterThan(0);

    await screenshot(page, 'oidc-login');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a code tampered with on its way back is refused: the console stays logged out and says why', async () => {
    const { page, problems, context } = await openPage(browser);
    const refusalsBefore = provider.log.tokenRefusals.length;
    // Between the provider and the console, the code in the redirect is swapped for another one.
    await page.route(`${provider.issuer}/authorize?*`, async (route) => {
      const answer = await route.fetch({ maxRedirects: 0 });
      const location = new URL(answer.headers().location);
      location.searchParams.set('code', randomBytes(24).toString('base64url'));
      await route.fulfill({ status: 302, headers: { location: location.toString() } });
    });
    await page.goto(`${api.url}/`);
    await page.getByRole('button', { name: 'Inloggen via uw organisatie' }).click();

    await page.getByRole('alert').filter({ hasText: 'Inloggen via uw organisatie is niet gelukt' }).waitFor();
    expect(provider.log.tokenRefusals.slice(refusalsBefore)).toEqual(['unknown code']);
    expect(await page.getByRole('button', { name: 'Inloggen via uw organisatie' }).count()).toBe(1);
    expect(await page.getByTestId('who').count()).toBe(0);
    expect(
      await page.evaluate(() =>
        (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem(
          'opvangplek.token',
        ),
      ),
    ).toBeNull();
    expect(new URL(page.url()).search).toBe('');
    // The refused exchange is the one problem Chromium reports (the 400 of /token), nothing else.
    expect(problems.filter((problem) => !/status of 400 \(Bad Request\)/.test(problem))).toEqual([]);
    expect(problems.length).toBeLessThanOrEqual(1);
    await context.close();
  });
});
