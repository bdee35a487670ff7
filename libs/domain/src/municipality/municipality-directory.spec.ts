import fc from 'fast-check';
import { levenshtein, MunicipalityDirectory, MunicipalityRow, normaliseMunicipalityName } from './municipality-directory';

/** A few real rows in CBS spelling (libs/registry/src/seed/data/municipalities-2026.csv has them all). */
const ROWS: MunicipalityRow[] = [
  { code: 'GM0599', name: 'Rotterdam', regionCode: 'RR' },
  { code: 'GM0505', name: 'Dordrecht', regionCode: 'ZHZ' },
  { code: 'GM0344', name: 'Utrecht', regionCode: 'UTR' },
  { code: 'GM0518', name: "'s-Gravenhage", regionCode: 'HGL', aliases: ['Den Haag'] },
  { code: 'GM0796', name: "'s-Hertogenbosch", regionCode: 'NOB', aliases: ['Den Bosch'] },
  { code: 'GM0164', name: 'Hengelo (O.)', regionCode: 'TW', aliases: ['Hengelo'] },
  { code: 'GM0373', name: 'Bergen (NH.)', regionCode: 'NHN' },
  { code: 'GM0893', name: 'Bergen (L.)', regionCode: 'NML' },
  { code: 'GM1900', name: 'Súdwest-Fryslân', regionCode: 'FR' },
  { code: 'GM0531', name: 'Hendrik-Ido-Ambacht', regionCode: 'ZHZ' },
  { code: 'GM0820', name: 'Nuenen, Gerwen en Nederwetten', regionCode: 'ZOB', aliases: ['Nuenen'] },
];
const directory = new MunicipalityDirectory(ROWS);

/** The same text with each letter's case flipped at random and extra spaces around it. */
const variantOf = (name: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }), fc.constantFrom('', ' ', '  \t'))
    .map(([upper, pad]) => pad + [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join('') + pad);

describe('MunicipalityDirectory', () => {
  it('every name, alias and CBS code resolves to its own municipality', () => {
    for (const row of ROWS) {
      for (const key of [row.name, row.code, row.code.toLowerCase(), ...(row.aliases ?? [])]) {
        expect(directory.resolve(key)?.code).toBe(row.code);
      }
    }
  });

  it('any case, spacing or accent variant of a name resolves the same (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROWS).chain((row) => fc.tuple(fc.constant(row), variantOf(row.name))),
        ([row, variant]) => {
          expect(directory.resolve(variant)?.code).toBe(row.code);
          expect(directory.resolve(variant.normalize('NFD'))?.code).toBe(row.code);
        },
      ),
    );
    expect(directory.resolve('Sudwest-Fryslan')?.code).toBe('GM1900');
    expect(directory.resolve('hendrik ido  ambacht')?.code).toBe('GM0531');
    expect(directory.resolve('’s-Hertogenbosch')?.code).toBe('GM0796');
  });

  it('an unknown or ambiguous name resolves to nothing', () => {
    expect(directory.resolve('Rotterdm')).toBeNull();
    expect(directory.resolve('Bergen')).toBeNull();
    expect(directory.resolve('GM9999')).toBeNull();
    expect(directory.resolve('')).toBeNull();
  });

  it('regionOf gives the region of a name, alias or code', () => {
    expect(directory.regionOf('Den Haag')).toBe('HGL');
    expect(directory.regionOf('gm0505')).toBe('ZHZ');
    expect(directory.regionOf('Atlantis')).toBeNull();
  });

  it('suggests the closest names, a qualified name also by its plain form', () => {
    expect(directory.suggest('Rotterdm')[0]).toBe('Rotterdam');
    expect(directory.suggest('Bergen', 2)).toEqual(['Bergen (L.)', 'Bergen (NH.)']);
    expect(directory.suggest('Den Hag', 1)).toEqual(["'s-Gravenhage"]);
    expect(directory.suggest('Utreht')).toHaveLength(3);
    expect(directory.suggest('x', 0)).toEqual([]);
  });

  it('suggests a name itself first for any variant of it (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROWS).chain((row) => fc.tuple(fc.constant(row), variantOf(row.name))),
        ([row, variant]) => expect(directory.suggest(variant, 1)).toEqual([row.name]),
      ),
    );
  });

  it('refuses a list in which two municipalities share a name, alias or code', () => {
    expect(() => new MunicipalityDirectory([...ROWS, { code: 'GM0001', name: 'ROTTERDAM', regionCode: 'RR' }])).toThrow(/GM0599/);
    expect(
      () => new MunicipalityDirectory([...ROWS, { code: 'GM0002', name: 'X', regionCode: 'RR', aliases: ['Den Haag'] }]),
    ).toThrow();
    expect(() => new MunicipalityDirectory([...ROWS, { code: 'gm0599', name: 'Y', regionCode: 'RR' }])).toThrow();
  });
});

describe('normaliseMunicipalityName and levenshtein', () => {
  it('normalising is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) =>
        expect(normaliseMunicipalityName(normaliseMunicipalityName(s))).toBe(normaliseMunicipalityName(s)),
      ),
    );
  });
  it('the edit distance is a metric on small strings (property)', () => {
    const word = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        expect(levenshtein(a, a)).toBe(0);
        expect(levenshtein(a, b)).toBe(levenshtein(b, a));
        expect(levenshtein(a, c)).toBeLessThanOrEqual(levenshtein(a, b) + levenshtein(b, c));
      }),
    );
    expect(levenshtein('rotterdm', 'rotterdam')).toBe(1);
  });
});
