import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1.';

/**
 * Free-text notes (why an offer was declined, why a stay ended) may hold personal details, so they
 * are encrypted in the application before they reach the database (issue: privacy, "encrypted at
 * rest"): AES-256-GCM with a fresh 96-bit IV per note; the tag makes any change to a stored note
 * detectable. The database never sees the key or the text.
 */
export class NoteCipher {
  private readonly key: Buffer;
  private readonly previous: Buffer[];

  /**
   * `key` seals and opens; `previous` keys (NOTES_KEY_PREVIOUS, after a rotation) only open. A
   * note names no key, so each is tried in turn: the tag tells the right one.
   */
  constructor(key: Buffer, ...previous: Buffer[]) {
    if ([key, ...previous].some((k) => k.length !== 32))
      throw new Error('the notes key must be 32 bytes (base64-encoded in NOTES_KEY)');
    this.key = key;
    this.previous = previous;
  }

  seal(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  open(sealed: string): string {
    if (!sealed.startsWith(VERSION)) throw new Error('not a sealed note');
    const raw = Buffer.from(sealed.slice(VERSION.length), 'base64url');
    const keys = [this.key, ...this.previous];
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
