import { Client } from 'pg';
import { ENV } from './test-env';

/** Drops every database this run created (template and clones) and its login role, and stops an embedded server. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[ENV.adminUrl];
  const runId = process.env[ENV.runId];
  if (adminUrl && runId) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
        `opvangplek_t_${runId}_%`,
      ]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      // It owned only jobs schemas in those databases; the application role itself is shared by runs.
      const login = process.env[ENV.appLogin];
      if (login)
        await admin
          .query(`DROP ROLE IF EXISTS ${admin.escapeIdentifier(login)}`)
          .catch((error: Error) => console.warn(`[tests] could not drop the role ${login}: ${error.message}`));
    } finally {
      await admin.end();
    }
  }
  // Named by two projects (medium, integration): the second call finds nothing left to do.
  delete process.env[ENV.runId];
  const embedded = globalThis as { __opvangplekStopEmbedded?: () => Promise<void> };
  await embedded.__opvangplekStopEmbedded?.();
  delete embedded.__opvangplekStopEmbedded;
}
