import { type ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';

/** An account the provider's login form accepts (any password), and the claims its access tokens carry. */
export interface ProviderAccount {
  name: string;
  claims: Record<string, unknown>;
}

export interface ProviderSettings {
  client: { clientId: string; redirectUri: string };
  /** The resource server (the API): its resource indicator, the tokens' `aud`, and its scope. */
  api: { indicator: string; audience: string; scope: string };
  accounts: Record<string, ProviderAccount>;
  /** Key ids: the first signs, all are published in the JWKS. A kid seen before keeps its key. */
  signingKeys: string[];
  accessTokenTtlSeconds: number;
}

/** Something the provider refused (its `grant.error`, `authorization.error` or `server_error` event). */
export interface ProviderRefusal {
  event: string;
  error: string;
  description: string;
}

type FromProvider =
  | { type: 'listening'; port: number }
  | { type: 'configured' }
  | { type: 'failed'; message: string }
  | ({ type: 'event' } & ProviderRefusal);

/**
 * The real `oidc-provider` in a child process (provider-process.mjs) on 127.0.0.1. `configure`
 * (re)builds it with new settings behind the same issuer address; `refusals` lists what it refused.
 */
export class OpenIdProvider {
  readonly refusals: ProviderRefusal[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
    /** What the process wrote, for the message of a failure. */
    private readonly output: { text: string },
  ) {
    child.on('message', (message: FromProvider) => {
      if (message.type === 'event')
        this.refusals.push({ event: message.event, error: message.error, description: message.description });
    });
  }

  static async start(): Promise<OpenIdProvider> {
    const child = fork(path.join(__dirname, 'provider-process.mjs'), [], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    // Its warnings (development-only interactions, Node 20 not being its preferred LTS) are kept
    // for the message of a failure, not printed into the test's output.
    const output = { text: '' };
    child.stdout?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the OpenID provider exited (${code}) before listening:\n${output.text}`)));
      child.once('message', (message: FromProvider) =>
        message.type === 'listening' ? resolve(message.port) : reject(new Error(JSON.stringify(message))),
      );
    });
    child.removeAllListeners('exit');
    return new OpenIdProvider(child, `http://127.0.0.1:${port}`, output);
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  configure(settings: ProviderSettings): Promise<void> {
    return new Promise((resolve, reject) => {
      const answer = (message: FromProvider) => {
        if (message.type === 'event') return;
        this.child.off('message', answer);
        if (message.type === 'configured') resolve();
        else reject(new Error(`the OpenID provider refused its settings: ${JSON.stringify(message)}\n${this.output.text}`));
      };
      this.child.on('message', answer);
      this.child.send({ type: 'configure', settings: { ...settings, issuer: this.issuer } });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }
}
