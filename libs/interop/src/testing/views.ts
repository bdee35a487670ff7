/**
 * Facilities as the `facilities` query shows them (registry's facilityView), for the mapping specs:
 * the views the exports are made from, anonymous where the API makes them so.
 */
import { DEFAULT_FRESHNESS_POLICY, Gender, PlacingAuthority, ShelterType, UpdateCadence } from '@opvangplek/domain';
import { facilityView } from '@opvangplek/registry';
import type { ExportedFacility } from '../mapping/exported-facility';

export const NOW = new Date('2026-11-23T02:00:00Z');
export const CONFIRMED_AT = new Date('2026-11-22T22:30:00Z');
export const CHANGED_AT = new Date('2026-11-23T01:40:00Z');

export interface ViewOptions {
  id?: string;
  type?: ShelterType;
  secretAddress?: boolean;
  /** Its own staff (who may locate it and see its counts), or anyone else. */
  seenBy?: 'its staff' | 'someone else';
  counts?: { total: number; occupied: number; held: number; outOfService: number };
  confirmedAt?: Date | null;
  intakePhone?: string | null;
}

export function viewOf(options: ViewOptions = {}): ExportedFacility {
  const secretAddress = options.secretAddress ?? false;
  const staff = options.seenBy === 'its staff';
  const type = options.type ?? ShelterType.VROUWENOPVANG;
  const entity = {
    id: options.id ?? '6f1b2c1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b',
    key: secretAddress ? 'vo-vlaardingen-veilig' : 'vo-schiedam',
    name: secretAddress ? 'Veilig Thuis Vlaardingen' : 'Vrouwenopvang Schiedam',
    type,
    operator: 'Stichting Arosa',
    regionCode: 'RR',
    municipality: secretAddress ? 'Vlaardingen' : 'Schiedam',
    latitude: 51.91,
    longitude: 4.34,
    secretAddress,
    address: secretAddress ? 'Geheimstraat 7, 3131 AB Vlaardingen' : 'Lange Haven 12, 3111 CD Schiedam',
    intakePhone: options.intakePhone === undefined ? '+31104567890' : options.intakePhone,
    placingAuthority: PlacingAuthority.ZORGCOORDINATOR,
    intakeHours: null,
    eligibility: {
      genders: [Gender.FEMALE],
      minAge: 18,
      maxAge: null,
      exploitationTypes: [],
      residenceStatuses: [],
      b8Statuses: [],
      acceptsCareNeeds: [],
      acceptsChildren: true,
      maxGroupSize: 3,
      foundInRegionCodes: [],
    },
    maxStayDays: null,
    updateCadence: UpdateCadence.ROUND_THE_CLOCK,
    region: { code: 'RR', name: 'Rotterdam Rijnmond', centralMunicipality: 'Rotterdam', latitude: 51.92, longitude: 4.48 },
    capacity: {
      facilityId: 'x',
      ...(options.counts ?? { total: 12, occupied: 7, held: 1, outOfService: 1 }),
      version: 9,
      updatedAt: CHANGED_AT,
      confirmedAt: options.confirmedAt === undefined ? CONFIRMED_AT : options.confirmedAt,
    },
  } as unknown as Parameters<typeof facilityView>[0];
  return facilityView(entity, {
    now: NOW,
    freshnessPolicy: DEFAULT_FRESHNESS_POLICY,
    mayKnowLocation: !secretAddress || staff,
    mayKnowCounts: !secretAddress || staff,
  });
}

/** What of the register the caller may not know about a secret facility: none of it may appear anywhere. */
export const SECRET_REGISTER_VALUES = [
  'vo-vlaardingen-veilig',
  'Veilig Thuis Vlaardingen',
  'Vlaardingen',
  'Geheimstraat',
  '3131 AB',
  'Stichting Arosa',
  '+31104567890',
  '51.91',
  '4.34',
];
