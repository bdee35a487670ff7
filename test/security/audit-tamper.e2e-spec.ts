import { audit } from '@opvangplek/access/audit/audit';
import { auditHash, GENESIS_HASH, verifyChain } from '@opvangplek/access/audit/audit-chain';
import { auditChainOptions, type AuditChainOptions } from '@opvangplek/access/audit/audit-key';
import { sealAuditLog, verifyAuditLog } from '@opvangplek/access/audit/audit-sealer';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions } from '@opvangplek/platform/database';
import { testConfig } from '../support/test-config';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 12, path 8. The attack as found: with the credentials the app then had (a superuser),
 * switch triggers off with `session_replication_role = replica`, remove or rewrite audit rows and
 * reseal the chain the old, unkeyed way. The app now logs in as a member of opvangplek_app, which
 * owns nothing: the second block shows each step refused with its credentials. The first keeps
 * the attack for whoever still holds the owner's credentials (a DBA, a dump restored elsewhere):
 * verification (what `npm run audit:verify` runs) with the key and the anchor file reports it.
 */
describe("audit chain tampering with the owner's database credentials", () => {
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

describe("audit chain tampering with the application's own database credentials", () => {
  let database: TestDatabase;
  let dataDir: string;
  let chain: AuditChainOptions;
  /** What the app logs in with: the run's login in opvangplek_app, from the app's own DATABASE_URL. */
  let app: Client;
  let appSource: DataSource;

  const actor = (n: number) => ({ sub: `sub-${n}`, role: 'SHELTER_STAFF', org: `org-${n}` });
  const refused = /permission denied|must be owner|must be superuser/;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'opvangplek-audit-tamper-app-'));
    const config = testConfig(database.url, 'postgres', undefined, { DATA_DIR: dataDir });
    chain = auditChainOptions(config);
    expect(config.databaseUrl).toBe(database.appUrl);
    app = new Client({ connectionString: config.databaseUrl });
    await app.connect();
    appSource = new DataSource(dataSourceOptions(config.databaseUrl!, { poolSize: 2 }));
    await appSource.initialize();
    // The app writes and seals its own audit rows with these credentials.
    for (let n = 1; n <= 6; n += 1) {
      await audit(appSource.manager, actor(n), { action: 'capacity.update', detail: `change ${n}` }, new Date());
      if (n % 2 === 0) expect(await sealAuditLog(appSource, chain)).toBe(2);
    }
    expect(await verifyAuditLog(appSource, chain)).toMatchObject({ rows: 6, broken: null, anchors: 3, backdated: [] });
  });
  afterAll(async () => {
    await app.end();
    await appSource.destroy();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs in as a member of opvangplek_app that is no superuser and owns nothing', async () => {
    const { rows } = await app.query(
      `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls, pg_has_role(current_user, 'opvangplek_app', 'USAGE') AS member,
         (SELECT count(*)::int FROM pg_class c WHERE pg_has_role(current_user, c.relowner, 'MEMBER') AND c.relnamespace = 'public'::regnamespace) AS owned,
         (SELECT count(*)::int FROM pg_proc p WHERE pg_has_role(current_user, p.proowner, 'MEMBER') AND p.pronamespace = 'public'::regnamespace) AS functions
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      member: true,
      owned: 0,
      functions: 0,
    });
  });

  it('may read, insert and seal audit rows, and nothing else', async () => {
    const { rows } = await app.query(
      `SELECT p AS privilege, has_table_privilege('audit_log', p) AS granted
       FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.privilege, row.granted]))).toEqual({
      SELECT: true,
      INSERT: false, // only on the fact columns, below
      UPDATE: false, // only on the seal columns, below
      DELETE: false,
      TRUNCATE: false,
      REFERENCES: false,
      TRIGGER: false,
    });
    const columns = await app.query(
      `SELECT attname AS column, has_column_privilege('audit_log', attname, 'INSERT') AS insert, has_column_privilege('audit_log', attname, 'UPDATE') AS update
       FROM pg_attribute WHERE attrelid = 'audit_log'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attname`,
    );
    const may = (kind: 'insert' | 'update') => columns.rows.filter((row) => row[kind]).map((row) => row.column);
    expect(may('insert')).toEqual([
      'action',
      'actor_org',
      'actor_role',
      'actor_sub',
      'at',
      'detail',
      'facility_id',
      'request_id',
    ]);
    expect(may('update')).toEqual(['alg', 'hash', 'prev_hash', 'seq']);
  });

  it.each([
    ['switch triggers off for the session', 'SET session_replication_role = replica'],
    ['switch triggers off for a transaction', 'BEGIN; SET LOCAL session_replication_role = replica; COMMIT'],
    ['delete a row', 'DELETE FROM audit_log WHERE seq = 3'],
    ['rewrite an actor', `UPDATE audit_log SET actor_sub = 'someone-else', actor_org = 'other-org' WHERE seq = 2`],
    ['move a row in time', `UPDATE audit_log SET at = '2020-01-01', recorded_at = '2020-01-01' WHERE seq = 2`],
    ['empty the table', 'TRUNCATE audit_log'],
    ['disable its triggers', 'ALTER TABLE audit_log DISABLE TRIGGER ALL'],
    ['drop the append-only trigger', 'DROP TRIGGER audit_log_append_only ON audit_log'],
    ['drop the trigger that sets the row time', 'DROP TRIGGER audit_log_recorded_at ON audit_log'],
    [
      'replace the trigger function',
      `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
    ],
    ['drop the trigger function', 'DROP FUNCTION audit_log_append_only() CASCADE'],
    ['drop the table', 'DROP TABLE audit_log'],
    ['take the owner role', 'SET ROLE postgres'],
    ['make itself a superuser', 'ALTER ROLE CURRENT_USER SUPERUSER'],
    [
      'insert a row with its own time',
      `INSERT INTO audit_log (at, recorded_at, actor_sub, actor_role, actor_org, action) VALUES ('2020-01-01', '2020-01-01', 's', 'ADMIN', 'o', 'capacity.update')`,
    ],
    [
      'insert a row already sealed',
      `INSERT INTO audit_log (at, actor_sub, actor_role, actor_org, action, seq, prev_hash, hash, alg) VALUES (now(), 's', 'ADMIN', 'o', 'capacity.update', 99, repeat('0', 64), repeat('0', 64), 'hmac-sha256')`,
    ],
  ])('cannot %s', async (_what, sql) => {
    await expect(app.query(sql)).rejects.toThrow(refused);
    await app.query('ROLLBACK').catch(() => undefined);
  });

  it('cannot reseal a sealed row: the append-only trigger refuses what the column grant allows', async () => {
    await expect(app.query(`UPDATE audit_log SET hash = repeat('a', 64), alg = 'sha256' WHERE seq = 2`)).rejects.toThrow(
      /audit_log is append-only: UPDATE refused/,
    );
    await expect(app.query(`UPDATE audit_log SET seq = NULL, prev_hash = NULL, hash = NULL WHERE seq = 6`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('leaves the chain intact after all of the above', async () => {
    expect(await verifyAuditLog(appSource, chain)).toMatchObject({ rows: 6, broken: null, backdated: [] });
  });

  it('is seen when it seals a new row itself without the audit key', async () => {
    await audit(appSource.manager, actor(7), { action: 'capacity.update', detail: 'forged' }, new Date());
    const [last] = (await app.query('SELECT hash FROM audit_log WHERE seq = 6')).rows;
    const [row] = (
      await app.query(
        `SELECT id, at, actor_sub AS "actorSub", actor_role AS "actorRole", actor_org AS "actorOrg", action,
           request_id AS "requestId", facility_id AS "facilityId", detail FROM audit_log WHERE seq IS NULL`,
      )
    ).rows;
    await app.query(`UPDATE audit_log SET seq = 7, prev_hash = $2, hash = $3, alg = 'sha256' WHERE id = $1`, [
      row.id,
      last.hash,
      auditHash(last.hash, row),
    ]);
    const { broken } = await verifyAuditLog(appSource, chain);
    expect(broken?.problem).toMatch(/without the audit key after keyed rows/);
  });

  it('cannot backdate a row: the database records its own time, and verification reports the difference', async () => {
    const other = await createTestDatabase();
    const client = new Client({ connectionString: other.appUrl });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO audit_log (at, actor_sub, actor_role, actor_org, action, detail) VALUES ('2020-01-01T00:00:00Z', 's', 'ADMIN', 'o', 'capacity.update', 'backdated')`,
      );
      const [{ recorded }] = (await client.query(`SELECT recorded_at > now() - interval '1 minute' AS recorded FROM audit_log`))
        .rows;
      expect(recorded).toBe(true);
      const result = await verifyAuditLog(other.dataSource, { ...chain, anchorFile: null }); // the anchors are the other database's
      expect(result.broken).toBeNull();
      expect(result.backdated).toEqual([
        { id: expect.any(String), problem: expect.stringContaining('says 2020-01-01T00:00:00.000Z but was recorded at') },
      ]);
    } finally {
      await client.end();
      await other.drop();
    }
  });
});
