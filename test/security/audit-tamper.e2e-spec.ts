import { audit } from '@opvangplek/access/audit/audit';
import { auditHash, GENESIS_HASH, verifyChain } from '@opvangplek/access/audit/audit-chain';
import { auditChainOptions, type AuditChainOptions } from '@opvangplek/access/audit/audit-chain-options';
import { installAuditRowKey } from '@opvangplek/access/audit/audit-row-keys';
import { type SealReport, sealAuditLog, verifyAuditLog } from '@opvangplek/access/audit/audit-sealer';
import { Role } from '@opvangplek/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions } from '@opvangplek/platform/database';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { testConfig } from '../support/test-config';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import { ENTITIES } from '@opvangplek/composition';

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
    installAuditRowKey(database.dataSource, chain.key);
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
    appSource = new DataSource(dataSourceOptions(config.databaseUrl!, { entities: ENTITIES, poolSize: 2 }));
    await appSource.initialize();
    installAuditRowKey(appSource, chain.key);
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
      'row_mac',
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
      expect(result.foreign).toEqual([
        { id: result.backdated[0].id, problem: expect.stringContaining('not written by the application') },
      ]);
    } finally {
      await client.end();
      await other.drop();
    }
  });

  /**
   * Issue 12, F2 (red team): the login may INSERT audit rows, so a forged row (here a day old, an
   * ADMIN reading a profile by break-glass) was chained by the sealer and shown sealed. Rows the
   * application writes now carry its MAC over their facts, made with a key the database never
   * holds; the sealer still chains a row without one (the chain must not stall) but marks it.
   */
  describe('forged rows (issue 12, F2)', () => {
    let forged: TestDatabase;
    let attacker: Client;
    let api: TestApp;
    let admin: string;
    let facility: { id: string };
    let forgedChain: AuditChainOptions;
    const noticed: { foreign: string[]; foreignHead: string[] } = { foreign: [], foreignHead: [] };
    const report: SealReport = {
      foreign: (rows) => noticed.foreign.push(...rows.map((row) => row.id)),
      foreignHead: (row) => noticed.foreignHead.push(row.id),
    };

    type Entry = {
      id: string;
      action: string;
      at: string;
      recordedAt: string | null;
      sealed: boolean;
      authentic: boolean;
      backdated: boolean;
      detail: string | null;
    };
    const auditLog = async () =>
      (
        await gql<{ auditLog: Entry[] }>(
          api.url,
          '{ auditLog(first: 500) { id action at recordedAt sealed authentic backdated detail } }',
          {
            token: admin,
          },
        )
      ).data!.auditLog;

    beforeAll(async () => {
      forged = await createTestDatabase();
      [facility] = await insertFacilities(forged.dataSource, [newFacility()]);
      forgedChain = {
        ...auditChainOptions(testConfig(forged.url, 'postgres', undefined, { DATA_DIR: dataDir })),
        anchorFile: null,
      };
      api = await startTestApp(forged.url); // no worker: the test seals, so it sees what the sealer did
      admin = await tokenFor({ role: Role.ADMIN, org: 'beheer' });
      attacker = new Client({ connectionString: forged.appUrl });
      await attacker.connect();
    });
    afterAll(async () => {
      await attacker.end();
      await api.close();
      await forged.drop();
    });

    it('chains a forged, backdated INSERT but reports it: verify says it was not written by the application, auditLog shows authentic: false (issue 12)', async () => {
      const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [facility.id] });
      await gql(api.url, `mutation { confirmCapacity(facilityId: "${facility.id}") { id } }`, { token: staff });
      const { rows } = await attacker.query(
        `INSERT INTO audit_log(at,actor_sub,actor_role,actor_org,action,detail) VALUES (now()-interval '1 day','x@beheer','ADMIN','beheer','breakGlass.profile','FORGED') RETURNING id`,
      );
      const forgedId: string = rows[0].id;

      expect(await sealAuditLog(forged.dataSource, forgedChain, report)).toBe(2);
      expect(noticed.foreign).toEqual([forgedId]);
      const [{ alg }] = await forged.dataSource.query('SELECT alg FROM audit_log WHERE id = $1', [forgedId]);
      expect(alg).toBe('hmac-sha256-foreign');

      const verified = await verifyAuditLog(forged.dataSource, forgedChain);
      expect(verified.broken).toBeNull(); // chained: the chain goes on
      expect(verified.foreign).toEqual([{ id: forgedId, problem: expect.stringMatching(/was not written by the application/) }]);
      expect(verified.backdated.map((row) => row.id)).toEqual([forgedId]);
      expect(verified.legacy).toBe(0);

      const entries = await auditLog();
      const shown = entries.find((entry) => entry.id === forgedId)!;
      expect(shown).toMatchObject({ detail: 'FORGED', sealed: true, authentic: false, backdated: true });
      expect(new Date(shown.recordedAt!).getTime() - new Date(shown.at).getTime()).toBeGreaterThan(23 * 3_600_000);
      // Every row the application wrote is authentic (and on time).
      const own = entries.filter((entry) => entry.id !== forgedId);
      expect(own.map((entry) => entry.action)).toContain('capacity.confirm');
      expect(own.every((entry) => entry.authentic && !entry.backdated)).toBe(true);
    });

    it('cannot replay a valid row MAC into a forged row, nor write one for its own facts (issue 12)', async () => {
      const [row] = await forged.dataSource.query(
        `SELECT at, actor_sub, actor_role, actor_org, action, facility_id, detail, row_mac FROM audit_log WHERE action = 'capacity.confirm'`,
      );
      // The same facts with the same MAC: refused (the MAC is unique).
      await expect(
        attacker.query(
          'INSERT INTO audit_log(at,actor_sub,actor_role,actor_org,action,facility_id,detail,row_mac) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
          [row.at, row.actor_sub, row.actor_role, row.actor_org, row.action, row.facility_id, row.detail, row.row_mac],
        ),
      ).rejects.toThrow(/audit_log_row_mac_uq/);
      // A MAC of its own making does not verify.
      const { rows } = await attacker.query(
        `INSERT INTO audit_log(at,actor_sub,actor_role,actor_org,action,detail,row_mac) VALUES (now(),'x@beheer','ADMIN','beheer','breakGlass.profile','FORGED','v1.AAAAAAAAAAAAAAAAAAAAAA.${'0'.repeat(64)}') RETURNING id`,
      );
      await sealAuditLog(forged.dataSource, forgedChain, report);
      const verified = await verifyAuditLog(forged.dataSource, forgedChain);
      expect(verified.broken).toBeNull();
      expect(verified.foreign.map((entry) => entry.id)).toContain(rows[0].id);
      expect((await auditLog()).find((entry) => entry.id === rows[0].id)).toMatchObject({ authentic: false, backdated: false });
    });

    it('reports a row the login "sealed" itself before the sealer, and the sealer goes on after it (issue 12)', async () => {
      installAuditRowKey(forged.dataSource, forgedChain.key);
      await audit(forged.dataSource.manager, actor(1), { action: 'capacity.update', detail: 'genuine' }, new Date());
      const [pending] = await forged.dataSource.query('SELECT id FROM audit_log WHERE seq IS NULL');
      const [{ top }] = await forged.dataSource.query('SELECT max(seq)::text AS top FROM audit_log');

      // The ways to stop the sealer are refused: a hash without a chain position (the sealer would
      // skip the row for ever), a position at the end of bigint (it would count past it).
      await expect(
        attacker.query(
          `UPDATE audit_log SET hash = repeat('f', 64), prev_hash = repeat('0', 64), alg = 'hmac-sha256-app' WHERE id = $1`,
          [pending.id],
        ),
      ).rejects.toThrow(/append-only/);
      await expect(
        attacker.query(
          `UPDATE audit_log SET seq = 9223372036854775807, hash = repeat('f', 64), prev_hash = repeat('0', 64), alg = 'hmac-sha256-app' WHERE id = $1`,
          [pending.id],
        ),
      ).rejects.toThrow(/append-only/);
      // What it can do: take the next position with a hash of its own.
      await attacker.query(
        `UPDATE audit_log SET seq = $2, hash = repeat('f', 64), prev_hash = repeat('0', 64), alg = 'hmac-sha256-app' WHERE id = $1`,
        [pending.id, (BigInt(top) + 1n).toString()],
      );

      await audit(forged.dataSource.manager, actor(2), { action: 'capacity.update', detail: 'after' }, new Date());
      expect(await sealAuditLog(forged.dataSource, forgedChain, report)).toBe(1); // not stalled
      expect(noticed.foreignHead).toEqual([pending.id]);
      const { broken } = await verifyAuditLog(forged.dataSource, forgedChain);
      expect(broken).toEqual({
        id: pending.id,
        problem: expect.stringMatching(/sealed outside the sealer|without the audit key/),
      });
    });
  });
});
