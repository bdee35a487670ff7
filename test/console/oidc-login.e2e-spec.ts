import { createHash, randomBytes } from 'node:crypto';
import { Role } from '@opvangplek/domain';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Page } from 'playwright-core';
import { errorCodes, gql } from '../support/graphql-client';
import { insertFacilities, newFacility } from '../support/factories';
import { OpenIdProvider, type ProviderSettings } from '../support/openid-provider/openid-provider';
import { startTestApp } from '../support/test-app';
import { describeInBrowser, screenshot } from './browser';
import { useConsoleHarness } from './console-harness';

const CLIENT_ID = 'opvangplek-console';
/** The API as the provider's resource server: its resource indicator, the `aud` of its tokens, its scope. */
const API_RESOURCE = { indicator: 'urn:opvangplek:api', audience: 'opvangplek', scope: 'opvangplek' };
const COORDINATOR = 'a.de.boer@zorgcoordinatie-rotterdam.example';
const LOGIN_BUTTON = 'Inloggen via uw organisatie';

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

const storedBearer = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem(
      'opvangplek.token',
    ),
  );

/**
 * The console's production login in Chromium against a REAL OpenID provider: the `oidc-provider`
 * package, started by this spec on 127.0.0.1 (in a child process: it is ESM-only). The API verifies
 * the provider's JWT access tokens against its JWKS; a zorgcoördinator at a laptop logs in through
 * the provider's own login and consent forms. Every page is checked for problems (a CSP violation is
 * a console error). Not real: the provider's forms are its development forms (any password), and
 * its Google web font is answered with an empty stylesheet (no internet here).
 */
describeInBrowser('the console logs in through a real OpenID provider (oidc-provider)', () => {
  let provider: OpenIdProvider;
  let discovery: Discovery;
  let shelter: { id: string; name: string };

  const settings = (overrides: Partial<ProviderSettings> = {}): ProviderSettings => ({
    client: { clientId: CLIENT_ID, redirectUri: `${harness.api.url}/` },
    api: API_RESOURCE,
    accounts: {
      [COORDINATOR]: {
        name: 'A. de Boer',
        claims: { role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'], facilityIds: [] },
      },
    },
    signingKeys: ['key-1'],
    accessTokenTtlSeconds: 300,
    ...overrides,
  });

  /** A fresh browser (no provider session) with the provider's web font answered locally. */
  async function freshPage() {
    const opened = await harness.newPage();
    await opened.context.route('https://fonts.googleapis.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/css', body: '' }),
    );
    return opened;
  }

  /** From the console's login screen through the provider's login form to its consent screen. */
  async function signInAtProvider(page: Page) {
    await page.goto(`${harness.api.url}/`);
    await page.getByRole('button', { name: LOGIN_BUTTON }).click();
    await page.getByRole('heading', { name: 'Sign-in' }).waitFor();
    expect(new URL(page.url()).origin).toBe(provider.issuer);
    await page.locator('input[name="login"]').fill(COORDINATOR);
    await page.locator('input[name="password"]').fill('any password: development interactions');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('heading', { name: 'Authorize' }).waitFor();
  }

  /** Logs in and consents; returns once the console shows the coordinator's landing screen. */
  async function logIn(page: Page): Promise<string> {
    await signInAtProvider(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Aanvraag', level: 1 }).waitFor();
    const token = await storedBearer(page);
    if (!token) throw new Error('logged in, but no bearer token is stored');
    return token;
  }

  /** What the API answers `me` with this token: its error codes and first message (none when accepted). */
  const askApi = async (token: string) => {
    const response = await gql(harness.api.url, '{ me { role } }', { token });
    return { codes: errorCodes(response), message: response.errors?.[0]?.message ?? '' };
  };

  // The provider first: the app is started with its issuer and keys.
  beforeAll(async () => {
    provider = await OpenIdProvider.start();
  });

  const harness = useConsoleHarness({
    async register(dataSource) {
      [shelter] = await insertFacilities(dataSource, [
        newFacility({ name: 'Vrouwenopvang De Haven', capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 } }),
      ]);
    },
    startApp: (databaseUrl) =>
      startTestApp(databaseUrl, {
        env: {
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: CLIENT_ID,
          OIDC_SCOPE: `openid profile ${API_RESOURCE.scope}`,
          JWT_JWKS_URL: provider.jwksUrl,
          JWT_ISSUER: provider.issuer,
          JWT_AUDIENCE: API_RESOURCE.audience,
        },
      }),
  });

  beforeAll(async () => {
    await provider.configure(settings());
    discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as Discovery;
  });

  // After the harness has stopped the app (jest runs a describe's after-hooks in the order declared).
  afterAll(async () => {
    await provider?.stop();
  });

  it('discovery, PKCE and consent: the console finds the endpoints, the provider refuses an exchange without the right verifier, the console logs in with the role of its token', async () => {
    await provider.configure(settings());
    const { page, problems, context } = await freshPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${request.url().split('?')[0]}`));
    let authorization: URL | undefined;
    page.on('request', (request) => {
      if (request.url().startsWith(`${discovery.authorization_endpoint}?`)) authorization = new URL(request.url());
    });
    // Before the console's own code exchange goes out, the same exchange without the verifier and
    // with a wrong one: both must be refused (and, refused, must not use up the code).
    const exchanges: { verifier: string; status: number; error: string }[] = [];
    let consoleVerifier = '';
    await page.route(discovery.token_endpoint, async (route) => {
      const form = new URLSearchParams(route.request().postData() ?? '');
      consoleVerifier = form.get('code_verifier') ?? '';
      for (const verifier of ['', randomBytes(32).toString('base64url')]) {
        const attempt = new URLSearchParams(form);
        if (verifier) attempt.set('code_verifier', verifier);
        else attempt.delete('code_verifier');
        const response = await fetch(discovery.token_endpoint, { method: 'POST', body: attempt });
        exchanges.push({ verifier, status: response.status, error: ((await response.json()) as { error: string }).error });
      }
      await route.continue();
    });

    const refusalsBefore = provider.refusals.length;
    await signInAtProvider(page);
    // Consent: the provider asks for the API's scope on behalf of the console.
    const consent = await page.locator('.login-card').textContent();
    expect(consent).toContain(API_RESOURCE.indicator);
    expect(consent).toContain(API_RESOURCE.scope);
    await screenshot(page, 'oidc-consent');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Aanvraag', level: 1 }).waitFor();
    expect(await page.getByTestId('who').textContent()).toBe('Zorgcoördinator · zorgcoordinatie-rotterdam · RR');
    expect(new URL(page.url()).search).toBe('');

    // Discovery: the console read the provider's metadata and used the endpoints it names.
    expect(requests).toContain(`GET ${provider.issuer}/.well-known/openid-configuration`);
    expect(requests).toContain(`POST ${discovery.token_endpoint}`);
    // PKCE: an S256 challenge in the authorization request, the matching verifier in the exchange.
    expect(authorization?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization?.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorization?.searchParams.get('redirect_uri')).toBe(`${harness.api.url}/`);
    expect(consoleVerifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(createHash('sha256').update(consoleVerifier).digest('base64url')).toBe(
      authorization?.searchParams.get('code_challenge'),
    );
    expect(exchanges).toEqual([
      { verifier: '', status: 400, error: 'invalid_grant' },
      { verifier: expect.any(String), status: 400, error: 'invalid_grant' },
    ]);
    expect(provider.refusals.slice(refusalsBefore)).toEqual([
      expect.objectContaining({ event: 'grant.error', error: 'invalid_grant' }),
      expect.objectContaining({ event: 'grant.error', error: 'invalid_grant' }),
    ]);

    // The bearer is the provider's JWT access token for the API, signed with its current key,
    // carrying the claims the API maps to role, organisation and regions …
    const token = (await storedBearer(page))!;
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: 'key-1' });
    expect(decodeJwt(token)).toMatchObject({
      iss: provider.issuer,
      aud: API_RESOURCE.audience,
      sub: COORDINATOR,
      role: Role.ZORGCOORDINATOR,
      org: 'zorgcoordinatie-rotterdam',
      regions: ['RR'],
    });
    // … which the API accepts: the bed board lists the shelter.
    await page.getByRole('navigation').getByRole('link', { name: 'Beddenbord' }).click();
    const row = page.locator(`li[data-facility-id="${shelter.id}"]`);
    await row.getByTestId('available').filter({ hasText: /^5$/ }).waitFor();

    await screenshot(page, 'oidc-login');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refusing consent leaves the console logged out, saying so in Dutch', async () => {
    await provider.configure(settings());
    const { page, problems, context } = await freshPage();
    await signInAtProvider(page);
    await page.getByRole('link', { name: '[ Cancel ]' }).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Inloggen via uw organisatie is niet gelukt: u heeft de console geen toestemming gegeven, dus u bent niet ingelogd. ' +
        'Kies opnieuw “Inloggen via uw organisatie” als u dat wel wilt.',
    );
    expect(await page.getByRole('button', { name: LOGIN_BUTTON }).count()).toBe(1);
    expect(await page.getByTestId('who').count()).toBe(0);
    expect(await storedBearer(page)).toBeNull();
    expect(new URL(page.url()).search).toBe('');
    await screenshot(page, 'oidc-consent-refused');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a code other than the one the provider issued is refused at the exchange: the console stays logged out and says why', async () => {
    await provider.configure(settings());
    const { page, problems, context } = await freshPage();
    // The code is swapped as the console sends it to the token endpoint. (Rewriting the redirect back
    // instead is out of reach: Playwright routes only the first request of a redirect chain, and the
    // provider's redirect to the console is the third of its consent form's chain.)
    let swapped = false;
    await page.route(discovery.token_endpoint, async (route) => {
      const form = new URLSearchParams(route.request().postData() ?? '');
      form.set('code', randomBytes(32).toString('base64url'));
      swapped = true;
      await route.continue({ postData: form.toString() });
    });
    const refusalsBefore = provider.refusals.length;
    await signInAtProvider(page);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page
      .getByRole('alert')
      .filter({ hasText: 'Inloggen via uw organisatie is niet gelukt: uw organisatie weigerde de inlogcode' })
      .waitFor();
    expect(swapped).toBe(true);
    expect(provider.refusals.slice(refusalsBefore)).toEqual([
      expect.objectContaining({ event: 'grant.error', error: 'invalid_grant' }),
    ]);
    expect(await page.getByTestId('who').count()).toBe(0);
    expect(await storedBearer(page)).toBeNull();
    expect(new URL(page.url()).search).toBe('');
    // The refused exchange is the one problem Chromium reports (the 400 of the token endpoint).
    expect(problems.filter((problem) => !/status of 400 \(Bad Request\)/.test(problem))).toEqual([]);
    expect(problems.length).toBeLessThanOrEqual(1);
    await context.close();
  });

  it("key rotation: the API accepts the new key's tokens at once, keeps the previous key while it is published, refuses a removed key's", async () => {
    await provider.configure(settings({ signingKeys: ['key-1'] }));
    const first = await freshPage();
    const signedByKey1 = await logIn(first.page);
    expect(decodeProtectedHeader(signedByKey1).kid).toBe('key-1');

    // The provider starts signing with key-2; key-1 stays in its JWKS.
    await provider.configure(settings({ signingKeys: ['key-2', 'key-1'] }));
    const second = await freshPage();
    const signedByKey2 = await logIn(second.page);
    expect(decodeProtectedHeader(signedByKey2).kid).toBe('key-2');
    expect(await second.page.getByTestId('who').textContent()).toBe('Zorgcoördinator · zorgcoordinatie-rotterdam · RR');
    expect((await gql(harness.api.url, '{ me { role } }', { token: signedByKey1 })).data).toEqual({
      me: { role: 'ZORGCOORDINATOR' },
    });

    // Next rotation: key-3 signs, key-2 stays, key-1 is removed.
    await provider.configure(settings({ signingKeys: ['key-3', 'key-2'] }));
    const third = await freshPage();
    const signedByKey3 = await logIn(third.page);
    expect(decodeProtectedHeader(signedByKey3).kid).toBe('key-3');
    expect((await gql(harness.api.url, '{ me { role } }', { token: signedByKey2 })).data).toEqual({
      me: { role: 'ZORGCOORDINATOR' },
    });
    expect(await askApi(signedByKey1)).toEqual({
      codes: ['UNAUTHENTICATED'],
      message: expect.stringContaining('unknown key'),
    });
    // The tab still holding key-1's token is sent back to log in when it asks the API again.
    await first.page.reload();
    await first.page.getByRole('button', { name: 'Inloggen' }).waitFor();
    expect(await first.page.getByTestId('who').count()).toBe(0);

    for (const opened of [first, second, third]) {
      // The reloaded tab's refused `me` is reported by Chromium as a failed request (401): expected.
      expect(opened.problems.filter((problem) => !/status of 401 \(Unauthorized\)/.test(problem))).toEqual([]);
      await opened.context.close();
    }
  });

  it('an expired token: the console warns before, returns to the login screen at expiry, and the API refuses it', async () => {
    await provider.configure(settings({ accessTokenTtlSeconds: 10 }));
    const { page, problems, context } = await freshPage();
    const token = await logIn(page);
    const { exp, iat } = decodeJwt(token);
    expect(exp! - iat!).toBe(10);
    expect(await askApi(token)).toEqual({ codes: [], message: '' });

    await page.getByTestId('session-warning').filter({ hasText: 'Uw sessie verloopt binnen een minuut.' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Uw sessie is verlopen. Log opnieuw in.' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: LOGIN_BUTTON }).count()).toBe(1);
    expect(await storedBearer(page)).toBeNull();

    expect(Date.now()).toBeGreaterThanOrEqual(exp! * 1000);
    expect(await askApi(token)).toEqual({ codes: ['UNAUTHENTICATED'], message: expect.stringContaining('expired') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
