import {
  availablePlaces,
  capacityFreshness,
  type FreshnessPolicy,
  type IsoWeekday,
  isOpen,
  nextOpening,
  type OpeningHours,
} from '@opvangplek/domain';
import type { CapacityEntity } from './capacity.entity';
import type { FacilityEntity } from './facility.entity';
import type { CapacityModel } from './models/capacity.model';
import type { FacilityModel, IntakeModel } from './models/facility.model';

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
  capacity: CapacityEntity,
  facility: Pick<FacilityEntity, 'updateCadence'>,
  now: Date,
  policy: FreshnessPolicy,
): CapacityModel {
  return {
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

/**
 * The facility as one caller may see it at one moment: location fields are withheld unless
 * `mayKnowLocation` said yes; intake and freshness are evaluated at `now` (intake through
 * `intakeOf`, an `intakeMemo(now)`, when many facilities are shown at once).
 */
export function facilityView(
  facility: FacilityEntity & { capacity: CapacityEntity; region: NonNullable<FacilityEntity['region']> },
  options: {
    now: Date;
    freshnessPolicy: FreshnessPolicy;
    mayKnowLocation: boolean;
    intakeOf?: (hours: OpeningHours | null) => IntakeModel;
  },
): FacilityModel {
  const { now, mayKnowLocation } = options;
  return {
    id: facility.id,
    key: facility.key,
    name: facility.name,
    type: facility.type,
    operator: facility.operator,
    region: { code: facility.region.code, name: facility.region.name, centralMunicipality: facility.region.centralMunicipality },
    municipality: mayKnowLocation ? facility.municipality : null,
    secretAddress: facility.secretAddress,
    address: mayKnowLocation ? facility.address : null,
    latitude: mayKnowLocation ? facility.latitude : null,
    longitude: mayKnowLocation ? facility.longitude : null,
    placingAuthority: facility.placingAuthority,
    intake: options.intakeOf ? options.intakeOf(facility.intakeHours) : intakeAt(facility.intakeHours, now),
    eligibility: { ...facility.eligibility },
    maxStayDays: facility.maxStayDays,
    updateCadence: facility.updateCadence,
    capacity: capacityView(facility.capacity, facility, now, options.freshnessPolicy),
  };
}
