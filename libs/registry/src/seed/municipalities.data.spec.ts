import { MunicipalityDirectory } from '@opvangplek/domain';
import { bundledMunicipalities, parseCsv, parseMunicipalities } from './municipalities.data';
import { REGION_SEEDS } from './regions.data';

/** The seed's spellings that differ from CBS (shared/data/README.md, "Check against regions.data.ts"). */
const SEED_SPELLING: Record<string, string> = { Bergen: 'Bergen (NH.)' };

describe('the municipality list of 2026 (seed/data/municipalities-2026.csv)', () => {
  const municipalities = bundledMunicipalities();
  const directory = new MunicipalityDirectory(municipalities);
  const regionCodes = new Set(REGION_SEEDS.map((region) => region.code));

  it('holds the 342 municipalities of CBS, each once, each in exactly one of the 35 regions', () => {
    expect(municipalities).toHaveLength(342);
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(342);
    expect(new Set(municipalities.map((m) => m.name)).size).toBe(342);
    for (const m of municipalities) expect(regionCodes).toContain(m.regionCode);
    expect(directory.size).toBe(342);
  });

  it('gives every one of the 35 regions at least one municipality', () => {
    const used = new Set(municipalities.map((m) => m.regionCode));
    expect([...regionCodes].filter((code) => !used.has(code))).toEqual([]);
  });

  it("maps each region's central municipality to that region", () => {
    for (const region of REGION_SEEDS)
      expect([region.centralMunicipality, directory.regionOf(region.centralMunicipality)]).toEqual([
        region.centralMunicipality,
        region.code,
      ]);
  });

  it('keeps every member the seed lists in its seed region, marked seed-list; the rest is marked derived', () => {
    const listed = new Set<string>();
    for (const region of REGION_SEEDS) {
      for (const name of region.municipalities) {
        const m = directory.resolve(SEED_SPELLING[name] ?? name);
        expect([name, m?.regionCode]).toEqual([name, region.code]);
        listed.add(m!.code);
      }
    }
    for (const m of municipalities) expect([m.name, m.source]).toEqual([m.name, listed.has(m.code) ? 'seed-list' : 'derived']);
    expect(municipalities.filter((m) => m.source === 'derived')).toHaveLength(104);
  });

  it('accepts the common names of the data README as aliases (Den Haag, Hengelo, …)', () => {
    expect(directory.resolve('Den Haag')?.name).toBe("'s-Gravenhage");
    expect(directory.resolve('Hengelo')?.name).toBe('Hengelo (O.)');
    expect(directory.resolve('Nuenen')?.name).toBe('Nuenen, Gerwen en Nederwetten');
    expect(directory.resolve('Den Bosch')?.name).toBe("'s-Hertogenbosch");
    expect(directory.resolve('Bergen')).toBeNull();
  });

  it('Twente is its 14 municipalities (000:2110-2123)', () => {
    expect(municipalities.filter((m) => m.regionCode === 'TW')).toHaveLength(14);
  });
});

describe('parseMunicipalities', () => {
  it('reads RFC 4180 quoting and refuses a wrong header or a malformed line', () => {
    expect(parseCsv('a,"b, c","d ""e"""\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'd "e"'],
      ['1', '2', '3'],
    ]);
    const header = 'cbs_code,name,province,region_code,source,aliases\n';
    expect(parseMunicipalities(`${header}GM0518,'s-Gravenhage,Zuid-Holland,HGL,derived,Den Haag;The Hague\n`)).toEqual([
      {
        code: 'GM0518',
        name: "'s-Gravenhage",
        province: 'Zuid-Holland',
        regionCode: 'HGL',
        source: 'derived',
        aliases: ['Den Haag', 'The Hague'],
      },
    ]);
    expect(() => parseMunicipalities('code,name\n')).toThrow(/header/);
    expect(() => parseMunicipalities(`${header}0518,X,Y,HGL,derived,\n`)).toThrow(/line 2/);
  });
});
