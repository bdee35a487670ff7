/** Minimal `--name value` parsing; a repeated flag collects every value. Unknown flags are refused. */
export function parseFlags(argv: string[], allowed: readonly string[]): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name}; allowed: ${allowed.map((a) => `--${a}`).join(' ')}`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return flags;
}

export class UsageError extends Error {}

/** Splits `a,b` and repeated flags into one list. */
export function listFlag(flags: Map<string, string[]>, name: string): string[] {
  return (flags.get(name) ?? []).flatMap((value) => value.split(',')).map((v) => v.trim()).filter(Boolean);
}
