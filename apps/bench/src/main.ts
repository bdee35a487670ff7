/**
 * Opvangplek's benchmark: `node dist/apps/bench/src/main.js [--only F] [--requests N] [--concurrency N]
 * [--scale N] [--json FILE]`, through `npm run bench -- …`: speed figures as ratios to a same-run
 * baseline (README, "Performance").
 */
import 'reflect-metadata';
import { loadConfig, runMain, UsageError } from '@opvangplek/platform';
import { benchCommand } from './bench.command';

runMain(async () => {
  // The benchmark runs with NODE_ENV=production (graphql-js and Express as deployed, see the npm
  // script) but signs its own development tokens: its configuration is read as a test one.
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  try {
    await benchCommand(config, process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`bench: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
});
