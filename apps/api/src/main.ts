/**
 * The API process: `node dist/apps/api/src/main.js`. Needs DATABASE_URL (and REDIS_URL in
 * production); applies pending migrations under an advisory lock before it listens.
 */
import 'reflect-metadata';
import { loadConfig, runMain, migrateOnBoot } from '@opvangplek/platform';
import { bootstrapApi } from '@opvangplek/composition';

runMain(async () => {
  const config = loadConfig();
  await migrateOnBoot(config);
  const { url } = await bootstrapApi(config);
  console.log(`Opvangplek API listening: GraphQL ${url}/graphql, WebSocket ${url.replace('http', 'ws')}/graphql`);
});
