import { dutchPlaceNames, placeNameFinder, stringsIn } from '@opvangplek/registry/seed/place-names';
import type { DataSource } from 'typeorm';

/** A secret-address facility as the register holds it: everything that must not be shown of it. */
export interface SecretRegisterRow {
  id: string;
  key: string;
  name: string;
  operator: string;
  municipality: string;
  address: string;
  intake_phone: string;
  region_code: string;
  region_name: string;
  central_municipality: string;
}

/** Every secret-address facility of the register, with its region, in key order. */
export function readSecretFacilities(dataSource: DataSource): Promise<SecretRegisterRow[]> {
  return dataSource.query(
    `SELECT f.id, f.key, f.name, f.operator, f.municipality, f.address, f.intake_phone, f.region_code, r.name AS region_name, r.central_municipality
       FROM facilities f JOIN regions r ON r.code = f.region_code WHERE f.secret_address ORDER BY f.key`,
  );
}

let placeNames: string[] | undefined;

/**
 * Every way `shown` names a secret facility's place or identity: a Dutch place name in any of its
 * strings, or its register key, name, operator, address or intake line. Its region is what it
 * discloses: the phrase "regio <region>" of an anonymous name is no leak, and where
 * `regionNameMayStand`, neither is a string that is exactly the region's name (an export's region display).
 */
export function secretLeaksOf(row: SecretRegisterRow, shown: unknown, options: { regionNameMayStand?: boolean } = {}): string[] {
  placeNames ??= dutchPlaceNames();
  const town = /\d{4} [A-Z]{2} (.+)$/.exec(row.address)?.[1] ?? row.municipality;
  const find = placeNameFinder([...placeNames, row.municipality, row.central_municipality, town]);
  const ownRegion = `regio ${row.region_name.replace(/^Regio /, '')}`;
  const leaks: string[] = [];
  for (const [field, text] of stringsIn(shown)) {
    if (options.regionNameMayStand && text === row.region_name) continue;
    for (const place of find(text.split(ownRegion).join(' '))) leaks.push(`${row.key}.${field} = "${text}" names ${place}`);
  }
  // A phone number locates a shelter as well as its address does.
  const register = { key: row.key, name: row.name, operator: row.operator, address: row.address, intakePhone: row.intake_phone };
  const text = JSON.stringify(shown);
  for (const [field, value] of Object.entries(register)) {
    if (text.includes(JSON.stringify(value))) leaks.push(`${row.key} shows its register ${field}`);
  }
  return leaks;
}
