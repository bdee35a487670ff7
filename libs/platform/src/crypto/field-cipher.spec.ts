import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher';
import { NoteCipher } from './note-cipher';

/** Issue 12: profiles are encrypted at rest, each bound to its row and column. */
describe('FieldCipher (issue 12: profiles encrypted at rest)', () => {
  const key = randomBytes(32);
  const cipher = new FieldCipher([key]);
  const here = 'placement_requests.profile/0b6f6d2e-0000-4000-8000-000000000001';
  const profile = { gender: 'FEMALE', age: 37, careNeeds: ['PSYCHIATRIC'], languages: ['xq'], minor: false };

  it('round-trips a profile and stores nothing of it readably', () => {
    const sealed = cipher.sealJson(profile, here);
    for (const clear of ['FEMALE', 'PSYCHIATRIC', '"xq"', '"age":37', 'careNeeds', 'minor']) expect(sealed).not.toContain(clear);
    expect(cipher.openJson(sealed, here)).toEqual(profile);
  });

  it('names the key that sealed a value, never the key itself, and gives a fresh ciphertext each time', () => {
    const sealed = cipher.seal('x', here);
    expect(sealed).toMatch(new RegExp(`^f1\\.${cipher.currentKeyId}\\.[A-Za-z0-9_-]+$`));
    expect(cipher.currentKeyId).toMatch(/^[0-9a-f]{8}$/);
    expect(sealed).not.toContain(key.toString('base64url'));
    expect(cipher.seal('x', here)).not.toBe(sealed);
  });

  it('refuses a ciphertext moved to another row or column', () => {
    const sealed = cipher.sealJson(profile, here);
    expect(() => cipher.open(sealed, 'placement_requests.profile/0b6f6d2e-0000-4000-8000-000000000002')).toThrow();
    expect(() => cipher.open(sealed, 'placement_requests.members/0b6f6d2e-0000-4000-8000-000000000001')).toThrow();
  });

  it('detects a changed value and refuses a wrong or unknown key', () => {
    const sealed = cipher.seal('declined: no place for children', here);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => cipher.open(tampered, here)).toThrow();
    expect(() => new FieldCipher([randomBytes(32)]).open(sealed, here)).toThrow(/not configured/);
    expect(() => cipher.open('{"gender":"FEMALE"}', here)).toThrow(/not a sealed field/);
    expect(() => cipher.open(`f1.${cipher.currentKeyId}.AAAA`, here)).toThrow(/not a sealed field/);
  });

  it('rotates: the new key seals, the previous one still opens what it sealed, and says it is due for resealing', () => {
    const old = cipher.seal('before the rotation', here);
    const rotated = new FieldCipher([randomBytes(32), key]);
    expect(rotated.open(old, here)).toBe('before the rotation');
    expect(rotated.isCurrent(old)).toBe(false);
    const resealed = rotated.seal(rotated.open(old, here), here);
    expect(rotated.isCurrent(resealed)).toBe(true);
    expect(() => cipher.open(resealed, here)).toThrow(/not configured/);
  });

  it('is kept apart from the notes sealed with the same key', () => {
    const note = new NoteCipher(key).seal('a note');
    expect(() => cipher.open(note, here)).toThrow();
    const field = cipher.seal('a field', here);
    expect(() => new NoteCipher(key).open(field)).toThrow();
  });

  it('refuses a key of the wrong length, or none', () => {
    expect(() => new FieldCipher([randomBytes(16)])).toThrow(/32 bytes/);
    expect(() => new FieldCipher([])).toThrow();
  });
});

describe('NoteCipher with a previous key (issue 12: key rotation)', () => {
  it('names the key that sealed a note, and still opens notes from before notes named it', () => {
    const notes = new NoteCipher(randomBytes(32));
    const sealed = notes.seal('weigering');
    expect(sealed.startsWith(notes.sealedPrefix)).toBe(true);
    expect(notes.sealedPrefix).toMatch(/^v1\.[0-9a-f]{8}\.$/);
    expect(notes.open(`v1.${sealed.split('.')[2]}`)).toBe('weigering');
  });

  it('opens notes sealed under the key NOTES_KEY replaced, and seals under the new one', () => {
    const before = randomBytes(32);
    const note = new NoteCipher(before).seal('weigering');
    const rotated = new NoteCipher(randomBytes(32), before);
    expect(rotated.open(note)).toBe('weigering');
    expect(() => new NoteCipher(before).open(rotated.seal('na rotatie'))).toThrow();
  });
});

describe('FieldCipher lookups (issue 12: clientReference as a keyed lookup value)', () => {
  const key = randomBytes(32);
  const cipher = new FieldCipher([key]);

  it('issue 12: is deterministic per key, purpose and parts, and reveals nothing of them', () => {
    const value = cipher.lookup('client_reference', ['avim-rotterdam', 'RT-COM-001']);
    expect(value).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.lookup('client_reference', ['avim-rotterdam', 'RT-COM-001'])).toBe(value);
    expect(new FieldCipher([key]).lookup('client_reference', ['avim-rotterdam', 'RT-COM-001'])).toBe(value);
    // Another organisation, another purpose, another key, or the same text split otherwise: another value.
    expect(cipher.lookup('client_reference', ['zc-rijnmond', 'RT-COM-001'])).not.toBe(value);
    expect(cipher.lookup('other', ['avim-rotterdam', 'RT-COM-001'])).not.toBe(value);
    expect(new FieldCipher([randomBytes(32)]).lookup('client_reference', ['avim-rotterdam', 'RT-COM-001'])).not.toBe(value);
    expect(cipher.lookup('client_reference', ['avim-rotterdamR', 'T-COM-001'])).not.toBe(value);
  });

  it('issue 12: after a rotation, lookups give the current key first and still the previous key', () => {
    const rotated = new FieldCipher([randomBytes(32), key]);
    const before = cipher.lookup('client_reference', ['o', 'r']);
    const all = rotated.lookups('client_reference', ['o', 'r']);
    expect(all).toHaveLength(2);
    expect(all[0]).toBe(rotated.lookup('client_reference', ['o', 'r']));
    expect(all[0]).not.toBe(before);
    expect(all[1]).toBe(before);
  });
});
