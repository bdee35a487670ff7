import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { type AppConfig, ConfigError } from '../config/app-config';

/**
 * The role the application's tables are granted to (migration 1796200000000-ApplicationRole). It
 * owns nothing; login roles are its members. Fixed, so a deployer's SQL and every database of the
 * cluster agree on it.
 */
export const APPLICATION_ROLE = 'opvangplek_app';

/** What a connection may do beyond what the application needs. */
export interface ConnectionPowers {
  user: string;
  superuser: boolean;
  /** May create roles, and so (before PostgreSQL 16) make itself a member of the owner. */
  createRole: boolean;
  /** Is, or may act as, the owner of `audit_log`: may alter it, disable its triggers, replace their functions. */
  owner: boolean;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'opvangplek-roles' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function connectionPowers(url: string): Promise<ConnectionPowers> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<ConnectionPowers>(
      `SELECT r.rolname AS "user", r.rolsuper AS superuser, r.rolcreaterole AS "createRole",
         coalesce((SELECT pg_has_role(current_user, c.relowner, 'MEMBER') FROM pg_class c
                   WHERE c.oid = to_regclass('public.audit_log')), false) AS owner
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    return rows[0];
  });
}

/**
 * The application must not be able to rewrite the audit log, so its DATABASE_URL must not be the
 * owner's. Production refuses to start on such a connection; elsewhere it is a warning, so a
 * single-URL development setup keeps working.
 */
export async function checkApplicationRole(config: AppConfig): Promise<void> {
  if (!config.databaseUrl) return;
  const powers = await connectionPowers(config.databaseUrl);
  const what = [
    powers.superuser && 'a superuser',
    powers.owner && !powers.superuser && 'the owner of the tables',
    powers.createRole && !powers.superuser && 'allowed to create roles',
  ].filter(Boolean);
  if (what.length === 0) return;
  const problem =
    `DATABASE_URL connects as "${powers.user}", ${what.join(' and ')}: with it the audit log can be rewritten. ` +
    `Set DATABASE_URL to a login role in ${APPLICATION_ROLE} and DATABASE_MIGRATION_URL to the owner (README, "Database roles")`;
  if (config.env === 'production') throw new ConfigError([problem]);
  Logger.warn(`${problem}; production refuses to start like this`, 'Database');
}

/**
 * With the owner's connection: makes `login` a login role in APPLICATION_ROLE with `password`
 * (creating both when missing), and returns `ownerUrl` with that login in it. For setups that
 * hold the owner's password anyway (the zero-config start, the tests); production creates its
 * login role once by hand.
 */
export function ensureApplicationLogin(ownerUrl: string, login: string, password: string): Promise<string> {
  return withClient(ownerUrl, async (client) => {
    // As in the migration: two starters on one cluster may race to create the group.
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}') THEN
        CREATE ROLE ${APPLICATION_ROLE} NOLOGIN;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
    const role = client.escapeIdentifier(login);
    const { rowCount } = await client.query('SELECT FROM pg_roles WHERE rolname = $1', [login]);
    await client.query(
      `${rowCount ? 'ALTER' : 'CREATE'} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`,
    );
    await client.query(`GRANT ${APPLICATION_ROLE} TO ${role}`);
    const url = new URL(ownerUrl);
    url.username = encodeURIComponent(login);
    url.password = encodeURIComponent(password);
    return url.toString();
  });
}

/**
 * BullMQ's PostgreSQL backend alters its own tables at every start, so the application must own
 * its jobs schema. A schema made by another role (a zero-config start from before the application
 * had its own login) is dropped; the sweep requeues whatever its jobs were doing.
 */
export function releaseJobsSchema(ownerUrl: string, schema: string, login: string): Promise<boolean> {
  return withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ owner: string }>(
      'SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = $1',
      [schema],
    );
    if (rows.length === 0 || rows[0].owner === login) return false;
    await client.query(`DROP SCHEMA ${client.escapeIdentifier(schema)} CASCADE`);
    return true;
  });
}
