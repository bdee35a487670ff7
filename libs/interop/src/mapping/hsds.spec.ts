import { ShelterType } from '@opvangplek/domain';
import { hsdsValidators } from '../testing/schema-validators';
import { CHANGED_AT, CONFIRMED_AT, SECRET_REGISTER_VALUES, viewOf } from '../testing/views';
import { capacityUnit, hsdsPage, toHsdsService } from './hsds';

const validate = hsdsValidators();

describe('HSDS 3.1 services from the register (issue 18)', () => {
  it('a municipality’s social map reads a public women’s shelter in Schiedam: address, intake phone, operator and its free places as a service_capacity, valid HSDS', () => {
    const service = toHsdsService(viewOf());
    expect(validate.service(service)).toEqual([]);
    expect(service).toMatchObject({
      name: 'Vrouwenopvang Schiedam',
      status: 'active',
      organization: { name: 'Stichting Arosa' },
      phones: [{ number: '+31104567890' }],
    });
    expect(service.service_at_locations[0].location).toMatchObject({
      latitude: 51.91,
      longitude: 4.34,
      addresses: [{ address_1: 'Lange Haven 12', postal_code: '3111 CD', city: 'Schiedam', country: 'NL' }],
    });
    // 12 places, 7 occupied, 1 held by an open offer, 1 out of service: 3 free of 12.
    expect(service.capacities).toEqual([
      expect.objectContaining({
        available: 3,
        maximum: 12,
        unit: capacityUnit(ShelterType.VROUWENOPVANG),
        updated: CONFIRMED_AT.toISOString(),
      }),
    ]);
    expect(service.capacities[0].unit.name).toBe('place');
    expect(service.last_modified).toBe(CHANGED_AT.toISOString());
  });

  it('counts a police noodbed in beds, and dates figures never confirmed by their last change, with an alert to call first', () => {
    const service = toHsdsService(viewOf({ type: ShelterType.NOODBED, confirmedAt: null }));
    expect(validate.service(service)).toEqual([]);
    expect(service.capacities[0].unit).toMatchObject({ name: 'bed', identifier: 'bed' });
    expect(service.capacities[0].updated).toBe(CHANGED_AT.toISOString());
    expect(service.alert).toMatch(/call to verify/);
  });

  // domain.md §6, 004:7079-7089: a leaked shelter address endangers a life.
  it('a coordinator of the region sees a secret-address shelter as the API shows it: kind and region, no address, phone, operator or counts, only the band (domain.md §6, 004:7079-7089)', () => {
    const service = toHsdsService(viewOf({ secretAddress: true, seenBy: 'someone else' }));
    expect(validate.service(service)).toEqual([]);
    expect(service.name).toBe('Vrouwenopvang (geheim adres), regio Rotterdam Rijnmond');
    expect(service.service_at_locations).toEqual([]);
    expect(service.phones).toEqual([]);
    expect(service.organization).toBeUndefined();
    expect(service.capacities).toEqual([]);
    // Its counts' last change moves seconds after an offer: withheld with them.
    expect(service.last_modified).toBeUndefined();
    expect(service.attributes).toContainEqual(expect.objectContaining({ label: 'availability', value: 'AVAILABLE' }));
    const text = JSON.stringify(service);
    for (const value of SECRET_REGISTER_VALUES) expect(text).not.toContain(value);
  });

  it('its own staff see their secret-address shelter whole, counts included', () => {
    const service = toHsdsService(viewOf({ secretAddress: true, seenBy: 'its staff' }));
    expect(validate.service(service)).toEqual([]);
    expect(service.name).toBe('Veilig Thuis Vlaardingen');
    expect(service.capacities[0]).toMatchObject({ available: 3, maximum: 12 });
    expect(service.service_at_locations[0].location.addresses[0].city).toBe('Vlaardingen');
  });

  it('keeps every id of a facility the same from one export to the next, and different between facilities', () => {
    const ids = (service: ReturnType<typeof toHsdsService>) => [
      service.id,
      service.capacities[0].id,
      service.phones[0].id,
      service.service_at_locations[0].id,
    ];
    const other = viewOf({ id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d' });
    expect(ids(toHsdsService(viewOf()))).toEqual(ids(toHsdsService(viewOf())));
    expect(new Set([...ids(toHsdsService(viewOf())), ...ids(toHsdsService(other))]).size).toBe(8);
  });

  it('pages as HSDS’s own API does, and the page is valid against its Page schema', () => {
    const services = [viewOf(), viewOf({ id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d' }), viewOf({ secretAddress: true })].map(
      toHsdsService,
    );
    const second = hsdsPage(services, 2, 2);
    expect(validate.servicesPage(second)).toEqual([]);
    expect(second).toMatchObject({
      total_items: 3,
      total_pages: 2,
      page_number: 2,
      size: 1,
      first_page: false,
      last_page: true,
      empty: false,
    });
    expect(hsdsPage(services, 3, 2)).toMatchObject({ size: 0, empty: true });
  });

  it('fails a document that breaks the schema: the validation is real', () => {
    const service = toHsdsService(viewOf());
    const broken = {
      ...service,
      status: 'open',
      capacities: [{ ...service.capacities[0], unit: undefined, available: 'three' }],
      colour: 'blue',
    };
    const errors = validate.service(JSON.parse(JSON.stringify(broken)));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/status must be equal to one of the allowed values/),
        expect.stringMatching(/^\/capacities\/0 must have required property 'unit'/),
        expect.stringMatching(/^\/capacities\/0\/available must be number/),
        expect.stringMatching(/must NOT have additional properties \(colour\)/),
      ]),
    );
    expect(validate.servicesPage({ contents: [broken] }).length).toBeGreaterThan(0);
  });
});
