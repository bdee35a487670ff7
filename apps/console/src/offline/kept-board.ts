import type { Facility } from '../api/types';

/**
 * The last bed board this viewer saw, kept on the device so that a dropped network shows it (marked
 * not live) instead of nothing. Only the board: facility figures this viewer was already shown,
 * never a profile or a case. A secret-address facility keeps only whether a place is free (0 or
 * ≥ 1), never its counts or where it is, even for its own staff: a phone can be lost.
 *
 * In the Cache API (not localStorage: it is not read on every page and can be cleared as one),
 * under a key per viewer: a hash of the token's issuer and subject, never the token itself — a
 * bearer token at rest on the device would be a credential for anyone who reads the storage, and
 * the hash names no one. Cleared at logout (forgetKeptBoards).
 */
const BOARD_CACHE = 'opvangplek-board';

export interface KeptBoard {
  /** When these figures were last read from the API (ISO). */
  savedAt: string;
  facilities: Facility[];
}

/** The viewer's key: SHA-256 of the token's `iss` and `sub` (null when the token names no subject). */
export async function viewerKey(token: string): Promise<string | null> {
  let claims: { iss?: unknown; sub?: unknown };
  try {
    claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as typeof claims;
  } catch {
    return null;
  }
  if (typeof claims.sub !== 'string' || !globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${String(claims.iss ?? '')}\n${claims.sub}`));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A facility as it may be kept: a secret address reduced to its kind, region and free-or-not band.
 * Its own staff are shown its real name and intake line live, but neither is kept: each locates it
 * as surely as the address, and a board outlives the tab when it is closed without logging out.
 * With no address kept, the console names it anonymously from its kind and region (facilityName).
 */
export function keepable(facility: Facility): Facility {
  if (!facility.secretAddress) return facility;
  return {
    ...facility,
    name: '',
    intakePhone: null,
    capacity: null,
    address: null,
    municipality: null,
    latitude: null,
    longitude: null,
    intake: { ...facility.intake, description: '' },
  };
}

const entry = (key: string) => `/offline/board/${key}`;

/**
 * Writes one after another, in the order asked: a board being kept as the person logs out is
 * written before the logout's clearing, never after it.
 */
let writes: Promise<void> = Promise.resolve();
function inTurn(write: () => Promise<void>): Promise<void> {
  writes = writes.then(write, write);
  return writes;
}

/** Keeps the board as shown now (with its secret addresses reduced), in place of any other viewer's. */
export function keepBoard(key: string, facilities: Facility[], savedAt = new Date()): Promise<void> {
  if (!('caches' in globalThis)) return Promise.resolve();
  const board: KeptBoard = { savedAt: savedAt.toISOString(), facilities: facilities.map(keepable) };
  return inTurn(async () => {
    const cache = await caches.open(BOARD_CACHE);
    await cache.put(entry(key), new Response(JSON.stringify(board), { headers: { 'content-type': 'application/json' } }));
    // One board on the device: a colleague who closed the tab without logging out loses theirs to
    // the next viewer here, who could not read it anyway.
    const own = new URL(entry(key), location.origin).href;
    for (const request of await cache.keys()) if (request.url !== own) await cache.delete(request);
  });
}

export async function keptBoard(key: string): Promise<KeptBoard | null> {
  if (!('caches' in globalThis)) return null;
  const response = await (await caches.open(BOARD_CACHE)).match(entry(key));
  return response ? ((await response.json()) as KeptBoard) : null;
}

/** At logout: every kept board on this device goes, whoever's it was. */
export function forgetKeptBoards(): Promise<void> {
  if (!('caches' in globalThis)) return Promise.resolve();
  return inTurn(async () => {
    await caches.delete(BOARD_CACHE);
  });
}
