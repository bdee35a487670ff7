/**
 * The bundled list of Dutch municipalities of 2026 with their centrumgemeente regions
 * (data/municipalities-2026.csv; sources and how the regions were derived: data/README.md). The
 * register loader writes it to the `municipalities` table; the service reads the table, and this
 * file only while a database has no list yet.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface MunicipalitySeed {
  code: string;
  name: string;
  province: string;
  regionCode: string;
  /** `seed-list` (a member listed in regions.data.ts) or `derived` (see data/README.md). */
  source: string;
  aliases: string[];
}

export const MUNICIPALITIES_FILE = 'municipalities-2026.csv';
const COLUMNS = ['cbs_code', 'name', 'province', 'region_code', 'source', 'aliases'] as const;

/** RFC 4180 fields of one CSV text: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += c;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** The rows of a municipalities CSV (header `cbs_code,name,province,region_code,source,aliases`); throws naming the line when malformed. */
export function parseMunicipalities(text: string): MunicipalitySeed[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (header?.join(',') !== COLUMNS.join(',')) throw new Error(`municipalities CSV: the header must be ${COLUMNS.join(',')}`);
  return rows.map((cells, i) => {
    const [code, name, province, regionCode, source, aliases] = cells.map((cell) => cell.trim());
    if (cells.length !== COLUMNS.length || !/^GM\d{4}$/.test(code) || !name || !regionCode || !source) {
      throw new Error(
        `municipalities CSV line ${i + 2}: expected ${COLUMNS.length} fields with a GMxxxx code, a name, a region and a source`,
      );
    }
    return {
      code,
      name,
      province,
      regionCode,
      source,
      aliases: aliases
        ? aliases
            .split(';')
            .map((a) => a.trim())
            .filter(Boolean)
        : [],
    };
  });
}

/** Beside this file in the sources; from dist/, the copy the build put there or else the sources'. */
export function municipalitiesFile(from: string = __dirname): string {
  const candidates = [
    path.join(from, 'data', MUNICIPALITIES_FILE),
    path.resolve(from, '../../../../../libs/registry/src/seed/data', MUNICIPALITIES_FILE),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`the municipality list ${MUNICIPALITIES_FILE} is missing (looked in ${candidates.join(', ')})`);
  return found;
}

let bundled: readonly MunicipalitySeed[] | undefined;

/** The bundled list (read once per process; fresh objects on every call). */
export function bundledMunicipalities(): MunicipalitySeed[] {
  bundled ??= parseMunicipalities(readFileSync(municipalitiesFile(), 'utf8'));
  return bundled.map((m) => ({ ...m, aliases: [...m.aliases] }));
}
