/**
 * The register as Open Referral's Human Services Data Specification 3.1 (HSDS, openreferral.org):
 * one `service` per facility, its live counts as a `service_capacity`, and the page its API answers
 * `/services` with. Pure: the same view gives the same document (ids are name-based, times are the
 * view's). Field meanings follow the schema's descriptions (test/fixtures/hsds-3/).
 */
import { KIND_LABELS, regionPhrase } from '@opvangplek/registry';
import { ShelterType } from '@opvangplek/domain';
import { dutchAddressParts, type ExportedFacility, isShownAnonymous, stableUuid } from './exported-facility';

/** The HSDS version these documents follow (service_capacity and unit are new in 3.1). */
export const HSDS_VERSION = '3.1';

export interface HsdsUnit {
  id: string;
  name: string;
  scheme: string;
  identifier: string;
}

export interface HsdsServiceCapacity {
  id: string;
  service_id: string;
  unit: HsdsUnit;
  unit_id: string;
  available: number;
  maximum: number;
  description: string;
  updated: string;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: string;
  label: string;
  value: string;
  taxonomy_term_id?: string;
  taxonomy_term?: { id: string; code: string; name: string; description: string; taxonomy: string };
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical';
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical';
  name: string;
  external_identifier: string;
  external_identifier_type: string;
  latitude?: number;
  longitude?: number;
  addresses: HsdsAddress[];
}

export interface HsdsService {
  id: string;
  name: string;
  alternate_name: string;
  description: string;
  status: 'active';
  application_process: string;
  minimum_age?: number;
  maximum_age?: number;
  alert?: string;
  last_modified?: string;
  organization?: { id: string; name: string; description: string };
  organization_id?: string;
  phones: { id: string; service_id: string; number: string; type: string; description: string }[];
  schedules: { id: string; service_id: string; description: string }[];
  service_at_locations: { id: string; service_id: string; location_id: string; location: HsdsLocation }[];
  capacities: HsdsServiceCapacity[];
  attributes: HsdsAttribute[];
}

/** The paginated answer of HSDS's `GET /services` (openapi.json, `Page` with `contents`). */
export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/**
 * What one counted place is. A noodbed is a bed for a night or a few (the police's emergency bed);
 * every other kind counts places in a shelter (a room or a bed in one, as the shelter counts them).
 */
export function capacityUnit(type: ShelterType): HsdsUnit {
  const name = type === ShelterType.NOODBED ? 'bed' : 'place';
  return { id: stableUuid('unit', name), name, scheme: 'opvangplek', identifier: name };
}

const TAXONOMY = 'opvangplek-shelter-type';

function attribute(serviceId: string, label: string, value: string): HsdsAttribute {
  return {
    id: stableUuid('attribute', label, serviceId),
    link_id: serviceId,
    link_type: 'service',
    link_entity: 'service',
    label,
    value,
  };
}

/**
 * One facility as an HSDS service, as far as the caller may see it. Always: its id, shown name and
 * key, kind, region, intake hours, placing authority and availability band. Only when the view shows
 * them: the operator (as the organisation), phone, address and coordinates (as a location), the
 * counts (as a service_capacity whose `updated` is when staff last confirmed them) and when they
 * last changed (`last_modified`). A secret-address facility shown to someone who may not locate it
 * has none of those, exactly as in the API.
 */
export function toHsdsService(facility: ExportedFacility): HsdsService {
  const id = facility.id;
  const anonymous = isShownAnonymous(facility);
  const kind = KIND_LABELS[facility.type] ?? facility.type;
  const { capacity } = facility;
  const kindAttribute: HsdsAttribute = {
    ...attribute(id, 'type', facility.type),
    taxonomy_term_id: stableUuid('taxonomy_term', facility.type),
    taxonomy_term: {
      id: stableUuid('taxonomy_term', facility.type),
      code: facility.type,
      name: kind,
      description: `Opvangplek's kind of shelter ${facility.type} (${kind}).`,
      taxonomy: TAXONOMY,
    },
  };
  return {
    id,
    name: facility.name,
    alternate_name: facility.key,
    description: `${kind}, ${regionPhrase(facility.region.name)}. Intake: ${facility.intake.description}.`,
    status: 'active',
    application_process: `Placed through Opvangplek by the placing authority ${facility.placingAuthority}; never by walking in.`,
    ...(facility.eligibility.minAge !== null ? { minimum_age: facility.eligibility.minAge } : {}),
    ...(facility.eligibility.maxAge !== null ? { maximum_age: facility.eligibility.maxAge } : {}),
    ...(isStale(facility.availability.freshness)
      ? { alert: 'The figures were not confirmed recently: call to verify before relying on them.' }
      : {}),
    ...(capacity ? { last_modified: capacity.updatedAt.toISOString() } : {}),
    ...(anonymous ? {} : organizationOf(facility.operator)),
    phones: facility.intakePhone
      ? [{ id: stableUuid('phone', id), service_id: id, number: facility.intakePhone, type: 'voice', description: 'Intake' }]
      : [],
    schedules: [{ id: stableUuid('schedule', id), service_id: id, description: `Intake: ${facility.intake.description}` }],
    service_at_locations: locationOf(facility),
    capacities: capacity
      ? [
          {
            id: stableUuid('service_capacity', id),
            service_id: id,
            unit: capacityUnit(facility.type),
            unit_id: capacityUnit(facility.type).id,
            available: capacity.available,
            maximum: capacity.total,
            description: 'Free places: total − occupied − held by open offers − out of service. maximum is the total.',
            // When staff last confirmed the counts (freshness counts from there); never confirmed: when they last changed.
            updated: (capacity.confirmedAt ?? capacity.updatedAt).toISOString(),
          },
        ]
      : [],
    attributes: [
      kindAttribute,
      attribute(id, 'region', facility.region.code),
      attribute(id, 'placingAuthority', facility.placingAuthority),
      attribute(id, 'availability', facility.availability.band),
      attribute(id, 'freshness', facility.availability.freshness),
      attribute(id, 'secretAddress', String(facility.secretAddress)),
    ],
  };
}

function isStale(freshness: string): boolean {
  return freshness === 'STALE' || freshness === 'UNKNOWN';
}

function organizationOf(operator: string): Pick<HsdsService, 'organization' | 'organization_id'> {
  const organization = {
    id: stableUuid('organization', operator),
    name: operator,
    description: `${operator}, operator of shelter places in the Opvangplek register.`,
  };
  return { organization, organization_id: organization.id };
}

function locationOf(facility: ExportedFacility): HsdsService['service_at_locations'] {
  const hasPosition = facility.latitude !== null && facility.longitude !== null;
  if (facility.address === null && !hasPosition) return [];
  const locationId = stableUuid('location', facility.id);
  const addresses: HsdsAddress[] = [];
  if (facility.address !== null) {
    const parts = dutchAddressParts(facility.address, facility.municipality);
    addresses.push({
      id: stableUuid('address', facility.id),
      location_id: locationId,
      address_1: parts.line,
      city: parts.city ?? '',
      // Dutch addresses name no province; HSDS requires the field, so it is present and empty.
      state_province: '',
      postal_code: parts.postalCode ?? '',
      country: 'NL',
      address_type: 'physical',
    });
  }
  const location: HsdsLocation = {
    id: locationId,
    location_type: 'physical',
    name: facility.name,
    external_identifier: facility.key,
    external_identifier_type: 'opvangplek-register-key',
    ...(hasPosition ? { latitude: facility.latitude!, longitude: facility.longitude! } : {}),
    addresses,
  };
  return [{ id: stableUuid('service_at_location', facility.id), service_id: facility.id, location_id: locationId, location }];
}

/** One page of `items` (1-based `page`), as HSDS's API pages its lists. */
export function hsdsPage<T>(items: readonly T[], page: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const contents = items.slice((page - 1) * perPage, page * perPage);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
