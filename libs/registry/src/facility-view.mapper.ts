import { createHash } from 'node:crypto';
import {
  availabilityBand,
  availablePlaces,
  capacityFreshness,
  type FreshnessPolicy,
  type IsoWeekday,
  isOpen,
  nextOpening,
  type OpeningHours,
  ShelterType,
} from '@opvangplek/domain';
import type { CapacityReading, LoadedFacility } from './facility-definitions';
import type { FacilityEntity } from './facility.entity';
import type { AvailabilityModel } from './models/availability.model';
import type { CapacityModel } from './models/capacity.model';
import type { FacilityModel, IntakeModel } from './models/facility.model';
import type { RegionModel } from './models/region.model';

const DAY_NAMES: Record<IsoWeekday, string> = { 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri', 6: 'Sat', 7: 'Sun' };

/** "Mon–Fri 09:00–17:00, closed on public holidays" or "24/7". */
export function describeOpeningHours(hours: OpeningHours | null): string {
  if (hours === null) return '24/7';
  const days = [...hours.days].sort((a, b) => a - b);
  const consecutive = days.every((day, i) => i === 0 || day === days[i - 1] + 1);
  const dayText =
    consecutive && days.length > 2
      ? `${DAY_NAMES[days[0]]}–${DAY_NAMES[days[days.length - 1]]}`
      : days.map((d) => DAY_NAMES[d]).join(', ');
  return `${dayText} ${hours.opens}–${hours.closes}${hours.closedOnPublicHolidays ? ', closed on public holidays' : ''}`;
}

export function intakeAt(hours: OpeningHours | null, now: Date): IntakeModel {
  const openNow = isOpen(hours, now);
  return {
    alwaysOpen: hours === null,
    openNow,
    nextOpeningAt: openNow ? now : nextOpening(hours, now),
    description: describeOpeningHours(hours),
  };
}

/**
 * `intakeAt` for many facilities at one moment, each distinct schedule evaluated once: a page of
 * seventy facilities has a handful of schedules, and a COSM's next opening on a Saturday night
 * walks the calendar day by day. The answers are shared between views: treat them as read-only.
 */
export function intakeMemo(now: Date): (hours: OpeningHours | null) => IntakeModel {
  const memo = new Map<string, IntakeModel>();
  return (hours) => {
    const key = hours === null ? '' : `${hours.days.join()}|${hours.opens}|${hours.closes}|${hours.closedOnPublicHolidays}`;
    let intake = memo.get(key);
    if (intake === undefined) memo.set(key, (intake = intakeAt(hours, now)));
    return intake;
  };
}

export function capacityView(
  capacity: CapacityReading,
  facility: Pick<FacilityEntity, 'updateCadence'>,
  now: Date,
  policy: FreshnessPolicy,
): CapacityModel {
  return {
    facilityId: capacity.facilityId,
    total: capacity.total,
    occupied: capacity.occupied,
    held: capacity.held,
    outOfService: capacity.outOfService,
    available: availablePlaces(capacity),
    updatedAt: capacity.updatedAt,
    confirmedAt: capacity.confirmedAt,
    freshness: capacityFreshness(capacity.confirmedAt, facility.updateCadence, now, policy),
    version: capacity.version,
  };
}

/** Whether a place is free, for callers without the counts: changes only at the last free place. */
export function availabilityView(
  capacity: CapacityReading,
  facility: Pick<FacilityEntity, 'updateCadence'>,
  now: Date,
  policy: FreshnessPolicy,
): AvailabilityModel {
  return {
    band: availabilityBand(availablePlaces(capacity)),
    freshness: capacityFreshness(capacity.confirmedAt, facility.updateCadence, now, policy),
  };
}

/** How a kind of facility is named (an anonymous one by its kind: no operator, no location name). */
export const KIND_LABELS: Readonly<Record<ShelterType, string>> = {
  [ShelterType.VROUWENOPVANG]: 'Vrouwenopvang',
  [ShelterType.MAATSCHAPPELIJKE_OPVANG]: 'Maatschappelijke opvang',
  [ShelterType.COSM]: 'COSM',
  [ShelterType.OMM]: 'OMM',
  [ShelterType.NLA_CRISIS]: 'Crisisopvang arbeidsuitbuiting',
  [ShelterType.NOODBED]: 'Noodbed',
  [ShelterType.JEUGDZORG]: 'Jeugdzorg',
};

/** The operator shown for a facility whose location the caller may not know. */
export const WITHHELD_OPERATOR = 'Niet openbaar (geheim adres)';

/**
 * The key shown for a secret-address facility to someone who may not locate it: derived from its
 * id (random, and shown anyway), never from the register key, which may name the town
 * (`cosm-vries`). A hash of the id, so every bit of it counts; digits only, so it can never spell a place name.
 */
export function anonymousFacilityKey(id: string): string {
  const hex = createHash('sha256').update(id.toLowerCase()).digest('hex').slice(0, 12);
  return `geheim-${Number.parseInt(hex, 16).toString().padStart(15, '0')}`;
}

/**
 * The name shown for a secret-address facility to someone who may not locate it: its kind and its
 * region's name ("Vrouwenopvang (geheim adres), regio Rotterdam Rijnmond"). The region is what such a
 * facility discloses anyway (`region { code name centralMunicipality }` beside the name, the public
 * `regions` list), so its name says no more than its code did, and people read names, not codes.
 * It names the region, never where in it: no town, operator or key.
 */
export function anonymousFacilityName(type: ShelterType, regionName: string): string {
  return `${KIND_LABELS[type] ?? type} (geheim adres), ${regionPhrase(regionName)}`;
}

/** "regio Rotterdam Rijnmond"; a region already called "Regio Amersfoort" reads "regio Amersfoort", not "regio Regio …". */
export function regionPhrase(regionName: string): string {
  return `regio ${regionName.replace(/^regio\s+/i, '')}`;
}

/** Whether a caller who may (not) locate this facility sees it anonymised. */
export function isAnonymousTo(facility: Pick<FacilityEntity, 'secretAddress'>, mayKnowLocation: boolean): boolean {
  return facility.secretAddress && !mayKnowLocation;
}

/** The facility's name as one caller may see it (for messages and errors as well as views). */
export function shownFacilityName(
  facility: Pick<FacilityEntity, 'secretAddress' | 'name' | 'type'> & { region: Pick<RegionModel, 'name'> },
  mayKnowLocation: boolean,
): string {
  return isAnonymousTo(facility, mayKnowLocation) ? anonymousFacilityName(facility.type, facility.region.name) : facility.name;
}

/**
 * The facility as one caller may see it at one moment. A secret-address facility is anonymous to
 * whoever may not locate it (`mayKnowLocation`, domain.md §6): an opaque key, a name of its kind and
 * region, no operator, and its region only (no municipality, address or coordinates), since a key,
 * name or operator may name the town. Intake and freshness are evaluated at `now` (intake through
 * `intakeOf`, an `intakeMemo(now)`, when many facilities are shown at once).
 *
 * A secret-address facility's exact counts are shown only with `mayKnowCounts` (capacity-disclosure.ts:
 * its staff); everyone else gets `capacity: null` and the `availability` band. Not derived from
 * `mayKnowLocation`: the requester of an accepted placement may locate the facility, but watching
 * its counts for the length of the stay would tie later requests to it.
 */
/** A region as the API shows it: public figures only, its centre included. */
export function regionView(region: RegionModel): RegionModel {
  return {
    code: region.code,
    name: region.name,
    centralMunicipality: region.centralMunicipality,
    latitude: region.latitude,
    longitude: region.longitude,
  };
}

export function facilityView(
  facility: LoadedFacility,
  options: {
    now: Date;
    freshnessPolicy: FreshnessPolicy;
    mayKnowLocation: boolean;
    mayKnowCounts?: boolean;
    intakeOf?: (hours: OpeningHours | null) => IntakeModel;
  },
): FacilityModel {
  const { now, mayKnowLocation } = options;
  const anonymous = isAnonymousTo(facility, mayKnowLocation);
  const countsShown = !facility.secretAddress || options.mayKnowCounts === true;
  return {
    id: facility.id,
    key: anonymous ? anonymousFacilityKey(facility.id) : facility.key,
    name: anonymous ? anonymousFacilityName(facility.type, facility.region.name) : facility.name,
    type: facility.type,
    operator: anonymous ? WITHHELD_OPERATOR : facility.operator,
    region: regionView(facility.region),
    municipality: mayKnowLocation ? facility.municipality : null,
    secretAddress: facility.secretAddress,
    address: mayKnowLocation ? facility.address : null,
    // A phone number locates a shelter as well as its address does: the same rule shows both.
    intakePhone: mayKnowLocation ? facility.intakePhone : null,
    latitude: mayKnowLocation ? facility.latitude : null,
    longitude: mayKnowLocation ? facility.longitude : null,
    placingAuthority: facility.placingAuthority,
    intake: options.intakeOf ? options.intakeOf(facility.intakeHours) : intakeAt(facility.intakeHours, now),
    eligibility: { ...facility.eligibility },
    maxStayDays: facility.maxStayDays,
    updateCadence: facility.updateCadence,
    capacity: countsShown ? capacityView(facility.capacity, facility, now, options.freshnessPolicy) : null,
    availability: availabilityView(facility.capacity, facility, now, options.freshnessPolicy),
  };
}
