/**
 * Holds (issue 4, part 3; domain.md §5 rule 3): a declined or lapsed offer gives the place back and
 * the request is matched again elsewhere, skipping the facility that declined or let it lapse; a
 * hold lasts 2 hours by default, per kind by configuration (HOLD_MINUTES_NOODBED here); and a
 * shelter whose intake is closed is held now and gets its two hours from its next opening.
 *
 * Medium tier: the placement providers on a FixedClock, jobs run by `settle()` (medium-support.ts).
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import { type PlacementMedium, startPlacementMedium, viewer } from './medium-support';
import { capacityOf, DUTCH_WOMAN, facilityOf, holdsOf, HOUR, MINUTE, statusesOf, WOMAN_IN_BEDENKTIJD } from './support';

const TUESDAY_MORNING = new Date('2026-12-01T09:00:00.000Z'); // 10:00 in Amsterdam
const SATURDAY_NOON = new Date('2026-12-05T11:00:00.000Z'); // 12:00 in Amsterdam
const MONDAY_OPENING = new Date('2026-12-07T08:00:00.000Z'); // 09:00 in Amsterdam

describe('holds: decline, expiry, closed intake and per-kind hold time', () => {
  const clock = new FixedClock(TUESDAY_MORNING);
  let p: PlacementMedium;
  // Three women's shelters; more free places rank higher, so the order of offers is known.
  let first: { id: string };
  let second: { id: string };
  let third: { id: string };
  let officeHours: { id: string };
  let noodbed: { id: string };
  const coordinator = viewer.coordinator(['RR']);

  beforeAll(async () => {
    p = await startPlacementMedium(clock, {
      env: { HOLD_MINUTES_NOODBED: '45' },
      arrange: async (database) => {
        const women = { genders: [Gender.FEMALE] };
        [first, second, third, officeHours, noodbed] = await insertFacilities(
          database.dataSource,
          [
            facilityOf(ShelterType.VROUWENOPVANG, 6, { total: 12, eligibility: women }),
            facilityOf(ShelterType.VROUWENOPVANG, 4, { total: 12, eligibility: women }),
            facilityOf(ShelterType.VROUWENOPVANG, 2, { total: 12, eligibility: women }),
            // Takes men; intake on weekdays 09:00–17:00 only.
            facilityOf(ShelterType.VROUWENOPVANG, 2, {
              total: 6,
              eligibility: { genders: [Gender.MALE] },
              intakeHours: { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00', closedOnPublicHolidays: true },
            }),
            facilityOf(ShelterType.NOODBED, 1, { total: 1, secretAddress: true, maxStayDays: 3, eligibility: women }),
          ],
          { now: TUESDAY_MORNING },
        );
      },
    });
  });
  afterAll(() => p?.close());

  const offeredAt = (id: string, facilityId: string) =>
    p.expectStatus(coordinator, id, ['OFFERED'], (request) => request.facility?.id === facilityId);

  it('a decline releases the place and re-matches elsewhere, skipping the declining facility and recording why', async () => {
    const [firstBefore, secondBefore] = [await capacityOf(p.dataSource, first.id), await capacityOf(p.dataSource, second.id)];
    const request = await p.request(coordinator, { profile: DUTCH_WOMAN });
    await offeredAt(request.id, first.id);
    expect(await capacityOf(p.dataSource, first.id)).toEqual({ ...firstBefore, held: 1 });

    const firstStaff = viewer.staff(first.id);
    const declined = await p.decline(firstStaff, request.id, 'contra-indication: active addiction');
    expect(declined).toMatchObject({ status: 'MATCHING', facility: null, offerExpiresAt: null });
    expect(await capacityOf(p.dataSource, first.id)).toEqual(firstBefore);

    const reoffered = await offeredAt(request.id, second.id);
    expect(await capacityOf(p.dataSource, second.id)).toEqual({ ...secondBefore, held: 1 });
    expect(await capacityOf(p.dataSource, first.id)).toEqual(firstBefore); // not offered again
    expect(statusesOf(reoffered)).toEqual(['RECEIVED', 'MATCHING', 'OFFERED', 'MATCHING', 'OFFERED']);
    expect(reoffered.history[3]).toMatchObject({
      status: 'MATCHING',
      by: 'dev-shelter_staff@testzorg',
      note: 'declined: contra-indication: active addiction',
    });
    const holds = await holdsOf(p.dataSource, request.id);
    expect(holds).toHaveLength(2);
    expect(holds).toEqual(
      expect.arrayContaining([
        { facilityId: first.id, places: 1, state: 'RELEASED' },
        { facilityId: second.id, places: 1, state: 'HELD' },
      ]),
    );
    // The facility that declined no longer sees the request.
    expect(await p.find(firstStaff, request.id)).toBeNull();
    await p.cancel(coordinator, request.id, 'test cleanup');
    await p.settle();
  });

  it('an offer left unanswered lapses at offerExpiresAt: the sweep releases it and re-matches, skipping that facility', async () => {
    clock.set(TUESDAY_MORNING);
    const firstBefore = await capacityOf(p.dataSource, first.id);
    const secondBefore = await capacityOf(p.dataSource, second.id);
    const request = await p.request(coordinator, { profile: DUTCH_WOMAN });
    const offered = await offeredAt(request.id, first.id);
    expect(offered.offerExpiresAt).toBe(new Date(TUESDAY_MORNING.getTime() + 2 * HOUR).toISOString());

    clock.advance(2 * HOUR - MINUTE); // not yet
    expect((await p.sweep()).lapsed).toBe(0);
    await p.settle();
    expect(await p.get(coordinator, request.id)).toMatchObject({ status: 'OFFERED', facility: { id: first.id } });

    clock.advance(2 * MINUTE); // a minute past offerExpiresAt
    expect((await p.sweep()).lapsed).toBe(1);
    const reoffered = await offeredAt(request.id, second.id);
    expect(reoffered.offerExpiresAt).toBe(new Date(clock.now().getTime() + 2 * HOUR).toISOString());
    expect(await capacityOf(p.dataSource, first.id)).toEqual(firstBefore);
    expect(await capacityOf(p.dataSource, second.id)).toEqual({ ...secondBefore, held: 1 });
    expect(reoffered.history.find((entry) => entry.note?.startsWith('offer lapsed'))).toEqual({
      status: 'MATCHING',
      at: clock.now().toISOString(),
      by: 'system:placement',
      note: 'offer lapsed: the facility did not answer in time',
    });

    // The second one lets it lapse too: on to the third, never back to the first.
    clock.advance(2 * HOUR + MINUTE);
    expect((await p.sweep()).lapsed).toBe(1);
    await offeredAt(request.id, third.id);
    expect(await capacityOf(p.dataSource, second.id)).toEqual(secondBefore);
    expect(await capacityOf(p.dataSource, first.id)).toEqual(firstBefore);
    await p.cancel(coordinator, request.id, 'test cleanup');
    await p.settle();
  });

  it('a shelter whose intake is closed (Saturday) is held now, and the hold runs from its opening on Monday', async () => {
    // domain.md §5 rule 3: "a hold made when the shelter's intake is closed expires relative to
    // its next opening, not the wall clock". The coordinator's authority is open (24/7), only the
    // shelter's intake is not: the man is promised the place now, and the shelter has its two
    // hours from Monday 09:00 to answer.
    clock.set(SATURDAY_NOON);
    const before = await capacityOf(p.dataSource, officeHours.id);
    const man = { gender: 'MALE', age: 35, exploitationTypes: ['SEXUAL'], residenceStatus: 'DUTCH', b8Status: 'NOT_APPLICABLE' };
    const request = await p.request(coordinator, { profile: man, urgency: 'URGENT' });
    const offered = await p.expectStatus(coordinator, request.id, ['OFFERED']);
    const heldUntil = new Date(MONDAY_OPENING.getTime() + 2 * HOUR).toISOString();
    expect(offered).toMatchObject({
      facility: { id: officeHours.id },
      offerExpiresAt: heldUntil,
      waitingReason: null,
      nextAttemptAt: null,
    });
    expect(statusesOf(offered)).toEqual(['RECEIVED', 'MATCHING', 'OFFERED']);
    expect(offered.history.at(-1)).toMatchObject({
      at: SATURDAY_NOON.toISOString(),
      note: expect.stringMatching(
        new RegExp(`^offered: .* \\(1\\); intake closed now, held until ${heldUntil} \\(from its next opening\\)$`),
      ),
    });
    expect(await capacityOf(p.dataSource, officeHours.id)).toEqual({ ...before, held: before.held + 1 });
    const [hold] = await p.dataSource.query('SELECT expires_at FROM placement_holds WHERE request_id = $1', [request.id]);
    expect(hold.expires_at.toISOString()).toBe(heldUntil);

    // Sunday and Monday morning: still held (a wall-clock two hours would have lapsed on Saturday at 14:00).
    clock.set(new Date(MONDAY_OPENING.getTime() + 2 * HOUR - MINUTE)); // Monday 10:59
    expect((await p.sweep()).lapsed).toBe(0);
    await p.settle();
    expect(await p.get(coordinator, request.id)).toMatchObject({ status: 'OFFERED', facility: { id: officeHours.id } });

    // Unanswered by Monday 11:00: it lapses like any other offer, and the place is free again.
    clock.advance(2 * MINUTE);
    expect((await p.sweep()).lapsed).toBe(1);
    const lapsed = await p.expectStatus(coordinator, request.id, ['WAITING', 'MATCHING']);
    expect(lapsed.history.some((entry) => entry.note === 'offer lapsed: the facility did not answer in time')).toBe(true);
    expect(await capacityOf(p.dataSource, officeHours.id)).toEqual(before);
    await p.cancel(coordinator, request.id, 'test cleanup');
    await p.settle();
  });

  it('holds per kind: HOLD_MINUTES_NOODBED=45 for a noodbed, the default 2 hours elsewhere (police get the noodbed only when no VO place is free, 002:763-765)', async () => {
    clock.set(new Date('2026-12-07T10:00:00.000Z')); // Monday 11:00
    const shelterRequest = await p.request(coordinator, { profile: DUTCH_WOMAN });
    const offered = await offeredAt(shelterRequest.id, first.id);
    expect(offered.offerExpiresAt).toBe(new Date(clock.now().getTime() + 2 * HOUR).toISOString());

    // domain.md §5a: a free suitable VO place comes before the noodbed, so the women's shelters
    // are full now (the one held above stays held).
    for (const shelter of [first, second, third]) await p.fillUp(shelter.id);
    expect(await capacityOf(p.dataSource, first.id)).toMatchObject({ total: 12, occupied: 11, held: 1 });
    const noodbedRequest = await p.noodbed(viewer.police(), { profile: WOMAN_IN_BEDENKTIJD });
    expect(noodbedRequest).toMatchObject({ status: 'OFFERED', facility: { id: noodbed.id, type: 'NOODBED' } });
    expect(noodbedRequest.offerExpiresAt).toBe(new Date(clock.now().getTime() + 45 * MINUTE).toISOString());
    expect(await capacityOf(p.dataSource, noodbed.id)).toEqual({ total: 1, occupied: 0, held: 1, outOfService: 0 });

    // 44 minutes on the noodbed is still held; 46 minutes on it has lapsed and the bed is free
    // again, while the shelter's offer (2 hours) stands.
    clock.advance(44 * MINUTE);
    await p.sweep();
    await p.settle();
    expect(await p.get(coordinator, noodbedRequest.id)).toMatchObject({ status: 'OFFERED', facility: { id: noodbed.id } });
    clock.advance(2 * MINUTE);
    expect((await p.sweep()).lapsed).toBeGreaterThanOrEqual(1);
    await p.settle();
    expect(await capacityOf(p.dataSource, noodbed.id)).toMatchObject({ held: 0 });
    expect((await p.get(coordinator, shelterRequest.id)).status).toBe('OFFERED');
    const lapsed = await p.get(viewer.police(), noodbedRequest.id);
    expect(lapsed.history.some((entry) => entry.note === 'offer lapsed: the facility did not answer in time')).toBe(true);
    expect(lapsed.status).not.toBe('OFFERED');
  });
});
