import type { ShelterType } from '../api/types';

type Words = {
  f(key: 'facility.anonymous', values: Record<string, string>): string;
  label(group: string, value: string): string;
};

/** What the console needs of a facility to name it. */
export interface NamedFacility {
  name: string;
  type: ShelterType;
  secretAddress: boolean;
  address: string | null;
  region: { name: string };
}

/**
 * A facility's name in the viewer's language. A secret-address facility the viewer may not locate
 * (the API withholds its address, which every facility in the register has) carries an anonymous
 * Dutch stand-in for a name; its kind and region come separately, so the console says the same thing
 * in its own words: "Women's shelter (secret address), region Rotterdam Rijnmond".
 */
export function facilityName(words: Words, facility: NamedFacility): string {
  if (!isAnonymous(facility)) return facility.name;
  // "Regio Amersfoort" is already called so: "regio Amersfoort", not "regio Regio Amersfoort" (as the API says it).
  const region = facility.region.name.replace(/^regio\s+/i, '');
  return words.f('facility.anonymous', { kind: words.label('kind', facility.type), region });
}

/** Whether the viewer knows this facility only by its kind and region (a secret address it may not locate). */
export function isAnonymous(facility: Pick<NamedFacility, 'secretAddress' | 'address'>): boolean {
  return facility.secretAddress && facility.address === null;
}
