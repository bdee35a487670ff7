/**
 * Opvangplek's command line: `node dist/apps/cli/src/main.js <command> [options]`, usually through
 * the npm scripts (`npm run seed`, `npm run token`, `npm run migration:generate`, `npm run bench`).
 */
import 'reflect-metadata';
import { loadConfig, runMain } from '@opvangplek/platform';
import { UsageError } from './args';
import { auditVerifyCommand } from './commands/audit-verify.command';
import { capacityVerifyCommand } from './commands/capacity-verify.command';
import { migrationGenerateCommand } from './commands/migration-generate.command';
import { seedCommand } from './commands/seed.command';
import { tokenCommand } from './commands/token.command';

const COMMANDS: Record<string, { run: (config: ReturnType<typeof loadConfig>, argv: string[]) => Promise<void>; help: string }> =
  {
    seed: { run: seedCommand, help: 'seed [--scale N]            load the national register (idempotent; N× for benchmarks)' },
    token: { run: tokenCommand, help: 'token --role R --org O [--regions A,B] [--facility ID]   print a development token' },
    bench: {
      run: (config, argv) => import('./commands/bench/bench.command').then((bench) => bench.benchCommand(config, argv)),
      help: 'bench [--only F] [--requests N] [--concurrency N] [--scale N] [--json FILE]   speed figures as ratios to a same-run baseline',
    },
    'audit:verify': {
      run: auditVerifyCommand,
      help: "audit:verify                check the audit log's hash chain (exit 1 when broken)",
    },
    'capacity:verify': {
      run: capacityVerifyCommand,
      help: 'capacity:verify             compare held/occupied with the placement ledger, repair what it proves (exit 1 on the rest)',
    },
    'migration:generate': {
      run: migrationGenerateCommand,
      help: 'migration:generate Name     write a migration for entity changes',
    },
  };

runMain(async () => {
  const [name, ...argv] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(
      `usage: opvangplek <command>\n${Object.values(COMMANDS)
        .map((c) => `  ${c.help}`)
        .join('\n')}`,
    );
    process.exit(name ? 2 : 0);
  }
  try {
    // The benchmark runs with NODE_ENV=production (graphql-js and Express as deployed, see the npm
    // script) but signs its own development tokens: its configuration is read as a test one.
    const config = name === 'bench' ? loadConfig({ ...process.env, NODE_ENV: 'test' }) : loadConfig();
    await command.run(config, argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${name}: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
});
