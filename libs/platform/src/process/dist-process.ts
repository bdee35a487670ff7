/**
 * Starts one of Opvangplek's own compiled processes (an API, a worker, the standalone service) as a
 * child, waits until it is ready, and stops it again: what the benchmark's private clusters and the
 * multi-process tests both need. They differ only in where dist/ is and how readiness shows.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface DistProcess {
  child: ChildProcess;
  /** What the process wrote (stdout and stderr), all of it or its last `outputLimit` characters. */
  output(): string;
  /** SIGTERM (or `signal`), SIGKILL after 10 s; resolves with the exit code (`null` when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Ready when `url`/ready answers 200, or when the output contains `outputIncludes` (processes without HTTP). */
export type Readiness = { url: string } | { outputIncludes: string };

export async function startDistProcess(
  entry: string,
  env: Record<string, string>,
  readiness: Readiness,
  options: {
    label: string;
    timeoutMs?: number;
    execArgv?: readonly string[];
    pollMs?: number;
    /** Keep only the last this many characters of output (a process under long load logs a lot). */
    outputLimit?: number;
  },
): Promise<DistProcess> {
  let output = '';
  // Only what the process is given: never the caller's secrets or settings by accident.
  const child = spawn(process.execPath, [...(options.execArgv ?? []), entry], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (options.outputLimit !== undefined && output.length > options.outputLimit) output = output.slice(-options.outputLimit);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (alive()) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  const isReady =
    'url' in readiness
      ? () =>
          fetch(`${readiness.url}/ready`).then(
            (response) => response.ok,
            () => false,
          )
      : async () => output.includes(readiness.outputIncludes);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!alive())
      throw new Error(`${options.label} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
    if (await isReady()) break;
    if (Date.now() > deadline) {
      await stop('SIGKILL');
      throw new Error(`${options.label} was not ready within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
  return { child, output: () => output, stop };
}
