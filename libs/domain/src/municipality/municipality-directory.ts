/**
 * The Dutch municipalities and the centrumgemeente region each belongs to (domain.md §3 "found in /
 * registered in", §5a "from the complete municipality list mapped to the 35 regions"). Pure: built
 * from rows that the registry reads from its table (or its bundled list); no I/O here.
 */

/** One municipality as the directory is built from it. */
export interface MunicipalityRow {
  /** CBS code, `GM` + four digits, e.g. `GM0599`. */
  code: string;
  /** CBS spelling, e.g. `'s-Gravenhage`, `Hengelo (O.)`. */
  name: string;
  regionCode: string;
  /** Other names people use, e.g. `Den Haag`. */
  aliases?: readonly string[];
}

export type Municipality = Readonly<Required<MunicipalityRow>>;

/** A province or other qualifier CBS adds to tell namesakes apart: `Bergen (NH.)` → `Bergen`. */
const QUALIFIER = /\s*\([^)]*\)\s*$/;

/**
 * The form names are compared in: no accents (`Súdwest-Fryslân` = `Sudwest-Fryslan`), lower case,
 * no apostrophes (`s-Gravenhage` typed without one is `'s-Gravenhage`), hyphens as spaces,
 * whitespace collapsed and trimmed.
 */
export function normaliseMunicipalityName(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc`´]/g, '')
    .replace(/[-\u2010-\u2015]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Edit distance (insertions, deletions, substitutions), two rows of memory. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

export class MunicipalityDirectory {
  private readonly byKey = new Map<string, Municipality>();
  /** Every normalised form suggestions are measured against, with its municipality. */
  private readonly variants: { form: string; municipality: Municipality }[] = [];
  private readonly all: readonly Municipality[];

  /** Throws when two rows share a code, or a name or alias that normalises to another's (a data error). */
  constructor(rows: readonly MunicipalityRow[]) {
    this.all = rows.map((row) =>
      Object.freeze({
        code: row.code.toUpperCase(),
        name: row.name,
        regionCode: row.regionCode,
        aliases: [...(row.aliases ?? [])],
      }),
    );
    for (const municipality of this.all) {
      const keys = [
        municipality.code.toLowerCase(),
        ...[municipality.name, ...municipality.aliases].map(normaliseMunicipalityName),
      ];
      for (const key of new Set(keys)) {
        const other = this.byKey.get(key);
        if (other) throw new Error(`municipality list: "${key}" names both ${other.code} and ${municipality.code}`);
        this.byKey.set(key, municipality);
      }
      const forms = [municipality.name, municipality.name.replace(QUALIFIER, ''), ...municipality.aliases];
      for (const form of new Set(forms.map(normaliseMunicipalityName))) this.variants.push({ form, municipality });
    }
  }

  get size(): number {
    return this.all.length;
  }

  municipalities(): readonly Municipality[] {
    return this.all;
  }

  /** The municipality a CBS code (`GM0599`), name or alias names, whatever its case, accents or spacing; else null. */
  resolve(nameOrCode: string): Municipality | null {
    return this.byKey.get(normaliseMunicipalityName(nameOrCode)) ?? null;
  }

  /** The region code of the municipality `nameOrCode` names, or null when it names none. */
  regionOf(nameOrCode: string): string | null {
    return this.resolve(nameOrCode)?.regionCode ?? null;
  }

  /**
   * The `n` names closest to `input` (edit distance between normalised forms, a name also without
   * its CBS qualifier: `Bergen` is as close to `Bergen (NH.)` as to `Bergen (L.)`); ties by name.
   */
  suggest(input: string, n = 3): string[] {
    const wanted = normaliseMunicipalityName(input);
    const best = new Map<Municipality, number>();
    for (const { form, municipality } of this.variants) {
      const distance = levenshtein(wanted, form);
      if (distance < (best.get(municipality) ?? Infinity)) best.set(municipality, distance);
    }
    return [...best]
      .sort(([a, da], [b, db]) => da - db || a.name.localeCompare(b.name, 'nl'))
      .slice(0, Math.max(0, n))
      .map(([municipality]) => municipality.name);
  }
}
