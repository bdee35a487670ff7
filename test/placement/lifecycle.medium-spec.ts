/**
 * The placement lifecycle's rules (medium tier: the placement providers on a FixedClock, jobs run by
 * `settle()`): a submission with a clientReference is made once however often it is sent, and a
 * requester's cancellation gives the held place back. The lifecycle streamed over GraphQL, who may
 * do what and bad input stay in lifecycle.e2e-spec.ts.
 */
import { ShelterType } from '@opvangplek/domain';
import { clientReferenceLookups } from '@opvangplek/placement';
import { FixedClock } from '@opvangplek/platform/clock';
import { FIELD_CIPHER, type FieldCipher } from '@opvangplek/platform/crypto/field-cipher';
import { insertFacilities } from '../support/factories';
import { refusal } from '../support/medium-harness';
import { type PlacementMedium, startPlacementMedium, viewer } from './medium-support';
import { capacityOf, DUTCH_WOMAN, facilityOf, holdsOf, statusesOf } from './support';

const TUESDAY_MORNING = new Date('2026-12-01T09:00:00.000Z'); // 10:00 in Amsterdam

describe('placement lifecycle rules', () => {
  const clock = new FixedClock(TUESDAY_MORNING);
  let p: PlacementMedium;
  let vo: { id: string };
  const coordinator = viewer.coordinator(['RR']);

  beforeAll(async () => {
    p = await startPlacementMedium(clock, {
      arrange: async (database) => {
        [vo] = await insertFacilities(
          database.dataSource,
          [
            // The specialised place for a Dutch woman (sexual exploitation), with a 90-day maximum stay.
            facilityOf(ShelterType.VROUWENOPVANG, 3, { total: 10, maxStayDays: 90 }),
            facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 2, { total: 8 }),
          ],
          { now: TUESDAY_MORNING },
        );
      },
    });
  });
  afterAll(() => p?.close());

  it('makes submission idempotent with clientReference: the retry returns the same request, one row; another person under it is a CONFLICT (red team F4)', async () => {
    const input = { profile: DUTCH_WOMAN, urgency: 'URGENT', clientReference: 'zc-rr-2026-0042' };
    const first = await p.request(coordinator, input);
    const retry = await p.request(coordinator, input);
    expect(retry.id).toBe(first.id);
    expect(retry.clientReference).toBe('zc-rr-2026-0042');
    // Stored once, found by its keyed lookup value (issue 12: the reference itself is sealed).
    const [lookup] = clientReferenceLookups(p.medium.get<FieldCipher>(FIELD_CIPHER), 'zc-rijnmond', 'zc-rr-2026-0042');
    const rows = await p.dataSource.query('SELECT id FROM placement_requests WHERE client_reference_lookup = $1', [lookup]);
    expect(rows).toEqual([{ id: first.id }]);
    // Matched once: one hold, one OFFERED in the history.
    const offered = await p.expectStatus(coordinator, first.id, ['OFFERED']);
    expect(statusesOf(offered)).toEqual(['RECEIVED', 'MATCHING', 'OFFERED']);
    expect(await holdsOf(p.dataSource, first.id)).toHaveLength(1);
    // The same retry with its fields in another order and an unknown given as null is still the retry.
    const reordered = await p.request(coordinator, {
      clientReference: 'zc-rr-2026-0042',
      urgency: 'URGENT',
      profile: { ...DUTCH_WOMAN, careNeeds: null },
      regionCode: 'RR',
    });
    expect(reordered.id).toBe(first.id);
    // Another woman under the same reference is a mistake the coordinator is told of, never her
    // request silently dropped (red team, third pass F4).
    const another = await refusal(
      p.request(coordinator, {
        profile: { ...DUTCH_WOMAN, age: 45 },
        urgency: 'URGENT',
        regionCode: 'RR',
        clientReference: 'zc-rr-2026-0042',
      }),
    );
    expect(another).toMatchObject({ code: 'CONFLICT' });
    expect(another.message).toMatch(/clientReference "zc-rr-2026-0042" was already used for another request/);
    await p.cancel(coordinator, first.id, 'test cleanup');
    await p.settle();
  });

  it('releases the held place when the requester cancels an offer', async () => {
    const before = await capacityOf(p.dataSource, vo.id);
    const request = await p.request(coordinator, { profile: DUTCH_WOMAN });
    const offered = await p.expectStatus(coordinator, request.id, ['OFFERED']);
    expect(offered.facility?.id).toBe(vo.id);
    expect(await capacityOf(p.dataSource, vo.id)).toEqual({ ...before, held: before.held + 1 });

    const cancelled = await p.cancel(coordinator, request.id, 'she found a place with family');
    expect(cancelled).toMatchObject({ status: 'CANCELLED' });
    expect(cancelled.history.at(-1)).toMatchObject({ status: 'CANCELLED', note: 'cancelled: she found a place with family' });
    expect(await capacityOf(p.dataSource, vo.id)).toEqual(before);
    expect(await holdsOf(p.dataSource, request.id)).toEqual([{ facilityId: vo.id, places: 1, state: 'RELEASED' }]);
  });
});
