import { audit } from '@opvangplek/access/audit/audit';
import { auditHash, GENESIS_HASH, verifyChain } from '@opvangplek/access/audit/audit-chain';
import { auditChainOptions, type AuditChainOptions } from '@opvangplek/access/audit/audit-key';
import { sealAuditLog, verifyAuditLog } from '@opvangplek/access/audit/audit-sealer';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EntityManager } from 'typeorm';
import { testConfig } from '../support/test-config';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 12, path 8: whoever holds the application's database credentials (here the test database
 * URL, a superuser, as the app connects today) switches triggers off with
 * `session_replication_role = replica`, removes or rewrites audit rows, and reseals the chain the
 * old, unkeyed way. Verification (what `npm run audit:verify` runs) must report it.
 */
describe('audit chain tampering with the application database credentials', () => {
  let database: TestDatabase;
  let dataDir: string;
  let chain: AuditChainOptions;

  const actor = (n: number) => ({ sub: `sub-${n}`, role: 'SHELTER_STAFF', org: `org-${n}` });

  /** As the attacker: triggers off for this transaction only. */
  const asAttacker = (work: (manager: EntityManager) => Promise<void>) =>
    database.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await work(manager);
    });

  /** Renumbers and reseals the whole chain with the old unkeyed sha256, as the attack did. */
  const resealTheOldWay = async (manager: EntityManager, alg: 'keep' | 'sha256') => {
    const rows = await manager.query(
      `SELECT id, at, actor_sub AS "actorSub", actor_role AS "actorRole", actor_org AS "actorOrg", action,
         request_id AS "requestId", facility_id AS "facilityId", detail, seq FROM audit_log WHERE seq IS NOT NULL ORDER BY seq`,
    );
    let previous = GENESIS_HASH;
    const resealed = [];
    for (const [index, row] of rows.entries()) {
      const hash = auditHash(previous, row);
      await manager.query(
        `UPDATE audit_log SET seq = $2, prev_hash = $3, hash = $4, alg = CASE WHEN $5 = 'sha256' THEN 'sha256' ELSE alg END WHERE id = $1`,
        [row.id, index + 1, previous, hash, alg],
      );
      resealed.push({ ...row, prevHash: previous, hash });
      previous = hash;
    }
    // The old verification (unkeyed, no anchor) is satisfied by the forgery: this is what the attack exploited.
    expect(verifyChain(resealed)).toBeNull();
  };

  beforeEach(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'opvangplek-audit-tamper-'));
    chain = auditChainOptions(testConfig(database.url, 'postgres', undefined, { DATA_DIR: dataDir }));
    for (let n = 1; n <= 6; n += 1) {
      await audit(database.dataSource.manager, actor(n), { action: 'capacity.update', detail: `change ${n}` }, new Date());
      if (n % 2 === 0) await sealAuditLog(database.dataSource, chain); // anchors at 2, 4 and 6
    }
    const intact = await verifyAuditLog(database.dataSource, chain);
    expect(intact).toMatchObject({ rows: 6, broken: null, anchors: 3, backdated: [] });
  });
  afterEach(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the key and the anchor outside the database', async () => {
    expect(chain.anchorFile).toBe(path.join(dataDir, 'audit-anchor.jsonl'));
    const hex = chain.key.toString('hex');
    const [{ found }] = await database.dataSource.query(
      `SELECT count(*)::int AS found FROM audit_log WHERE concat_ws(' ', actor_sub, actor_org, detail, hash, prev_hash) LIKE '%' || $1 || '%'`,
      [hex],
    );
    expect(found).toBe(0);
  });

  it('reports a row rewritten and another deleted, then resealed the old way', async () => {
    await asAttacker(async (manager) => {
      await manager.query(`UPDATE audit_log SET actor_sub = 'someone-else', actor_org = 'other-org' WHERE seq = 2`);
      await manager.query('DELETE FROM audit_log WHERE seq = 3');
      await resealTheOldWay(manager, 'keep');
    });
    const { broken } = await verifyAuditLog(database.dataSource, chain);
    expect(broken).not.toBeNull();
    expect(broken!.problem).toMatch(/content does not match|anchor/);
  });

  it('reports a chain downgraded to the unkeyed hash throughout (the anchor no longer matches)', async () => {
    await asAttacker(async (manager) => {
      await manager.query(`UPDATE audit_log SET actor_org = 'other-org' WHERE seq = 1`);
      await manager.query('DELETE FROM audit_log WHERE seq = 5');
      await resealTheOldWay(manager, 'sha256');
    });
    const { broken } = await verifyAuditLog(database.dataSource, chain);
    expect(broken?.problem).toMatch(/anchor/);
  });

  it('reports an unkeyed row after keyed ones', async () => {
    await audit(database.dataSource.manager, actor(7), { action: 'capacity.update', detail: 'forged' }, new Date());
    await asAttacker(async (manager) => {
      const [last] = await manager.query('SELECT hash FROM audit_log WHERE seq = 6');
      const [row] = await manager.query(
        `SELECT id, at, actor_sub AS "actorSub", actor_role AS "actorRole", actor_org AS "actorOrg", action,
           request_id AS "requestId", facility_id AS "facilityId", detail FROM audit_log WHERE seq IS NULL`,
      );
      await manager.query(`UPDATE audit_log SET seq = 7, prev_hash = $2, hash = $3, alg = 'sha256' WHERE id = $1`, [
        row.id,
        last.hash,
        auditHash(last.hash, row),
      ]);
    });
    const { broken } = await verifyAuditLog(database.dataSource, chain);
    expect(broken?.problem).toMatch(/without the audit key after keyed rows/);
  });

  it('reports a tail truncated below the anchored sequence number', async () => {
    await asAttacker(async (manager) => {
      await manager.query('DELETE FROM audit_log WHERE seq >= 5');
    });
    const { broken } = await verifyAuditLog(database.dataSource, chain);
    expect(broken?.problem).toMatch(/anchor records the chain up to position 6/);
  });

  it('shows a backdated insert: the database records its own time', async () => {
    await audit(
      database.dataSource.manager,
      actor(8),
      { action: 'capacity.update', detail: 'backdated' },
      new Date('2020-01-01T00:00:00Z'),
    );
    const result = await verifyAuditLog(database.dataSource, chain);
    expect(result.broken).toBeNull();
    expect(result.backdated).toEqual([
      { id: expect.any(String), problem: expect.stringContaining('says 2020-01-01T00:00:00.000Z but was recorded at') },
    ]);
  });
});
