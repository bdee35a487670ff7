import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application runs as a member of `opvangplek_app`, a role that owns nothing: it cannot alter a
 * table, disable or replace a trigger, and (not being a superuser) cannot set
 * `session_replication_role`. Migrations keep running as the owner (DATABASE_MIGRATION_URL).
 *
 * On `audit_log` it may only read, insert the facts (never `recorded_at`, `seq` or the hashes), and
 * set the seal columns, which the append-only trigger allows once per row. No role gets TRUNCATE.
 * Tables a later migration creates get the same rights as the domain tables through the owner's
 * default privileges; a table that needs less must say so in its own migration.
 *
 * The role is created NOLOGIN when missing; deployers create a login role IN ROLE opvangplek_app
 * (README, "Database roles"). It is not dropped on the way down: roles belong to the whole cluster.
 */
export class ApplicationRole1796200000000 implements MigrationInterface {
  name = 'ApplicationRole1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'opvangplek_app') THEN
        BEGIN
          CREATE ROLE opvangplek_app NOLOGIN;
        EXCEPTION
          -- Another database of the same cluster migrating at the same moment created it.
          WHEN duplicate_object OR unique_violation THEN NULL;
          WHEN insufficient_privilege THEN
            RAISE EXCEPTION 'the role opvangplek_app does not exist and % may not create it', current_user
              USING HINT = 'create it once as a superuser: CREATE ROLE opvangplek_app NOLOGIN';
        END;
      END IF;
    END $$`);
    // PostgreSQL 15's default, made explicit for older servers: no one but the owner plants a
    // table or function beside the ones the owner's own sessions and triggers resolve.
    await queryRunner.query(`DO $$ BEGIN
      IF pg_has_role((SELECT nspowner FROM pg_namespace WHERE nspname = 'public'), 'USAGE') THEN
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      END IF;
    END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO opvangplek_app`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO opvangplek_app`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO opvangplek_app`);
    // Reading which migrations ran lets a process without DATABASE_MIGRATION_URL see it has nothing to apply.
    await queryRunner.query(`REVOKE ALL ON schema_migrations FROM opvangplek_app`);
    await queryRunner.query(`GRANT SELECT ON schema_migrations TO opvangplek_app`);
    await queryRunner.query(`REVOKE ALL ON audit_log FROM opvangplek_app`);
    await queryRunner.query(`GRANT SELECT ON audit_log TO opvangplek_app`);
    await queryRunner.query(
      `GRANT INSERT (at, actor_sub, actor_role, actor_org, action, request_id, facility_id, detail) ON audit_log TO opvangplek_app`,
    );
    await queryRunner.query(`GRANT UPDATE (seq, prev_hash, hash, alg) ON audit_log TO opvangplek_app`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO opvangplek_app`,
    );
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO opvangplek_app`);
    // BullMQ's PostgreSQL backend (QUEUE_BACKEND=postgres) creates and owns its own schema,
    // <namespace>_jobs, at start. An owner who may not grant this leaves it to the deployer; with
    // Redis the app needs no CREATE at all.
    await queryRunner.query(`DO $$ BEGIN
      IF has_database_privilege(current_database(), 'CREATE WITH GRANT OPTION') THEN
        EXECUTE format('GRANT CREATE ON DATABASE %I TO opvangplek_app', current_database());
      ELSE
        RAISE NOTICE 'opvangplek_app may not create schemas in %: grant it CREATE ON DATABASE for QUEUE_BACKEND=postgres', current_database();
      END IF;
    END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      IF has_database_privilege(current_database(), 'CREATE WITH GRANT OPTION') THEN
        EXECUTE format('REVOKE CREATE ON DATABASE %I FROM opvangplek_app', current_database());
      END IF;
    END $$`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM opvangplek_app`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM opvangplek_app`,
    );
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM opvangplek_app`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM opvangplek_app`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM opvangplek_app`);
  }
}
