import { randomBytes } from 'node:crypto';
import { NoteCipher } from './note-cipher';

describe('NoteCipher', () => {
  const cipher = new NoteCipher(randomBytes(32));

  it('round-trips any text, and never stores it readably', () => {
    const note = 'weigering: contra-indicatie (actieve verslaving) — é ü 😀';
    const sealed = cipher.seal(note);
    expect(sealed).not.toContain('verslaving');
    expect(cipher.open(sealed)).toBe(note);
  });

  it('gives a different ciphertext each time (fresh IV)', () => {
    expect(cipher.seal('x')).not.toBe(cipher.seal('x'));
  });

  it('detects a changed note and refuses the wrong key', () => {
    const sealed = cipher.seal('declined: no place for children');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => cipher.open(tampered)).toThrow();
    expect(() => new NoteCipher(randomBytes(32)).open(sealed)).toThrow();
  });

  it('refuses a key of the wrong length', () => {
    expect(() => new NoteCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
