/**
 * The register as HL7 FHIR R4 JSON: each facility is a `Location` (where) and a
 * `HealthcareService` (what it offers, with its live counts), answered as a searchset `Bundle`.
 * Errors are an `OperationOutcome`. Pure: the same view gives the same resources.
 *
 * FHIR R4 has no element for free places, so the counts travel in an extension of ours
 * (`…/StructureDefinition/capacity`); whoever may not see the counts gets the availability band in
 * `…/availability` instead, as the API's `availability.band`.
 */
import { KIND_LABELS } from '@opvangplek/registry';
import { capacityUnit } from './hsds';
import { dutchAddressParts, type ExportedFacility, isShownAnonymous } from './exported-facility';

/** Where our code systems and extensions are named. */
export const FHIR_BASE_SYSTEM = 'https://opvangplek.nl/fhir';
export const FHIR_CONTENT_TYPE = 'application/fhir+json';
/**
 * The R4 release whose official JSON schema (fhir.schema.json, `json-schema/4.0`) the specs validate
 * every document with: the schema's own list of versions ends there, so the CapabilityStatement
 * names that one rather than R4's technical correction 4.0.1, which it could not validate.
 */
export const FHIR_VERSION = '4.0.0';

const SYSTEMS = {
  facilityKey: `${FHIR_BASE_SYSTEM}/sid/facility-key`,
  shelterType: `${FHIR_BASE_SYSTEM}/CodeSystem/shelter-type`,
  region: `${FHIR_BASE_SYSTEM}/CodeSystem/region`,
  physicalType: 'http://terminology.hl7.org/CodeSystem/location-physical-type',
};
export const FHIR_EXTENSIONS = {
  region: `${FHIR_BASE_SYSTEM}/StructureDefinition/region`,
  capacity: `${FHIR_BASE_SYSTEM}/StructureDefinition/capacity`,
  availability: `${FHIR_BASE_SYSTEM}/StructureDefinition/availability`,
  freshness: `${FHIR_BASE_SYSTEM}/StructureDefinition/freshness`,
  placingAuthority: `${FHIR_BASE_SYSTEM}/StructureDefinition/placing-authority`,
};

type Coding = { system: string; code: string; display?: string };
type CodeableConcept = { coding: Coding[]; text?: string };
export type FhirExtension = { url: string } & Record<string, unknown>;

export interface FhirLocation {
  resourceType: 'Location';
  id: string;
  extension: FhirExtension[];
  identifier: { system: string; value: string }[];
  status: 'active';
  name: string;
  mode: 'instance';
  type: CodeableConcept[];
  telecom?: { system: 'phone'; value: string; use: 'work' }[];
  address?: { use: 'work'; type: 'physical'; text: string; line: string[]; city?: string; postalCode?: string; country: 'NL' };
  physicalType: CodeableConcept;
  position?: { latitude: number; longitude: number };
  managingOrganization?: { display: string };
}

export interface FhirHealthcareService {
  resourceType: 'HealthcareService';
  id: string;
  extension: FhirExtension[];
  identifier: { system: string; value: string }[];
  active: true;
  providedBy?: { display: string };
  type: CodeableConcept[];
  location: { reference: string }[];
  name: string;
  comment: string;
  telecom?: { system: 'phone'; value: string; use: 'work' }[];
  appointmentRequired: true;
  availabilityExceptions: string;
}

export type FhirResource = FhirLocation | FhirHealthcareService;

export interface FhirBundle<R extends { resourceType: string; id: string }> {
  resourceType: 'Bundle';
  type: 'searchset';
  timestamp: string;
  total: number;
  link: { relation: 'self' | 'next'; url: string }[];
  entry: { fullUrl: string; resource: R; search: { mode: 'match' } }[];
}

function kindConcept(facility: ExportedFacility): CodeableConcept {
  const display = KIND_LABELS[facility.type] ?? facility.type;
  return { coding: [{ system: SYSTEMS.shelterType, code: facility.type, display }], text: display };
}

function regionExtension(facility: ExportedFacility): FhirExtension {
  return {
    url: FHIR_EXTENSIONS.region,
    valueCoding: { system: SYSTEMS.region, code: facility.region.code, display: facility.region.name },
  };
}

function telecomOf(facility: ExportedFacility): Pick<FhirLocation, 'telecom'> {
  return facility.intakePhone ? { telecom: [{ system: 'phone', value: facility.intakePhone, use: 'work' }] } : {};
}

function identifierOf(facility: ExportedFacility): FhirLocation['identifier'] {
  return [{ system: SYSTEMS.facilityKey, value: facility.key }];
}

/**
 * A facility as a FHIR Location, as far as the caller may see it: name, kind and region always (the
 * name of an anonymous facility is its kind and region, as in the API); address, position, phone and
 * operator only when the view shows them.
 */
export function toFhirLocation(facility: ExportedFacility): FhirLocation {
  const anonymous = isShownAnonymous(facility);
  const hasPosition = facility.latitude !== null && facility.longitude !== null;
  const address = facility.address === null ? null : dutchAddressParts(facility.address, facility.municipality);
  return {
    resourceType: 'Location',
    id: facility.id,
    extension: [regionExtension(facility)],
    identifier: identifierOf(facility),
    status: 'active',
    name: facility.name,
    mode: 'instance',
    type: [kindConcept(facility)],
    ...telecomOf(facility),
    ...(address && facility.address !== null
      ? {
          address: {
            use: 'work',
            type: 'physical',
            text: facility.address,
            line: [address.line],
            ...(address.city ? { city: address.city } : {}),
            ...(address.postalCode ? { postalCode: address.postalCode } : {}),
            country: 'NL',
          },
        }
      : {}),
    physicalType: { coding: [{ system: SYSTEMS.physicalType, code: 'bu', display: 'Building' }] },
    ...(hasPosition ? { position: { latitude: facility.latitude!, longitude: facility.longitude! } } : {}),
    ...(anonymous ? {} : { managingOrganization: { display: facility.operator } }),
  };
}

/**
 * A facility as a FHIR HealthcareService at its Location: kind, intake hours, placing authority and
 * availability for everyone; its exact counts (capacity extension: available, total, unit, when
 * staff last confirmed them) only when the view shows them, else the band alone.
 */
export function toFhirHealthcareService(facility: ExportedFacility): FhirHealthcareService {
  const anonymous = isShownAnonymous(facility);
  const { capacity } = facility;
  const counts: FhirExtension = capacity
    ? {
        url: FHIR_EXTENSIONS.capacity,
        extension: [
          { url: 'available', valueUnsignedInt: capacity.available },
          { url: 'total', valueUnsignedInt: capacity.total },
          { url: 'unit', valueCode: capacityUnit(facility.type).name },
          ...(capacity.confirmedAt ? [{ url: 'confirmed', valueDateTime: capacity.confirmedAt.toISOString() }] : []),
          { url: 'updated', valueDateTime: capacity.updatedAt.toISOString() },
        ],
      }
    : { url: FHIR_EXTENSIONS.availability, valueCode: facility.availability.band };
  return {
    resourceType: 'HealthcareService',
    id: facility.id,
    extension: [
      regionExtension(facility),
      counts,
      { url: FHIR_EXTENSIONS.freshness, valueCode: facility.availability.freshness },
      { url: FHIR_EXTENSIONS.placingAuthority, valueCode: facility.placingAuthority },
    ],
    identifier: identifierOf(facility),
    active: true,
    ...(anonymous ? {} : { providedBy: { display: facility.operator } }),
    type: [kindConcept(facility)],
    location: [{ reference: `Location/${facility.id}` }],
    name: facility.name,
    comment: `Placed through Opvangplek by the placing authority ${facility.placingAuthority}.`,
    ...telecomOf(facility),
    appointmentRequired: true,
    availabilityExceptions: `Intake: ${facility.intake.description}`,
  };
}

/**
 * A searchset Bundle of `resources` (already cut to the page), with `total` matches in all and the
 * links a client pages with. `baseUrl` is the server's FHIR base (…/fhir).
 */
export function searchsetBundle<R extends { resourceType: string; id: string }>(
  resources: readonly R[],
  page: { total: number; baseUrl: string; selfUrl: string; nextUrl: string | null; now: Date },
): FhirBundle<R> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    timestamp: page.now.toISOString(),
    total: page.total,
    link: [{ relation: 'self', url: page.selfUrl }, ...(page.nextUrl ? [{ relation: 'next' as const, url: page.nextUrl }] : [])],
    entry: resources.map((resource) => ({
      fullUrl: `${page.baseUrl}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}

/** FHIR's issue type for each kind of refusal (http://hl7.org/fhir/R4/valueset-issue-type.html). */
const ISSUE_CODES: Record<string, string> = {
  BAD_USER_INPUT: 'invalid',
  UNAUTHENTICATED: 'login',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  CONFLICT: 'conflict',
  RATE_LIMITED: 'throttled',
};

export interface FhirOperationOutcome {
  resourceType: 'OperationOutcome';
  issue: { severity: 'error'; code: string; diagnostics: string; expression?: string[] }[];
}

/** An error as FHIR says it: the contract code's issue type, the message, and the parameter at fault. */
export function operationOutcome(error: { code: string; message: string; field: string | null }): FhirOperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code: ISSUE_CODES[error.code] ?? 'processing',
        diagnostics: error.message,
        ...(error.field ? { expression: [error.field] } : {}),
      },
    ],
  };
}

/** The search parameters each resource type takes (FhirController), as the CapabilityStatement lists them. */
export const FHIR_SEARCH_PARAMETERS = [
  {
    name: 'region',
    type: 'token',
    documentation: 'Region codes (comma-separated), as the regions query lists them, e.g. RR,AMS.',
  },
  { name: '_count', type: 'number', documentation: 'Entries per page, 0 to 1000 (default 1000: the whole register).' },
  { name: '_offset', type: 'number', documentation: 'Where the page starts (the next link carries it).' },
] as const;

export interface FhirCapabilityStatement {
  resourceType: 'CapabilityStatement';
  status: 'active';
  date: string;
  publisher: string;
  kind: 'instance';
  software: { name: string };
  fhirVersion: typeof FHIR_VERSION;
  format: string[];
  rest: {
    mode: 'server';
    security: { service: CodeableConcept[]; description: string };
    resource: {
      type: string;
      interaction: { code: 'search-type' }[];
      searchParam: { name: string; type: string; documentation: string }[];
    }[];
  }[];
}

/** What this server does (`GET /fhir/metadata`): search Location and HealthcareService, with a bearer token. */
export function capabilityStatement(date: string): FhirCapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'Opvangplek',
    kind: 'instance',
    software: { name: 'Opvangplek' },
    fhirVersion: FHIR_VERSION,
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: {
          service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'OAuth' }] }],
          description:
            'Authorization: Bearer with an Opvangplek token; the roles that may read facilities, and a secret-address facility anonymous to all but its own staff, as in the GraphQL API.',
        },
        resource: ['Location', 'HealthcareService'].map((type) => ({
          type,
          interaction: [{ code: 'search-type' as const }],
          searchParam: FHIR_SEARCH_PARAMETERS.map((parameter) => ({ ...parameter })),
        })),
      },
    ],
  };
}
