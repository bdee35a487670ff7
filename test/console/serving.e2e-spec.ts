import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Role } from '@opvangplek/domain';
import { gql } from '../support/graphql-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { REPO_ROOT } from '../support/test-env';
import { tokenFor } from '../support/tokens';

const CONSOLE_DIR = path.join(REPO_ROOT, 'dist', 'console');

/** The policy the console needs and nothing more (see contentSecurityPolicy in libs/platform/src/http). */
const STRICT_CSP =
  "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self';img-src 'self';font-src 'self';" +
  "connect-src 'self';worker-src 'self';manifest-src 'self';object-src 'none';base-uri 'self';form-action 'self';" +
  "frame-ancestors 'none'";

/**
 * How the API serves the console: its files and pages at `/`, never in the way of the API's own
 * paths, its public configuration, a strict CSP, and a clear word when it was not built.
 */
describe('the console as served by the API', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  describe('built (dist/console)', () => {
    let api: TestApp;
    beforeAll(async () => {
      if (!existsSync(path.join(CONSOLE_DIR, 'index.html')))
        throw new Error(`${CONSOLE_DIR}/index.html is missing: run \`npm run build\` (npm run test:all does)`);
      api = await startTestApp(database.url);
    });
    afterAll(async () => {
      await api.close();
    });

    it('serves the console at / and at every page path (SPA fallback), always revalidated', async () => {
      for (const page of ['/', '/beds', '/desk', '/request/some-id']) {
        const response = await fetch(`${api.url}${page}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('text/html');
        expect(response.headers.get('cache-control')).toBe('no-cache');
        expect(await response.text()).toContain('<div id="root"></div>');
      }
    });

    it('serves the hashed assets with a long cache, and a missing asset is a 404, not the page', async () => {
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(path.join(CONSOLE_DIR, 'index.html'), 'utf8'))![1];
      const asset = await fetch(`${api.url}${script}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toContain('javascript');
      expect(asset.headers.get('cache-control')).toContain('immutable');
      await asset.arrayBuffer();
      const missing = await fetch(`${api.url}/assets/missing-0000.js`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).not.toContain('<div id="root">');
    });

    it('serves the web manifest (installable: name, start at /, standalone, theme colours, icons it serves), revalidated', async () => {
      const response = await fetch(`${api.url}/manifest.webmanifest`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/manifest+json');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const manifest = (await response.json()) as Record<string, unknown> & {
        icons: { src: string; type: string; purpose: string }[];
      };
      expect(manifest).toMatchObject({ name: 'Opvangplek', start_url: '/', scope: '/', display: 'standalone' });
      expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(manifest.icons.map((icon) => icon.purpose).sort()).toEqual(['any', 'maskable']);
      for (const icon of manifest.icons) {
        const image = await fetch(`${api.url}${icon.src}`);
        expect(image.status).toBe(200);
        expect(image.headers.get('content-type')).toContain(icon.type);
        expect(await image.text()).toContain('<svg');
      }
      // The page names it, so browsers find it.
      expect(await (await fetch(`${api.url}/beds`)).text()).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    });

    it('serves the service worker from the console origin, as JavaScript, always revalidated', async () => {
      const response = await fetch(`${api.url}/sw.js`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('javascript');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const script = await response.text();
      // It leaves the API to the network: nothing of GraphQL is cached, queued or replayed by it.
      expect(script).toContain("'/graphql'");
      expect(script).toContain("request.method !== 'GET'");
    });

    it('sends a strict CSP with the page: own scripts and connections only, nothing inline, no framing', async () => {
      const csp = (await fetch(`${api.url}/`)).headers.get('content-security-policy');
      expect(csp).toBe(STRICT_CSP);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:|https:/);
    });

    it('leaves /graphql, /health, /ready and /export/* to the API', async () => {
      const token = await tokenFor({ role: Role.PLANNER, org: 'gemeente', regions: ['RR'] });
      expect(await (await fetch(`${api.url}/health`)).json()).toEqual({ status: 'ok' });
      expect((await fetch(`${api.url}/ready`)).headers.get('content-type')).toContain('application/json');
      expect((await gql(api.url, '{ me { role } }', { token })).data).toEqual({ me: { role: 'PLANNER' } });
      const browserGet = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await browserGet.text()).not.toContain('<div id="root">');
      const csv = await fetch(`${api.url}/export/capacity-overview.csv`, { headers: { authorization: `Bearer ${token}` } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect((await csv.text()).split('\n')[0]).toContain('region,regionName,type');
      const unknownExport = await fetch(`${api.url}/export/nothing-here`, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/html' },
      });
      expect(unknownExport.status).toBe(404);
      expect(await unknownExport.text()).not.toContain('<div id="root">');
    });

    it('tells the console, without a token, that there is no identity provider (paste a token)', async () => {
      const response = await fetch(`${api.url}/console/config.json`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ oidc: null, development: true });
    });
  });

  describe('with an identity provider configured', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApp(database.url, {
        env: {
          OIDC_ISSUER: 'https://login.example.nl/realms/ketenpartners',
          OIDC_CLIENT_ID: 'opvangplek-console',
          OIDC_SCOPE: 'openid profile opvangplek',
        },
      });
    });
    afterAll(async () => {
      await api.close();
    });

    it('gives the console the issuer, client id and scope', async () => {
      expect(await (await fetch(`${api.url}/console/config.json`)).json()).toEqual({
        oidc: {
          issuer: 'https://login.example.nl/realms/ketenpartners',
          clientId: 'opvangplek-console',
          scope: 'openid profile opvangplek',
        },
        development: true,
      });
    });

    it('lets the console talk to that issuer and no other origin', async () => {
      const csp = (await fetch(`${api.url}/`)).headers.get('content-security-policy')!;
      expect(csp).toBe(STRICT_CSP.replace("connect-src 'self'", "connect-src 'self' https://login.example.nl"));
    });
  });

  describe('not built', () => {
    let api: TestApp;
    let emptyDir: string;
    beforeAll(async () => {
      emptyDir = mkdtempSync(path.join(os.tmpdir(), 'opvangplek-no-console-'));
      api = await startTestApp(database.url, { env: { CONSOLE_DIR: emptyDir } });
    });
    afterAll(async () => {
      await api.close();
      rmSync(emptyDir, { recursive: true, force: true });
    });

    it('still starts, and says at / what is missing and what works', async () => {
      const response = await fetch(`${api.url}/`);
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).toContain('The Opvangplek console is not built');
      expect(text).toContain('npm run build');
      expect(text).toContain(path.join(emptyDir, 'index.html'));
      expect((await fetch(`${api.url}/health`)).status).toBe(200);
      const token = await tokenFor({ role: Role.ADMIN, org: 'beheer' });
      expect((await gql(api.url, '{ me { role } }', { token })).data).toEqual({ me: { role: 'ADMIN' } });
    });
  });
});
