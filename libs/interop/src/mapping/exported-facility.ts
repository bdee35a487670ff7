import { createHash } from 'node:crypto';
import type { FacilityModel } from '@opvangplek/registry';

/**
 * A facility as the `facilities` query shows it to one caller (registry's `facilityView`): the open
 * standards map exactly that view, so a secret-address facility is as anonymous in an export as in
 * the API (no address, municipality, coordinates, phone, operator or counts for who may not locate
 * it) without a second set of rules that could drift from the first.
 */
export type ExportedFacility = Pick<
  FacilityModel,
  | 'id'
  | 'key'
  | 'name'
  | 'type'
  | 'operator'
  | 'region'
  | 'municipality'
  | 'secretAddress'
  | 'address'
  | 'intakePhone'
  | 'latitude'
  | 'longitude'
  | 'placingAuthority'
  | 'intake'
  | 'eligibility'
  | 'capacity'
  | 'availability'
>;

/**
 * Whether the view is the anonymous one: a secret address the caller may not see. The same test as
 * the console's ("secretAddress and no address"); the view has already withheld what it must, this
 * only keeps the mappings from adding what the view does not carry (an operator as an organisation).
 */
export function isShownAnonymous(facility: Pick<ExportedFacility, 'secretAddress' | 'address'>): boolean {
  return facility.secretAddress && facility.address === null;
}

/** Our own namespace for name-based identifiers (a random UUID, fixed once). */
const NAMESPACE = Buffer.from('3f0c2a9e5b7d4c1e8a6f9d2b4e7c1a05', 'hex');

/**
 * A UUID (RFC 9562 version 5: SHA-1 of a namespace and a name) for a part of an export that has no
 * row of its own (a facility's phone, its capacity, the unit "bed"): HSDS wants a UUID for each, and
 * the same part must keep its id from one export to the next so a consumer can update rather than
 * duplicate. Only ever derived from what the export already shows (a facility's id, a kind's code).
 */
export function stableUuid(...name: string[]): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name.join('\u0000')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** "Teststraat 1, 3011 AA Rotterdam" in its parts; an address in another shape is kept whole as its line. */
export function dutchAddressParts(
  address: string,
  municipality: string | null,
): { line: string; postalCode: string | null; city: string | null } {
  const match = /^(.*?),\s*(\d{4}\s?[A-Z]{2})\s+(.+)$/.exec(address.trim());
  if (!match) return { line: address, postalCode: null, city: municipality };
  return { line: match[1], postalCode: match[2], city: match[3] };
}
