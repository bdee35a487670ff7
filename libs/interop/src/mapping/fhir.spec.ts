import { ShelterType } from '@opvangplek/domain';
import { fhirValidator } from '../testing/schema-validators';
import { CONFIRMED_AT, NOW, SECRET_REGISTER_VALUES, viewOf } from '../testing/views';
import {
  capabilityStatement,
  FHIR_EXTENSIONS,
  type FhirExtension,
  operationOutcome,
  searchsetBundle,
  toFhirHealthcareService,
  toFhirLocation,
} from './fhir';

const fhir = fhirValidator();
const BASE = 'https://opvangplek.example/fhir';
const bundleOf = <R extends { resourceType: string; id: string }>(resources: R[]) =>
  searchsetBundle(resources, { total: resources.length, baseUrl: BASE, selfUrl: `${BASE}/Location`, nextUrl: null, now: NOW });
const extension = (resource: { extension: FhirExtension[] }, url: string) => resource.extension.find((e) => e.url === url);

describe('FHIR R4 Location and HealthcareService from the register (issue 18)', () => {
  it('a hospital’s FHIR directory reads a public shelter as a Location with address, position and phone, in a valid searchset Bundle', () => {
    const location = toFhirLocation(viewOf());
    const bundle = bundleOf([location]);
    expect(fhir.errors(bundle)).toEqual([]);
    expect(location).toMatchObject({
      resourceType: 'Location',
      name: 'Vrouwenopvang Schiedam',
      address: { line: ['Lange Haven 12'], postalCode: '3111 CD', city: 'Schiedam', country: 'NL' },
      position: { latitude: 51.91, longitude: 4.34 },
      telecom: [{ system: 'phone', value: '+31104567890' }],
      managingOrganization: { display: 'Stichting Arosa' },
    });
    expect(bundle.entry[0].fullUrl).toBe(`${BASE}/Location/${location.id}`);
  });

  it('gives the HealthcareService its free places in the capacity extension, dated by the last confirmation; a noodbed counts beds', () => {
    const service = toFhirHealthcareService(viewOf({ type: ShelterType.NOODBED }));
    expect(fhir.errors(bundleOf([service]))).toEqual([]);
    expect(service.location).toEqual([{ reference: `Location/${service.id}` }]);
    expect(extension(service, FHIR_EXTENSIONS.capacity)?.extension).toEqual(
      expect.arrayContaining([
        { url: 'available', valueUnsignedInt: 3 },
        { url: 'total', valueUnsignedInt: 12 },
        { url: 'unit', valueCode: 'bed' },
        { url: 'confirmed', valueDateTime: CONFIRMED_AT.toISOString() },
      ]),
    );
  });

  // domain.md §6, 004:7079-7089: a leaked shelter address endangers a life.
  it('a coordinator sees a secret-address shelter as the API shows it: kind and region, no address, position, phone, operator or counts (domain.md §6, 004:7079-7089)', () => {
    const view = viewOf({ secretAddress: true, seenBy: 'someone else' });
    const location = toFhirLocation(view);
    const service = toFhirHealthcareService(view);
    expect(fhir.errors(bundleOf([location]))).toEqual([]);
    expect(fhir.errors(bundleOf([service]))).toEqual([]);
    expect(location.name).toBe('Vrouwenopvang (geheim adres), regio Rotterdam Rijnmond');
    for (const field of ['address', 'position', 'telecom', 'managingOrganization'] as const)
      expect(location[field]).toBeUndefined();
    expect(service.providedBy).toBeUndefined();
    expect(service.telecom).toBeUndefined();
    expect(extension(service, FHIR_EXTENSIONS.capacity)).toBeUndefined();
    expect(extension(service, FHIR_EXTENSIONS.availability)).toEqual({
      url: FHIR_EXTENSIONS.availability,
      valueCode: 'AVAILABLE',
    });
    expect(extension(location, FHIR_EXTENSIONS.region)).toMatchObject({ valueCoding: { code: 'RR' } });
    const text = JSON.stringify([location, service]);
    for (const value of SECRET_REGISTER_VALUES) expect(text).not.toContain(value);
  });

  it('says a bad search parameter as an OperationOutcome naming it', () => {
    const outcome = operationOutcome({ code: 'BAD_USER_INPUT', message: '_count must be …', field: '_count' });
    expect(fhir.errors(outcome)).toEqual([]);
    expect(outcome.issue[0]).toEqual({
      severity: 'error',
      code: 'invalid',
      diagnostics: '_count must be …',
      expression: ['_count'],
    });
  });

  it('describes the server in a valid CapabilityStatement', () => {
    expect(fhir.errors(capabilityStatement('2026-12-06'))).toEqual([]);
  });

  it('fails a document that breaks the schema: the validation is real', () => {
    const location = toFhirLocation(viewOf());
    const wrongStatus = { ...location, status: 'open' };
    const textLatitude = { ...location, position: { latitude: '51.91', longitude: 4.34 } };
    const bundle = bundleOf([wrongStatus, textLatitude] as unknown as (typeof location)[]);
    const errors = fhir.errors(JSON.parse(JSON.stringify(bundle)));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^entry\[0\]\.resource\.status should be equal to one of the allowed values/),
        expect.stringMatching(/^entry\[1\]\.resource\.position\.latitude should be number/),
      ]),
    );
    expect(fhir.errors({ resourceType: 'Bundle', type: 'list-of-shelters' })).not.toEqual([]);
  });
});
