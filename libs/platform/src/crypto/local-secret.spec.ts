import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readOrCreateLocalSecret } from './local-secret';

describe('readOrCreateLocalSecret', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'opvangplek-secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the secret once, owner-readable only, and leaves no draft file behind', () => {
    const first = readOrCreateLocalSecret(dir, 'key', () => 'first-secret');
    expect(first).toBe('first-secret');
    expect(readOrCreateLocalSecret(dir, 'key', () => 'second-secret')).toBe('first-secret');
    expect(statSync(path.join(dir, 'key')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['key']);
  });
});
