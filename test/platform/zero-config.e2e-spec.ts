import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { freePort } from '@opvangplek/platform/database';
import { gql } from '../support/graphql-client';
import { distEntry, type RunningProcess, startProcess } from '../support/test-processes';

/**
 * `npm start` with nothing configured: embedded PostgreSQL under DATA_DIR, BullMQ on PostgreSQL,
 * the national register loaded on first start, and a token from `npm run token` that it accepts.
 */
describe('zero-config mode (embedded PostgreSQL, PostgreSQL queue backend)', () => {
  let dataDir: string;
  let service: RunningProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'opvangplek-zero-config-'));
    // Nothing but a data directory and a port: no DATABASE_URL, no REDIS_URL.
    service = await startProcess('standalone', { DATA_DIR: dataDir }, { port: await freePort(), timeoutMs: 60_000 });
  }, 90_000);

  afterAll(async () => {
    await service?.stop('SIGINT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints where to open it and how to get a token', () => {
    expect(service.output()).toContain(`Console (browser):   ${service.url}/`);
    expect(service.output()).toContain(`${service.url}/#token=ey`);
    expect(service.output()).toContain(`GraphQL (HTTP):      ${service.url}/graphql`);
    expect(service.output()).toContain('GraphQL (WebSocket): ws://127.0.0.1:');
    expect(service.output()).toContain('npm run token -- --role');
    expect(service.output()).toContain('postgres (BullMQ on PostgreSQL, no Redis needed)');
  });

  it('answers a query with a token from `npm run token` for the same DATA_DIR', async () => {
    const token = execFileSync(
      process.execPath,
      [distEntry('cli'), 'token', '--role', 'POLICE', '--org', 'avim-rotterdam', '--regions', 'RR'],
      {
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
      },
    )
      .toString()
      .trim();
    const response = await gql<{ regions: { code: string }[]; facilities: { type: string }[] }>(
      service.url,
      '{ regions { code } facilities(filter: { regionCodes: ["RR"], types: [NOODBED] }) { type } }',
      { token },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.regions).toHaveLength(35);
    expect(response.data!.facilities.length).toBeGreaterThan(0);
  });

  it('serves the console at /', async () => {
    const page = await fetch(`${service.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
  });

  it('is ready: database and queue backend answer', async () => {
    const ready = await fetch(`${service.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up', queue: 'up' });
  });

  it('stops cleanly on SIGINT, and starts again on the same data without loading the register twice', async () => {
    expect(await service.stop('SIGINT')).toBe(0);
    service = await startProcess('standalone', { DATA_DIR: dataDir }, { port: await freePort(), timeoutMs: 60_000 });
    expect(service.output()).not.toContain('first start: national register loaded');
  }, 90_000);
});
