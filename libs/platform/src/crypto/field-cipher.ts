import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const FORMAT = 'f1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key's id: a short fingerprint derived from it (one-way), stored with each value it sealed. */
export const keyIdOf = (key: Buffer) =>
  Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'opvangplek key id', 4)).toString('hex');

/**
 * Personal data kept in a column (a victim's profile, her group's members, their anonymous facts)
 * is sealed in the application before it reaches the database, so a dump, a backup or the
 * application's own database role holds ciphertext only (issue 12: "profiles are encrypted at rest").
 *
 * AES-256-GCM with a fresh 96-bit IV per value. The *context* (table, column and row id) is the
 * associated data: a ciphertext opens only where it was sealed, so one copied to another row (to
 * make request A carry request B's profile, or to read B's profile through A's break-glass view)
 * or to another column fails to open instead of being trusted. This is why notes' NoteCipher (no
 * associated data) was not reused as is; its key is, through a subkey: HKDF separates the two uses,
 * so a note can never be opened as a field nor a field as a note.
 *
 * Format: `f1.<key id>.<base64url(iv | tag | ciphertext)>`. The key id names the key that sealed
 * the value, so keys rotate: the first key seals, the others (NOTES_KEY_PREVIOUS) still open, and
 * values sealed under an older key are resealed under the current one (`isCurrent`).
 */
export class FieldCipher {
  private readonly keys = new Map<string, Buffer>();
  /** The notes keys themselves, current first: lookup keys are derived from them per purpose. */
  private readonly rootKeys: Buffer[] = [];
  private readonly lookupKeys = new Map<string, Buffer[]>();
  readonly currentKeyId: string;

  /** `keys[0]` seals; every key opens what it sealed. Each 32 bytes (the notes key and its predecessors). */
  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new Error('the field cipher needs a key');
    for (const key of keys) {
      if (key.length !== 32) throw new Error('the notes key must be 32 bytes (base64-encoded in NOTES_KEY)');
      const id = keyIdOf(key);
      if (this.keys.has(id)) continue;
      this.keys.set(id, Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'opvangplek field cipher v1', 32)));
      this.rootKeys.push(key);
    }
    this.currentKeyId = keyIdOf(keys[0]);
  }

  seal(text: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return `${FORMAT}.${this.currentKeyId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** The text sealed in `context`; throws if it was sealed elsewhere, changed, or under a key not given. */
  open(sealed: string, context: string): string {
    const [format, keyId, payload, ...rest] = sealed.split('.');
    if (format !== FORMAT || payload === undefined || rest.length > 0) throw new Error('not a sealed field');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`sealed under key ${keyId}, which is not configured (NOTES_KEY, NOTES_KEY_PREVIOUS)`);
    const raw = Buffer.from(payload, 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('not a sealed field');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  sealJson(value: unknown, context: string): string {
    return this.seal(JSON.stringify(value), context);
  }

  openJson<T>(sealed: string, context: string): T {
    return JSON.parse(this.open(sealed, context)) as T;
  }

  /**
   * A keyed lookup value for `parts` (HMAC-SHA256, hex) under the current key: equal inputs give
   * equal values, so a column holding it can be indexed and compared for equality, yet without the
   * key nobody can compute it to test a guess against a dump. Each `purpose` has its own key
   * (HKDF from the notes key), so lookups of one purpose never match another's, nor any ciphertext.
   * The parts are encoded unambiguously (JSON), so ["a", "bc"] and ["ab", "c"] differ.
   */
  lookup(purpose: string, parts: readonly string[]): string {
    return this.lookups(purpose, parts)[0];
  }

  /**
   * `lookup` under every configured key, the current key's first: a value written before NOTES_KEY
   * was rotated is found under the previous key until it is resealed under the current one.
   */
  lookups(purpose: string, parts: readonly string[]): string[] {
    let keys = this.lookupKeys.get(purpose);
    if (!keys) {
      keys = this.rootKeys.map((key) =>
        Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `opvangplek lookup v1/${purpose}`, 32)),
      );
      this.lookupKeys.set(purpose, keys);
    }
    const message = JSON.stringify(parts);
    return keys.map((key) => createHmac('sha256', key).update(message, 'utf8').digest('hex'));
  }

  /** How every value sealed under the current key begins. */
  get sealedPrefix(): string {
    return `${FORMAT}.${this.currentKeyId}.`;
  }

  /** Whether `sealed` was sealed under the current key (else it is due to be resealed). */
  isCurrent(sealed: string): boolean {
    return sealed.startsWith(this.sealedPrefix);
  }
}

export const FIELD_CIPHER = Symbol('FIELD_CIPHER');
