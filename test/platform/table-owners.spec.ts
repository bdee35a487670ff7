import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  arrayElements,
  entityTables,
  migratedTables,
  migratedViews,
  ownerOfFile,
  readViolations,
  scanSource,
  sqlAccesses,
  sourceFiles,
  type TableAccess,
  writeViolations,
} from './table-access-scan';
import { ALLOWED_REGISTRATIONS, ALLOWED_WRITES, TABLE_OWNERS } from './table-owners';

/**
 * The house rule for tables (issue 17): one owner writes each table; others read through the
 * owner's public entry, or with declared SQL of their own (a read model); each feature registers
 * its own entities. Unit tier: it reads source files, no services. The first block proves the
 * scanner sees each form of write, so a rule that passes is not a scanner that sees nothing.
 */

const ENTITIES = new Map([
  ['CapacityEntity', 'capacity'],
  ['FacilityEntity', 'facilities'],
  ['AuditEntryEntity', 'audit_log'],
]);
const KNOWN = new Set(['capacity', 'facilities', 'audit_log', 'regions']);
const scan = (text: string) =>
  scanSource('libs/fixture/src/fixture.ts', text, ENTITIES, KNOWN).map(({ table, kind, how, line }) => ({
    table,
    kind,
    how,
    line,
  }));
const writes = (text: string) => scan(text).filter((access) => access.kind === 'write');

describe('the table access scanner (fixtures)', () => {
  it('finds each SQL write in strings and templates: INSERT INTO, UPDATE … SET (with an alias), DELETE FROM, TRUNCATE', () => {
    const found = writes(`
      const a = 'INSERT INTO capacity (facility_id) VALUES ($1)';
      const b = "update facilities set name = $2 where id = $1";
      const c = \`UPDATE audit_log a SET seq = s.seq FROM s WHERE a.id = s.id\`;
      const d = \`WITH gone AS (DELETE FROM "regions" WHERE code <> ALL($1)) SELECT 1\`;
      const e = 'TRUNCATE capacity, facilities';
      const f = 'TRUNCATE TABLE ONLY audit_log';
      const g = \`
        WITH moved AS (UPDATE capacity SET \${set} WHERE facility_id = $1 RETURNING *)
        INSERT INTO public.capacity_history SELECT * FROM moved\`;
    `);
    expect(found.map(({ table, how, line }) => [table, how, line])).toEqual([
      ['capacity', 'INSERT INTO', 2],
      ['facilities', 'UPDATE', 3],
      ['audit_log', 'UPDATE', 4],
      ['regions', 'DELETE FROM', 5],
      ['capacity', 'TRUNCATE', 6],
      ['facilities', 'TRUNCATE', 6],
      ['audit_log', 'TRUNCATE', 7],
      ['capacity_history', 'INSERT INTO', 10],
      ['capacity', 'UPDATE', 9],
    ]);
  });

  it('refuses a write whose table is an expression: the rule cannot tell whose it is', () => {
    expect(writes('db.query(`DELETE FROM ${table} WHERE id = $1`)').map((w) => w.table)).toEqual(['${…}']);
  });

  it('takes no comment, upsert clause, row lock or prose for a write', () => {
    expect(
      writes(`
        const message = 'delete from the list, or update the facility set by hand; truncate the name';
        // UPDATE capacity SET held = 0
        /* INSERT INTO capacity */
        const upsert = 'INSERT INTO regions (code) VALUES ($1) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name';
        const lock = 'SELECT 1 FROM capacity WHERE facility_id = $1 FOR UPDATE';
        const label = 'bare UPDATE hold; throughput vs bare UPDATE … RETURNING';
        held.delete(lease.id);
        createHash('sha256').update(text);
      `).map((w) => w.table),
    ).toEqual(['regions']);
  });

  it('finds each TypeORM write: on getRepository(X), a bound repository, a manager given the class, a query builder', () => {
    const found = writes(`
      class Service {
        constructor(@InjectRepository(FacilityEntity) private readonly facilities: Repository<FacilityEntity>) {}
        async run(manager: EntityManager, given: Repository<AuditEntryEntity>) {
          await manager.getRepository(CapacityEntity).save(row);
          await this.dataSource.getRepository(CapacityEntity).insert(row);
          const repository = manager.getRepository(FacilityEntity);
          await repository.update({ id }, { name });
          await repository.delete({ id });
          await manager.getRepository(CapacityEntity).upsert(row, ['facilityId']);
          await manager.getRepository(CapacityEntity).remove(row);
          await manager.save(AuditEntryEntity, row);
          await manager.delete(CapacityEntity, { facilityId });
          await this.facilities.remove(row);
          await given.insert(row);
          await manager.createQueryBuilder().insert().into(FacilityEntity).values(row).execute();
          await manager.createQueryBuilder().update(CapacityEntity).set(row).execute();
          await manager.createQueryBuilder().delete().from(AuditEntryEntity).execute();
        }
        other() {
          const repository = this.dataSource.getRepository(AuditEntryEntity);
          return repository.update({ id }, { seq });
        }
      }
    `);
    expect(found.map(({ table, line }) => [table, line])).toEqual([
      ['capacity', 5],
      ['capacity', 6],
      ['facilities', 8],
      ['facilities', 9],
      ['capacity', 10],
      ['capacity', 11],
      ['audit_log', 12],
      ['capacity', 13],
      ['facilities', 14],
      ['audit_log', 15],
      ['facilities', 16],
      ['capacity', 17],
      ['audit_log', 18],
      // The same name in another function is that function's repository.
      ['audit_log', 22],
    ]);
  });

  it('finds reads: FROM or JOIN of a known table, and TypeORM reads given the class; not a write as well', () => {
    const found = scan(`
      const a = 'SELECT f.id FROM facilities f JOIN capacity c ON c.facility_id = f.id';
      const b = 'SELECT extract(epoch FROM answered_at) FROM unnest($1) FROM holds';
      await manager.getRepository(FacilityEntity).findOne({ where: { id } });
      await manager.getRepository(CapacityEntity).update({ facilityId }, { confirmedAt });
    `);
    expect(found.map(({ table, kind, line }) => [table, kind, line])).toEqual([
      ['facilities', 'read', 2],
      ['capacity', 'read', 2],
      ['facilities', 'read', 4],
      ['capacity', 'write', 5],
    ]);
  });

  it('refuses a raw read of another lib’s table, and lets its owner, a declared reader and any reader of a published view pass', () => {
    const read = (file: string, table: string): TableAccess => ({ file, line: 1, table, kind: 'read', how: 'FROM' });
    const owners = {
      placement_holds: { owner: 'placement', sqlReaders: { insight: 'a read model' } },
      holds_v: { owner: 'placement', view: true as const },
    };
    expect(
      readViolations(
        [
          read('libs/capacity/src/reader.ts', 'placement_holds'),
          read('libs/placement/src/holds.ts', 'placement_holds'),
          read('libs/insight/src/reader.ts', 'placement_holds'),
          read('libs/capacity/src/reader.ts', 'holds_v'),
          read('apps/cli/src/command.ts', 'placement_holds'),
          { ...read('libs/capacity/src/reader.ts', 'placement_holds'), how: 'getRepository(HoldEntity)' },
        ],
        owners,
      ),
    ).toEqual([
      "libs/capacity/src/reader.ts:1 reads placement_holds with SQL, which placement owns: read it through placement's public entry or a view it publishes, or declare the read in table-owners.ts with why",
    ]);
  });

  it('reads the table of an entity from its decorator, and the elements of an entity list', () => {
    expect([
      ...entityTables(`@Entity({ name: 'capacity' }) export class CapacityEntity {}
                       @Entity('regions') export class RegionEntity {}
                       export class PlainModel {}`),
    ]).toEqual([
      ['CapacityEntity', 'capacity'],
      ['RegionEntity', 'regions'],
    ]);
    expect(() => entityTables('@Entity() export class Nameless {}')).toThrow(/names no table/);
    expect(arrayElements('export const X_ENTITIES = [A, B];', 'X_ENTITIES')).toEqual(['A', 'B']);
  });

  it('names file, table and owner for a write by another lib, and lets the owner and a listed exception pass', () => {
    const accesses: TableAccess[] = [
      { file: 'libs/capacity/src/ledger.ts', line: 3, table: 'capacity', kind: 'write', how: 'UPDATE' },
      { file: 'libs/registry/src/loader.ts', line: 7, table: 'capacity', kind: 'write', how: 'INSERT INTO' },
      { file: 'apps/bench/src/figure.ts', line: 9, table: 'facilities', kind: 'write', how: 'INSERT INTO' },
      { file: 'libs/insight/src/reader.ts', line: 1, table: 'facilities', kind: 'write', how: 'UPDATE' },
      { file: 'libs/insight/src/reader.ts', line: 2, table: 'scratch', kind: 'write', how: 'TRUNCATE' },
    ];
    const owners = { capacity: { owner: 'capacity' }, facilities: { owner: 'registry' } };
    expect(writeViolations(accesses, owners, [{ file: 'libs/insight/src/reader.ts', table: 'facilities' }])).toEqual([
      'libs/registry/src/loader.ts:7 writes capacity (INSERT INTO), which capacity owns',
      'apps/bench/src/figure.ts:9 writes facilities (INSERT INTO), which registry owns',
      'libs/insight/src/reader.ts:2 writes scratch (TRUNCATE), which has no owner in test/platform/table-owners.ts (name the table literally, and give it one)',
    ]);
  });
});

describe('table owners (issue 17: each table has one owning feature that alone writes it)', () => {
  const root = path.resolve(__dirname, '../..');
  const files = sourceFiles(root);
  const texts = new Map(files.map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));
  const entities = new Map<string, string>();
  const entityFiles = new Map<string, string>();
  for (const [file, text] of texts) {
    if (!text.includes('@Entity(')) continue;
    for (const [entity, table] of entityTables(text, file)) {
      entities.set(entity, table);
      entityFiles.set(entity, file);
    }
  }
  const tables = new Set(Object.keys(TABLE_OWNERS));
  const accesses = files.flatMap((file) => scanSource(file, texts.get(file)!, entities, tables));
  const migrated = migratedTables(root);
  const views = migratedViews(root);

  it('scans the code base (it finds the writes it must, so a broken scan cannot pass)', () => {
    expect(files.length).toBeGreaterThan(200);
    const written = new Set(accesses.filter((a) => a.kind === 'write').map((a) => `${ownerOfFile(a.file)}:${a.table}`));
    for (const expected of [
      'access:audit_log',
      'capacity:capacity',
      'placement:placement_requests',
      'notifications:webhook_deliveries',
    ])
      expect(written).toContain(expected);
  });

  it('gives every table the migrations create exactly one owner, a lib; and lists no table that is not there', () => {
    const owned = Object.entries(TABLE_OWNERS);
    expect([...migrated].filter((table) => !TABLE_OWNERS[table]).sort()).toEqual([]);
    expect(owned.filter(([table, o]) => !o.scratch && !o.view && !migrated.has(table)).map(([table]) => table)).toEqual([]);
    const libs = new Set(files.filter((f) => f.startsWith('libs/')).map(ownerOfFile));
    expect(owned.filter(([, o]) => !(o.scratch ? o.owner.startsWith('apps/') : libs.has(o.owner))).map(([t]) => t)).toEqual([]);
  });

  it('gives every view the migrations create an owner that publishes it, over that owner’s own tables only', () => {
    expect(views.size).toBeGreaterThan(0);
    const problems = [
      ...[...views.keys()].filter((view) => !TABLE_OWNERS[view]?.view).map((view) => `${view} is not listed with view: true`),
      ...Object.entries(TABLE_OWNERS)
        .filter(([name, o]) => o.view && !views.has(name))
        .map(([name]) => `${name} is listed as a view, but no migration creates it`),
      ...[...views].flatMap(([view, select]) =>
        sqlAccesses(select, tables)
          .filter((a) => a.kind === 'read' && TABLE_OWNERS[a.table].owner !== TABLE_OWNERS[view]?.owner)
          .map((a) => `${view} reads ${a.table}, which ${TABLE_OWNERS[a.table].owner} owns, not the view's owner`),
      ),
    ];
    expect(problems).toEqual([]);
  });

  it('finds no write of a table by anyone but its owner', () => {
    expect(writeViolations(accesses, TABLE_OWNERS, ALLOWED_WRITES)).toEqual([]);
  });

  it('finds no raw SQL read of another feature’s table that is not declared as a read model', () => {
    expect(readViolations(accesses, TABLE_OWNERS)).toEqual([]);
  });

  it('keeps no exception that is no longer needed (a declared reader that reads, a listed write that is still there)', () => {
    const sqlReads = new Set(
      accesses.filter((a) => a.kind === 'read' && /^(FROM|JOIN)$/.test(a.how)).map((a) => `${ownerOfFile(a.file)}:${a.table}`),
    );
    const staleReaders = Object.entries(TABLE_OWNERS).flatMap(([table, o]) =>
      Object.keys(o.sqlReaders ?? {})
        .filter((reader) => !sqlReads.has(`${reader}:${table}`))
        .map((reader) => `${reader} is declared to read ${table} with SQL, but does not: remove it from sqlReaders`),
    );
    const staleWrites = ALLOWED_WRITES.filter(
      (entry) => !accesses.some((a) => a.kind === 'write' && a.file === entry.file && a.table === entry.table),
    ).map((entry) => `${entry.file} no longer writes ${entry.table}: remove it from ALLOWED_WRITES`);
    const unreadViews = Object.entries(TABLE_OWNERS)
      .filter(
        ([view, o]) => o.view && ![...sqlReads].some((read) => read.endsWith(`:${view}`) && !read.startsWith(`${o.owner}:`)),
      )
      .map(([view]) => `${view} is published, but no other lib reads it: drop the view`);
    expect([...staleReaders, ...staleWrites, ...unreadViews]).toEqual([]);
  });

  it('has each feature register exactly the entities of the tables it owns (<LIB>_ENTITIES)', () => {
    const registered = new Map<string, string>();
    const problems: string[] = [];
    for (const file of files.filter((f) => /^libs\/[a-z]+\/src\/[a-z]+\.entities\.ts$/.test(f))) {
      const lib = ownerOfFile(file);
      const constant = `${lib.toUpperCase()}_ENTITIES`;
      const listed = arrayElements(texts.get(file)!, constant);
      if (!listed) {
        problems.push(`${file} has no ${constant} = [...]`);
        continue;
      }
      for (const entity of listed) {
        registered.set(entity, lib);
        const table = entities.get(entity);
        const owner = table && TABLE_OWNERS[table]?.owner;
        const allowed = ALLOWED_REGISTRATIONS.some((entry) => entry.lib === lib && entry.entity === entity);
        if (owner !== lib && !allowed) problems.push(`${constant} lists ${entity} (table ${table}), which ${owner} owns`);
        if (owner === lib && allowed) problems.push(`${entity} is ${lib}'s own now: remove it from ALLOWED_REGISTRATIONS`);
      }
    }
    for (const [entity, file] of entityFiles)
      if (!registered.has(entity)) problems.push(`${entity} (${file}) is in no <LIB>_ENTITIES list`);
    expect(problems).toEqual([]);
  });
});
