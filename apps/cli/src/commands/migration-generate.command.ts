import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type AppConfig, pendingSchemaChanges, UsageError } from '@opvangplek/platform';
import { withMigratedOwnerDatabase } from '../database-session';

const MIGRATIONS_DIR = path.resolve(__dirname, '../../../../../libs/platform/src/database/migrations');

function literal(sql: string): string {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

/**
 * `npm run migration:generate -- <Name>`: applies the committed migrations to a database, asks
 * TypeORM what the entities still need, and writes that as a new migration (and adds it to the list).
 */
export async function migrationGenerateCommand(config: AppConfig, argv: string[]): Promise<void> {
  const name = argv[0];
  if (!name || !/^[A-Z][A-Za-z0-9]{2,60}$/.test(name)) throw new UsageError('give the migration a PascalCase name, e.g. AddPlacementRequests');
  await withMigratedOwnerDatabase(config, async (dataSource) => {
    const { up, down } = await pendingSchemaChanges(dataSource);
    if (up.length === 0) {
      console.log('Entities and migrations agree: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}`;
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map((sql) => `    await queryRunner.query(${literal(sql)});`).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${[...down].reverse().map((sql) => `    await queryRunner.query(${literal(sql)});`).join('\n')}
  }
}
`;
    mkdirSync(MIGRATIONS_DIR, { recursive: true });
    writeFileSync(path.join(MIGRATIONS_DIR, `${file}.ts`), body);
    const indexFile = path.join(MIGRATIONS_DIR, 'index.ts');
    const index = readFileSync(indexFile, 'utf8')
      .replace(/\n+(export const MIGRATIONS)/, `\nimport { ${className} } from './${file}';\n\n$1`)
      .replace(/\[([^\]]*)\];/, (_, list: string) => `[${[...list.split(',').map((s) => s.trim()).filter(Boolean), className].join(', ')}];`);
    writeFileSync(indexFile, index);
    console.log(`Wrote libs/platform/src/database/migrations/${file}.ts (${up.length} statements). Review it, then commit it.`);
  });
}
