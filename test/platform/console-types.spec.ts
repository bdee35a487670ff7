import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import config, { CONSOLE_TYPES_FILE } from '../../codegen';
import { REPO_ROOT } from '../support/test-env';

/**
 * What `npm run codegen` would write, generated in memory (codegen's `generate`, nothing saved) and
 * formatted by prettier as its hook does. In a child node: the generator's plugins are ES modules,
 * which jest's module loader cannot require.
 */
function generatedNow(): string {
  const script = `
    const { generate } = require('@graphql-codegen/cli');
    const prettier = require('prettier');
    const { file, config } = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    (async () => {
      const [output] = await generate({ ...config, cwd: process.cwd(), silent: true, hooks: {} }, false);
      if (output.filename !== file) throw new Error('unexpected output ' + output.filename);
      const options = await prettier.resolveConfig(file);
      process.stdout.write(await prettier.format(output.content, { ...options, filepath: file }));
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  return execFileSync(process.execPath, ['--no-warnings', '-e', script], {
    cwd: REPO_ROOT,
    input: JSON.stringify({ file: CONSOLE_TYPES_FILE, config }),
    encoding: 'utf8',
  });
}

/** The first line where two texts part, to say in the failure where the checked-in file is behind. */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}:\n  checked in: ${a[at] ?? '(end of file)'}\n  generated:  ${b[at] ?? '(end of file)'}`;
}

/**
 * The console's types are checked in (apps/console/src/api/generated.ts) so the console builds without
 * a generator run; this keeps them what schema.gql and documents.ts say, as graphql-schema.spec.ts keeps
 * schema.gql what the API serves.
 */
describe('the console types (generated.ts)', () => {
  it('are what `npm run codegen` makes of schema.gql and documents.ts', () => {
    const generated = generatedNow();
    const committed = readFileSync(path.join(REPO_ROOT, CONSOLE_TYPES_FILE), 'utf8');
    if (committed !== generated) {
      throw new Error(
        `${CONSOLE_TYPES_FILE} is behind schema.gql or documents.ts: run \`npm run codegen\`, review the diff, ` +
          `fix what no longer typechecks, and commit it. First difference at ${firstDifference(committed, generated)}`,
      );
    }
    expect(committed).toBe(generated);
  });
});
