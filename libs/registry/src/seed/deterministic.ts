/**
 * Deterministic variation for seed data: every "random" choice is a hash of a stable label (a facility
 * key plus a purpose), so the register is identical on every run and adding one facility does not
 * shift the values of the others. No Math.random anywhere in the seed.
 */

/** FNV-1a over UTF-16 code units, finished with the murmur3 avalanche so nearby labels spread well. */
export function hash32(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) derived from the parts. */
export function unitFor(...parts: ReadonlyArray<string | number>): number {
  return hash32(parts.join('|')) / 0x1_0000_0000;
}

/** A whole number in [min, max] (both inclusive) derived from the parts. */
export function intFor(min: number, max: number, ...parts: ReadonlyArray<string | number>): number {
  return min + Math.floor(unitFor(...parts) * (max - min + 1));
}

/** One item of a non-empty list, chosen by the parts. */
export function pickFor<T>(items: readonly T[], ...parts: ReadonlyArray<string | number>): T {
  if (items.length === 0) throw new Error('pickFor needs a non-empty list');
  return items[Math.floor(unitFor(...parts) * items.length)];
}

/** `value` moved by at most ±`spread`, rounded to 5 decimals (about a metre). */
export function jitter(value: number, spread: number, ...parts: ReadonlyArray<string | number>): number {
  const moved = value + (unitFor(...parts) * 2 - 1) * spread;
  return Math.round(moved * 100_000) / 100_000;
}
