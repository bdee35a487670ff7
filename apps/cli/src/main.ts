/**
 * Opvangplek's command line: `node dist/apps/cli/src/main.js <command> [options]`, usually through
 * the npm scripts (`npm run seed`, `npm run token`, `npm run migration:generate`). The benchmark is
 * its own app (apps/bench, `npm run bench`).
 */
import 'reflect-metadata';
import { loadConfig, runMain, UsageError } from '@opvangplek/platform';
import { auditVerifyCommand } from './commands/audit-verify.command';
import { capacityVerifyCommand } from './commands/capacity-verify.command';
import { migrationGenerateCommand } from './commands/migration-generate.command';
import { seedCommand } from './commands/seed.command';
import { tokenCommand } from './commands/token.command';

const COMMANDS: Record<string, { run: (config: ReturnType<typeof loadConfig>, argv: string[]) => Promise<void>; help: string }> =
  {
    seed: { run: seedCommand, help: 'seed [--scale N]            load the national register (idempotent; N× for benchmarks)' },
    token: { run: tokenCommand, help: 'token --role R --org O [--regions A,B] [--facility ID]   print a development token' },
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
    const config = loadConfig();
    await command.run(config, argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${name}: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
});
