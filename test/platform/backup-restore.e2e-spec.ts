import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { sealAuditLog, verifyAuditLog } from '@opvangplek/access/audit/audit-sealer';
import { ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import { gql } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import type { TestApp } from '../support/test-app';
import { TEST_AUDIT_KEY } from '../support/test-config';
import { facilityOf, PlacementClient, POLISH_WORKER, startPlacementApp, stopApp, token } from '../placement/support';

const run = promisify(execFile);

/**
 * The backup an operator makes (README, "Backup and restore"): `pg_dump --format=custom` of the
 * database, restored with `pg_restore` into an empty one, with the same NOTES_KEY, AUDIT_KEY and
 * anchor file. Uses the machine's pg_dump and pg_restore (CI installs them with PostgreSQL).
 */
describe('a backup restored (issue 15): nothing lost, profiles open, the audit chain verifies', () => {
  const clock = new FixedClock(new Date());
  const work = mkdtempSync(path.join(tmpdir(), 'opvangplek-backup-'));
  const anchorFile = path.join(work, 'audit-anchor.jsonl');
  const chain = { key: Buffer.from(TEST_AUDIT_KEY, 'base64'), anchorFile };
  // The keys live outside the database: a restore needs the same ones (README, "Backup and restore").
  const keys = { AUDIT_ANCHOR_FILE: anchorFile, NOTES_KEY: randomBytes(32).toString('base64') };
  let original: TestDatabase;
  let restored: TestDatabase;
  let api: TestApp | undefined;
  let requestId: string;

  beforeAll(async () => {
    original = await createTestDatabase();
    await insertFacilities(original.dataSource, [facilityOf(ShelterType.NLA_CRISIS, 0, { total: 4 })], { now: clock.now() });
    api = await startPlacementApp(original.url, clock, keys);
    const nla = await token.nla();
    const client = new PlacementClient(api.url);
    requestId = (await client.request(nla, { profile: POLISH_WORKER, urgency: 'URGENT' })).id;
    await client.waitForStatus(nla, requestId, ['WAITING']);
    await stopApp(api, undefined);
    api = undefined;
    await sealAuditLog(original.dataSource, chain);

    const dump = path.join(work, 'opvangplek.dump');
    await run('pg_dump', ['--format=custom', `--file=${dump}`, original.url]);
    restored = await createTestDatabase({ empty: true });
    await run('pg_restore', ['--exit-on-error', '--single-transaction', `--dbname=${restored.url}`, dump]);
  });
  afterAll(async () => {
    await stopApp(api, restored);
    await original?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('the restored audit chain verifies against the anchors written before the backup', async () => {
    const before = await verifyAuditLog(original.dataSource, chain);
    const after = await verifyAuditLog(restored.dataSource, chain);
    expect(after.broken).toBeNull();
    expect(after.foreign).toEqual([]);
    expect(after.rows).toBe(before.rows);
    expect(after.rows).toBeGreaterThan(0);
    expect(after.anchors).toBeGreaterThan(0);
  });

  it('the service starts on the restored database and the waiting request is there, its profile readable', async () => {
    api = await startPlacementApp(restored.url, clock, keys);
    const nla = await token.nla();
    const client = new PlacementClient(api.url);
    const request = await client.get(nla, requestId);
    expect(request).toMatchObject({ id: requestId, status: 'WAITING', waitingReason: 'NO_CAPACITY' });
    expect(request.history.map((step) => step.status)).toEqual(['RECEIVED', 'MATCHING', 'WAITING']);
    // Sealed at rest: readable only with the same NOTES_KEY, which the restore does not touch.
    const summary = await gql<{ placementRequest: { profileSummary: { gender: string; ageBand: string } } }>(
      api.url,
      `{ placementRequest(id: "${requestId}") { profileSummary { gender ageBand } } }`,
      { token: nla },
    );
    expect(summary.data?.placementRequest.profileSummary).toEqual({ gender: POLISH_WORKER.gender, ageBand: '30-39' });
  });
});
