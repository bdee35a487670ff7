/**
 * Zero-config Opvangplek (`npm start`): one process with the API and the worker, on an embedded
 * PostgreSQL under DATA_DIR when DATABASE_URL is not set, and BullMQ's PostgreSQL backend when
 * REDIS_URL is not set. Loads the national register on first start. Stops cleanly on Ctrl-C/SIGTERM.
 */
import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { issueDevToken, resolveSigningSecret } from '@opvangplek/access';
import { Role } from '@opvangplek/domain';
import {
  type AppConfig,
  loadConfig,
  readOrCreateLocalSecret,
  ensureApplicationLogin,
  migrateOnBoot,
  releaseJobsSchema,
  type RunningEmbeddedPostgres,
  startEmbeddedPostgres,
  runMain,
} from '@opvangplek/platform';
import { bootstrapApi, seedNationalRegisterIfEmpty, WorkerModule } from '@opvangplek/composition';

/** The embedded server's login for the application (a member of opvangplek_app, owning nothing). */
const EMBEDDED_APPLICATION_LOGIN = 'opvangplek_api';

async function printWelcome(config: AppConfig, url: string): Promise<void> {
  const wsUrl = url.replace(/^http/, 'ws');
  const secret = resolveSigningSecret(config);
  const sample = secret
    ? await issueDevToken(
        { role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] },
        { secret, issuer: config.auth.issuer, audience: config.auth.audience },
      )
    : undefined;
  const lines = [
    '',
    'Opvangplek is running.',
    `  Console (browser):   ${url}/`,
    `  GraphQL (HTTP):      ${url}/graphql`,
    `  GraphQL (WebSocket): ${wsUrl}/graphql   (graphql-ws; token in connectionParams.Authorization)`,
    `  Health:              ${url}/health  ·  ${url}/ready`,
    `  Database:            ${config.databaseUrl?.includes('@127.0.0.1') && !process.env.DATABASE_URL ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}`,
    `  Queue backend:       ${config.queueBackend}${config.queueBackend === 'postgres' ? ' (BullMQ on PostgreSQL, no Redis needed)' : ''}`,
    '',
    'Get a token (in another terminal, same DATA_DIR):',
    '  npm run token -- --role ZORGCOORDINATOR --org zorgcoordinatie-rotterdam --regions RR',
    '  roles: ZORGCOORDINATOR COMENSHA POLICE NLA SHELTER_STAFF PLANNER ADMIN  (SHELTER_STAFF also takes --facility <id>)',
    ...(sample
      ? [
          '',
          'A zorgcoördinator token for Rotterdam Rijnmond, valid 12 hours:',
          `  ${sample}`,
          '',
          "Open the console logged in with it (or paste any token from `npm run token` at the console's login):",
          `  ${url}/#token=${sample}`,
        ]
      : []),
    '',
    `Try: curl -s ${url}/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
    `       -d '{"query":"{ facilities(filter:{regionCodes:[\\"RR\\"]}) { name type capacity { available freshness } } }"}'`,
    '',
    'Stop with Ctrl-C.',
  ];
  console.log(lines.join('\n'));
}

/**
 * The embedded server's superuser migrates; the app runs as its own login in the application
 * role, as in production, with a password kept in DATA_DIR like the other local secrets.
 */
async function applicationLogin(
  config: AppConfig,
  ownerUrl: string,
): Promise<Pick<AppConfig, 'databaseUrl' | 'databaseMigrationUrl'>> {
  const password = readOrCreateLocalSecret(config.dataDir, 'postgres-app-password');
  const databaseUrl = await ensureApplicationLogin(ownerUrl, EMBEDDED_APPLICATION_LOGIN, password);
  if (
    config.queueBackend === 'postgres' &&
    (await releaseJobsSchema(ownerUrl, `${config.namespace}_jobs`, EMBEDDED_APPLICATION_LOGIN))
  )
    Logger.log(
      `the job queue now belongs to ${EMBEDDED_APPLICATION_LOGIN}: rebuilt (the sweep requeues open requests)`,
      'Opvangplek',
    );
  return { databaseUrl, databaseMigrationUrl: ownerUrl };
}

runMain(async () => {
  let config = loadConfig();
  let embedded: RunningEmbeddedPostgres | undefined;
  if (!config.databaseUrl) {
    Logger.log(`starting embedded PostgreSQL in ${config.dataDir}/postgres`, 'Opvangplek');
    embedded = await startEmbeddedPostgres(config.dataDir, { ownSignalHandling: true });
    config = { ...config, ...(await applicationLogin(config, embedded.databaseUrl)) };
  }
  let app: INestApplication | undefined;
  let url = '';
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    Logger.log(`${signal} received, shutting down`, 'Opvangplek');
    await app?.close().catch((error: Error) => Logger.error(error.message, 'Opvangplek'));
    await embedded?.stop().catch((error: Error) => Logger.error(error.message, 'Opvangplek'));
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));

  try {
    await migrateOnBoot(config);
    await seedNationalRegisterIfEmpty(config);
    // Signals are handled above, so the embedded server stops after the app has closed.
    ({ app, url } = await bootstrapApi(config, [WorkerModule.jobs()], { shutdownHooks: false }));
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  await printWelcome(config, url);
});
