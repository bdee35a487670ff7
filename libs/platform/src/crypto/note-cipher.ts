import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { keyIdOf } from './field-cipher';

const VERSION = 'v1.';

/**
 * Free-text notes (why an offer was declined, why a stay ended) may hold personal details, so they
 * are encrypted in the application before they reach the database (issue: privacy, "encrypted at
 * rest"): AES-256-GCM with a fresh 96-bit IV per note; the tag makes any change to a stored note
 * detectable. The database never sees the key or the text.
 */
export class NoteCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly currentKeyId: string;

  /**
   * `key` seals and opens; `previous` keys (NOTES_KEY_PREVIOUS, after a rotation) only open. A
   * note names the key that sealed it (`v1.<key id>.<payload>`), so a rotation can reseal the
   * notes under the new key; notes from before key ids (`v1.<payload>`) are tried with each key.
   */
  constructor(key: Buffer, ...previous: Buffer[]) {
    if ([key, ...previous].some((k) => k.length !== 32))
      throw new Error('the notes key must be 32 bytes (base64-encoded in NOTES_KEY)');
    this.keys = new Map([key, ...previous].reverse().map((k) => [keyIdOf(k), k]));
    this.currentKeyId = keyIdOf(key);
  }

  seal(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return this.sealedPrefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** How every note sealed under the current key begins (the others are due to be resealed). */
  get sealedPrefix(): string {
    return `${VERSION}${this.currentKeyId}.`;
  }

  open(sealed: string): string {
    if (!sealed.startsWith(VERSION)) throw new Error('not a sealed note');
    const parts = sealed.slice(VERSION.length).split('.');
    if (parts.length === 2) {
      const key = this.keys.get(parts[0]);
      if (!key) throw new Error(`note sealed under key ${parts[0]}, which is not configured (NOTES_KEY, NOTES_KEY_PREVIOUS)`);
      return this.openWith(key, Buffer.from(parts[1], 'base64url'));
    }
    const raw = Buffer.from(parts[0], 'base64url');
    const keys = [...this.keys.values()].reverse();
    for (let i = 0; ; i += 1) {
      try {
        return this.openWith(keys[i], raw);
      } catch (error) {
        if (i === keys.length - 1) throw error;
      }
    }
  }

  private openWith(key: Buffer, raw: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}

export const NOTE_CIPHER = Symbol('NOTE_CIPHER');
