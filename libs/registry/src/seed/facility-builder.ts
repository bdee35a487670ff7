/**
 * Shared building blocks for the seed register: the eligibility vocabularies, per-kind defaults
 * (domain.md §2), fictional addresses, coordinates near the region and realistic occupancy.
 */
import {
  B8Status,
  CapacityCounts,
  CareNeed,
  Eligibility,
  ExploitationType,
  FacilityDefinition,
  Gender,
  OpeningHours,
  PLACING_AUTHORITY_BY_TYPE,
  ResidenceStatus,
  ShelterType,
  UpdateCadence,
} from '@opvangplek/domain';
import { intFor, jitter, pickFor, unitFor } from './deterministic';
import { regionSeed } from './regions.data';

/** A facility definition with the live capacity it starts with. */
export type SeedFacility = FacilityDefinition & { capacity: CapacityCounts };

export const ALL_GENDERS: readonly Gender[] = [Gender.FEMALE, Gender.MALE, Gender.X];

/**
 * Every form of human trafficking (000:617-626). Serious disadvantage without trafficking
 * (ernstige benadeling) is left out: only the NLA crisis places take it (000:2168-2175).
 */
export const TRAFFICKING_TYPES: readonly ExploitationType[] = [
  ExploitationType.SEXUAL,
  ExploitationType.LABOUR,
  ExploitationType.CRIMINAL,
  ExploitationType.ORGAN_REMOVAL,
  ExploitationType.OTHER,
];

/**
 * Regular VO/MO: lawful residence, or a temporary B8 permit after aangifte (000:2117-2121, 000:2131-2134).
 * NO_LAWFUL_RESIDENCE is listed so that a B8-permit holder recorded without lawful residence still
 * matches; the B8 list below then keeps people in the bedenktijd out (they belong in the COSM).
 */
export const LAWFUL_OR_PERMIT_RESIDENCE: readonly ResidenceStatus[] = [
  ResidenceStatus.DUTCH,
  ResidenceStatus.EU_CITIZEN,
  ResidenceStatus.LAWFUL_NON_EU,
  ResidenceStatus.NO_LAWFUL_RESIDENCE,
];

export const PERMIT_B8_STATUSES: readonly B8Status[] = [
  B8Status.NOT_APPLICABLE,
  B8Status.B8_PERMIT,
  B8Status.B8_PERMIT_NO_COOPERATION,
  B8Status.B9,
];

/** Emergency kinds take anyone just taken out of exploitation, also with unknown status; asylum → AZC (003:665-667). */
export const ANY_BUT_ASYLUM_RESIDENCE: readonly ResidenceStatus[] = [
  ResidenceStatus.DUTCH,
  ResidenceStatus.EU_CITIZEN,
  ResidenceStatus.LAWFUL_NON_EU,
  ResidenceStatus.NO_LAWFUL_RESIDENCE,
  ResidenceStatus.UNKNOWN,
];

/** "Nationale" victims: Dutch nationals and people lawfully resident (002:745-753). */
export const NATIONAL_RESIDENCE: readonly ResidenceStatus[] = [
  ResidenceStatus.DUTCH,
  ResidenceStatus.EU_CITIZEN,
  ResidenceStatus.LAWFUL_NON_EU,
];

export const ALL_CARE_NEEDS: readonly CareNeed[] = [CareNeed.LVB, CareNeed.GGZ, CareNeed.ADDICTION, CareNeed.MULTI_DOMAIN];

/** Intake in office hours only: COSM and OMM placements go through CoMensha (000:2136-2139, 000:2150). */
export function officeHours(): OpeningHours {
  return { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00', closedOnPublicHolidays: true };
}

interface KindDefaults {
  intakeHours: () => OpeningHours | null;
  maxStayDays: number | null;
  updateCadence: UpdateCadence;
}

/** Per-kind intake, stay and cadence (domain.md §2). */
export const KIND_DEFAULTS: Readonly<Record<ShelterType, KindDefaults>> = {
  // 24/7 intake is the service default; the documents give no maximum stay.
  [ShelterType.VROUWENOPVANG]: {
    intakeHours: () => null,
    maxStayDays: null,
    updateCadence: UpdateCadence.ROUND_THE_CLOCK,
  },
  [ShelterType.MAATSCHAPPELIJKE_OPVANG]: {
    intakeHours: () => null,
    maxStayDays: null,
    updateCadence: UpdateCadence.ROUND_THE_CLOCK,
  },
  // Bedenktijd is at most 3 months (003:661): 92 days is the longest 3-month span. The bedenktijd end
  // date from the profile is the binding limit; this is the facility-level ceiling.
  [ShelterType.COSM]: {
    intakeHours: officeHours,
    maxStayDays: 92,
    updateCadence: UpdateCadence.WORKING_DAYS,
  },
  [ShelterType.OMM]: {
    intakeHours: officeHours,
    maxStayDays: null,
    updateCadence: UpdateCadence.WORKING_DAYS,
  },
  // "te allen tijde" (003:486). The 14-day maximum is the documents' for the "ernstige benadeling"
  // places (000:2172-2174), not for the crisis places, where they give none. The documents name no
  // ernstige-benadeling location, so the seed has none: a deployment registers them with 14 days.
  [ShelterType.NLA_CRISIS]: {
    intakeHours: () => null,
    maxStayDays: null,
    updateCadence: UpdateCadence.ROUND_THE_CLOCK,
  },
  // "een korte periode … tot structurele opvang beschikbaar is" (002:761-767); default 3 nights.
  [ShelterType.NOODBED]: {
    intakeHours: () => null,
    maxStayDays: 3,
    updateCadence: UpdateCadence.ROUND_THE_CLOCK,
  },
  [ShelterType.JEUGDZORG]: {
    intakeHours: () => null,
    maxStayDays: null,
    updateCadence: UpdateCadence.ROUND_THE_CLOCK,
  },
};

/** Adult eligibility with every list spelled out; callers override what their kind restricts. */
export function adultEligibility(overrides: Partial<Eligibility>): Eligibility {
  return {
    genders: [...ALL_GENDERS],
    minAge: 18,
    maxAge: null,
    exploitationTypes: [...TRAFFICKING_TYPES],
    residenceStatuses: [...LAWFUL_OR_PERMIT_RESIDENCE],
    b8Statuses: [...PERMIT_B8_STATUSES],
    acceptsCareNeeds: [CareNeed.GGZ],
    acceptsChildren: false,
    maxGroupSize: 1,
    foundInRegionCodes: [],
    ...overrides,
  };
}

const STREETS: readonly string[] = [
  'Lindelaan',
  'Kastanjestraat',
  'Molenweg',
  'Havenkade',
  'Kerkstraat',
  'Stationsweg',
  'Beukenlaan',
  'Schoolstraat',
  'Dorpsstraat',
  'Parkweg',
  'Julianalaan',
  'Wilhelminastraat',
  'Berkenhof',
  'Vlinderweg',
  'Esdoornlaan',
  'Populierenweg',
  'Zuiderhaven',
  'Brinkstraat',
  'Oranjelaan',
  'Rozengracht',
];

/** Postcode letters: no S first, so the combinations PTT never issues (SA, SD, SS) cannot occur. */
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRTVWXZ';

/** A fictional street address in the region's postcode range: `Lindelaan 12, 3012 AB Rotterdam`. */
export function fictionalAddress(key: string, postcodePrefix: string, town: string): string {
  const street = pickFor(STREETS, key, 'street');
  const houseNumber = intFor(1, 180, key, 'number');
  const digits = String(intFor(10, 99, key, 'postcode')).padStart(2, '0');
  const letters = pickFor([...POSTCODE_LETTERS], key, 'pc1') + pickFor([...POSTCODE_LETTERS], key, 'pc2');
  return `${street} ${houseNumber}, ${postcodePrefix}${digits} ${letters} ${town}`;
}

/**
 * SIMULATED: not a real intake line. The documents give no phone numbers, so every seed facility
 * gets one from the block 020 000 0000–020 000 9999: Dutch subscriber numbers are not handed out
 * beginning with 0, so none of these rings a real person (or a real shelter). A deployment loads its
 * register with the real numbers, which replace these (the loader rewrites a changed row).
 */
export function simulatedIntakePhone(key: string): string {
  return `+3120000${String(intFor(0, 9_999, key, 'phone')).padStart(4, '0')}`;
}

/** How full a facility tends to be. */
export type OccupancyProfile =
  /** VO, MO, jeugdzorg: "regelmatig vol" (000:2177-2186): mostly full, a few places free here and there. */
  | 'SCARCE'
  /** COSM, OMM: national specialist places, usually (nearly) full. */
  | 'TIGHT'
  /** Emergency places (NLA crisis, noodbed): mostly empty, waiting for the next raid. */
  | 'EMERGENCY';

/** Occupancy derived from the key: always satisfies `capacityViolations(c).length === 0`. */
export function occupancyFor(key: string, total: number, profile: OccupancyProfile): CapacityCounts {
  const roll = unitFor(key, 'occupancy');
  if (profile === 'EMERGENCY') {
    const occupied = roll < 0.6 ? 0 : Math.min(total, Math.max(1, Math.floor(total * 0.4)));
    return { total, occupied, held: 0, outOfService: 0 };
  }
  if (profile === 'SCARCE' && roll < 0.025) {
    // Whole location temporarily closed (renovation, staff shortage).
    return { total, occupied: 0, held: 0, outOfService: total };
  }
  // Partly out of service: never the whole location (that is the closure case above).
  const outOfService = unitFor(key, 'oos') < 0.12 ? Math.min(total - 1, intFor(1, 2, key, 'oos-count')) : 0;
  // Never held: a held place is an offer in flight, and a seed has no hold (no request) behind it,
  // so the drift check would find it orphaned. The roll that once held a place now occupies it
  // (free places stay as they were, so the seed's scarcity does not change).
  const taken = unitFor(key, 'held') < 0.08 && total - outOfService >= 1 ? 1 : 0;
  let free: number;
  if (profile === 'TIGHT') {
    free = roll < 0.55 ? 0 : roll < 0.85 ? 1 : 2;
  } else {
    free = roll < 0.5 ? 0 : roll < 0.8 ? 1 : roll < 0.94 ? 2 : 3;
  }
  free = Math.min(free, total - outOfService - taken);
  return { total, occupied: total - outOfService - free, held: 0, outOfService };
}

/** What a seed entry states; the builder derives the rest. */
export interface FacilitySpec {
  key: string;
  name: string;
  type: ShelterType;
  operator: string;
  regionCode: string;
  municipality: string;
  /** Town in the address when it is not the municipality (a village, e.g. Vries in Tynaarlo). */
  town?: string;
  /** Postcode digits when the town lies outside the region's usual range (Vries: 94). */
  postcodePrefix?: string;
  /** Exact coordinates; by default the region centroid with a small deterministic jitter. */
  coordinates?: { latitude: number; longitude: number };
  secretAddress: boolean;
  eligibility: Eligibility;
  /** Explicit counts, or a total with an occupancy profile. */
  capacity: CapacityCounts | { total: number; profile: OccupancyProfile };
}

/**
 * The name of a secret-address location in the register: what it is and its region's code, never a
 * town and never the region's name (eight of them contain their central municipality). Its staff see
 * this name; everyone else sees an anonymous one (facility-view.mapper.ts).
 */
export function secretLocationName(label: string, regionCode: string): string {
  return `${label} (geheim adres, regio ${regionCode})`;
}

/** Spread around the region centroid: about ±3 km north–south, ±2 km east–west. */
const LAT_SPREAD = 0.03;
const LON_SPREAD = 0.03;

export function buildFacility(spec: FacilitySpec): SeedFacility {
  const region = regionSeed(spec.regionCode);
  if (!region.municipalities.includes(spec.municipality)) {
    throw new Error(`Seed facility '${spec.key}': ${spec.municipality} is not listed in region ${region.code}`);
  }
  const defaults = KIND_DEFAULTS[spec.type];
  const coordinates = spec.coordinates ?? {
    latitude: jitter(region.latitude, LAT_SPREAD, spec.key, 'lat'),
    longitude: jitter(region.longitude, LON_SPREAD, spec.key, 'lon'),
  };
  const capacity =
    'profile' in spec.capacity ? occupancyFor(spec.key, spec.capacity.total, spec.capacity.profile) : { ...spec.capacity };
  return {
    key: spec.key,
    name: spec.name,
    type: spec.type,
    operator: spec.operator,
    regionCode: region.code,
    municipality: spec.municipality,
    latitude: coordinates.latitude,
    longitude: coordinates.longitude,
    secretAddress: spec.secretAddress,
    address: fictionalAddress(spec.key, spec.postcodePrefix ?? region.postcodePrefix, spec.town ?? spec.municipality),
    intakePhone: simulatedIntakePhone(spec.key), // simulated: see simulatedIntakePhone
    placingAuthority: PLACING_AUTHORITY_BY_TYPE[spec.type],
    intakeHours: defaults.intakeHours(),
    eligibility: spec.eligibility,
    maxStayDays: defaults.maxStayDays,
    updateCadence: defaults.updateCadence,
    capacity,
  };
}
