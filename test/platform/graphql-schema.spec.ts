import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { REPO_ROOT } from '../support/test-env';
import { startTestApp, type TestApp } from '../support/test-app';

const SCHEMA_FILE = path.join(REPO_ROOT, 'schema.gql');
const HEADER = '# The public GraphQL contract as served. Generated: `npm run schema:update`; CI fails when it drifts.\n\n';

/**
 * The committed schema.gql is what integrators build against, so it must be exactly what the app
 * serves. `npm run schema:update` rewrites it from the running app (this same test).
 */
describe('schema.gql', () => {
  let database: TestDatabase;
  let api: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('matches the schema the API serves', () => {
    const served = HEADER + printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, served);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    // If this fails: the API changed. Run `npm run schema:update`, review the diff, and commit schema.gql.
    expect(committed).toBe(served);
  });
});
