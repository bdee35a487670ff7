/**
 * Dutch place names, to prove that what a caller sees of a secret-address facility names no town:
 * every municipality of the bundled 2026 list (its CBS name, that name without a "(NH.)"-style
 * suffix, and its aliases such as "Den Haag"), every municipality the region seeds list, and the
 * towns in the seed's addresses (Vries, in Tynaarlo). Pure apart from reading the bundled list.
 */
import { bundledMunicipalities } from './municipalities.data';
import { REGION_SEEDS } from './regions.data';

/** Lower case without diacritics, one kind of apostrophe: "Súdwest-Fryslân" → "sudwest-fryslan". */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019`]/g, "'")
    .toLowerCase();
}

/** The name and, when it has one, the name without its CBS suffix: "Bergen (NH.)" → "Bergen". */
function variants(name: string): string[] {
  const bare = name.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return bare && bare !== name ? [name, bare] : [name];
}

/** Every Dutch place name this service knows, plus `extra` (e.g. a facility's own town). */
export function dutchPlaceNames(extra: readonly string[] = []): string[] {
  const names = new Set<string>();
  for (const municipality of bundledMunicipalities()) {
    for (const name of [municipality.name, ...municipality.aliases]) variants(name).forEach((v) => names.add(v));
  }
  for (const region of REGION_SEEDS) {
    names.add(region.centralMunicipality);
    region.municipalities.forEach((m) => variants(m).forEach((v) => names.add(v)));
  }
  extra.forEach((name) => variants(name).forEach((v) => names.add(v)));
  return [...names].filter((name) => name.trim().length > 0);
}

/** The town of a seed address, `Lindelaan 12, 9481 AB Vries` → `Vries`; null when it has none. */
export function townOfAddress(address: string): string | null {
  return /\d{4} [A-Z]{2} (.+)$/.exec(address)?.[1]?.trim() ?? null;
}

/**
 * A matcher for whole place names in free text, case- and accent-insensitive: "Ede" is found in
 * "regio Ede" and "ede-noord", not in "Nederland" or "3ede4" (a letter or digit on either side means
 * another word).
 */
export function placeNameFinder(names: readonly string[]): (text: string) => string[] {
  const patterns = names.map((name) => ({
    name,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(normalise(name))}(?![\\p{L}\\p{N}])`, 'u'),
  }));
  return (text) => {
    const normalised = normalise(text);
    return patterns.filter(({ pattern }) => pattern.test(normalised)).map(({ name }) => name);
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every string in a value, with its path: `{ a: { b: 'x' } }` → `[['a.b', 'x']]`. */
export function stringsIn(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsIn(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, path ? `${path}.${key}` : key));
  }
  return [];
}
