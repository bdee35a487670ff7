/**
 * The noodbed and its onward placement (issue 4, "what a user can do"; domain.md §2, §5 rule 2, §5a):
 * on Saturday night, with no women's shelter place free, police hold a noodbed within one call;
 * Opvangplek opens the linked onward request (bridge/followUp), which holds nothing and waits on
 * CoMensha's worklist; on Monday CoMensha assigns the COSM place (`assignPlacement`). When she
 * arrives at COSM, the noodbed stay ends by itself and the bed is free again.
 *
 * Medium tier: the placement providers on a FixedClock, jobs run by `settle()` (medium-support.ts).
 * The police's call over GraphQL and who may make it stay in noodbed.e2e-spec.ts.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import { type MediumView, type PlacementMedium, startPlacementMedium, viewer } from './medium-support';
import {
  capacityOf,
  DAY,
  DUTCH_WOMAN,
  facilityOf,
  holdsOf,
  HOUR,
  MONDAY_OPENING,
  SATURDAY_NIGHT,
  statusesOf,
  WOMAN_IN_BEDENKTIJD,
} from './support';

describe('requestNoodbed: a bed now, the onward placement when CoMensha opens', () => {
  const clock = new FixedClock(SATURDAY_NIGHT);
  let p: PlacementMedium;
  let noodbed: { id: string };
  let cosm: { id: string };
  let vo: { id: string };
  const police = viewer.police();
  const comensha = viewer.comensha();
  let noodbedStaff: ReturnType<typeof viewer.staff>;
  let cosmStaff: ReturnType<typeof viewer.staff>;
  let bridge: MediumView;
  let followUpId: string;

  beforeAll(async () => {
    p = await startPlacementMedium(clock, {
      arrange: async (database) => {
        const women = { genders: [Gender.FEMALE] };
        [noodbed, cosm, vo] = await insertFacilities(
          database.dataSource,
          [
            // Humanitas Rotterdam: one noodbed, secret address, a stay of at most 3 nights.
            facilityOf(ShelterType.NOODBED, 1, { total: 1, secretAddress: true, maxStayDays: 3, eligibility: women }),
            facilityOf(ShelterType.COSM, 2, { total: 16, regionCode: 'AMS', municipality: 'Amsterdam', eligibility: women }),
            // The women's shelter is full on Saturday night: the noodbed is the one place to drive to (002:763-765).
            facilityOf(ShelterType.VROUWENOPVANG, 0, { total: 12, eligibility: women }),
          ],
          { now: SATURDAY_NIGHT },
        );
      },
    });
    noodbedStaff = viewer.staff(noodbed.id);
    cosmStaff = viewer.staff(cosm.id);
  });
  afterAll(() => p?.close());

  it('Saturday 23:00, no VO place free: police get the noodbed within the call, and an onward COSM request holding nothing waits on CoMensha’s worklist (002:763-767, 000:2130)', async () => {
    bridge = await p.noodbed(police, { profile: WOMAN_IN_BEDENKTIJD, clientReference: 'avim-rr-2026-1187' });
    // Answered within the call: OFFERED at the noodbed, before any job ran.
    expect(bridge).toMatchObject({
      status: 'OFFERED',
      urgency: 'ACUTE',
      facility: { id: noodbed.id, type: 'NOODBED' },
      offerExpiresAt: new Date(SATURDAY_NIGHT.getTime() + 2 * HOUR).toISOString(),
    });
    expect(statusesOf(bridge)).toEqual(['RECEIVED', 'MATCHING', 'OFFERED']);
    expect(await capacityOf(p.dataSource, noodbed.id)).toEqual({ total: 1, occupied: 0, held: 1, outOfService: 0 });

    // The onward request exists at once, for COSM (bedenktijd), linked both ways.
    expect(bridge.followUp).toMatchObject({ types: ['COSM'], urgency: 'ACUTE', regionCode: 'RR' });
    followUpId = bridge.followUp!.id;
    const followUp = await p.expectStatus(police, followUpId, ['WAITING']);
    // COSM is never offered automatically: CoMensha decides, and is tried again at its opening (§5a).
    expect(followUp).toMatchObject({
      types: ['COSM'],
      waitingReason: 'AWAITING_AUTHORITY',
      waitingForAuthority: 'COMENSHA',
      nextAttemptAt: MONDAY_OPENING.toISOString(),
      facility: null,
      allocations: [],
      escalated: false,
    });
    expect(followUp.bridge).toMatchObject({ id: bridge.id, facility: { id: noodbed.id, type: 'NOODBED' } });
    expect(followUp.history[0]).toMatchObject({
      status: 'RECEIVED',
      by: 'system:placement',
      note: `onward placement (COSM) after the interim stay of request ${bridge.id}`,
    });
    expect(await capacityOf(p.dataSource, cosm.id)).toMatchObject({ held: 0 });

    // CoMensha's worklist shows it.
    const worklist = await p.list(comensha, { status: ['WAITING'], authority: 'COMENSHA' });
    expect(worklist.nodes.map((r) => r.id)).toEqual([followUpId]);

    // A retry of the same call (same clientReference) is the same request: no second bed, no second follow-up.
    const retry = await p.noodbed(police, { profile: WOMAN_IN_BEDENKTIJD, clientReference: 'avim-rr-2026-1187' });
    expect(retry.id).toBe(bridge.id);
    expect(retry.followUp?.id).toBe(followUpId);
    expect(await capacityOf(p.dataSource, noodbed.id)).toMatchObject({ held: 1 });
  });

  it('the noodbed accepts and she arrives: PLACED, the stay ends 3 days later (past a day after CoMensha’s Monday opening, §5a, 002:765-767); the onward request still waits for CoMensha', async () => {
    expect((await p.accept(noodbedStaff, bridge.id)).status).toBe('ACCEPTED');
    clock.advance(40 * 60_000); // 23:40
    const placed = await p.arrive(noodbedStaff, bridge.id);
    expect(placed).toMatchObject({ status: 'PLACED', placedAt: clock.now().toISOString() });
    expect(placed.stayEndsAt).toBe(new Date(clock.now().getTime() + 3 * DAY).toISOString());
    expect(new Date(placed.stayEndsAt!).getTime()).toBeGreaterThanOrEqual(MONDAY_OPENING.getTime() + DAY);
    expect(await capacityOf(p.dataSource, noodbed.id)).toEqual({ total: 1, occupied: 1, held: 0, outOfService: 0 });
    // Her arrival re-tries the onward request: CoMensha is closed, so it stays on the worklist, holding nothing.
    const followUp = await p.expectStatus(police, followUpId, ['WAITING']);
    expect(followUp).toMatchObject({
      status: 'WAITING',
      waitingReason: 'AWAITING_AUTHORITY',
      waitingForAuthority: 'COMENSHA',
      nextAttemptAt: MONDAY_OPENING.toISOString(),
    });
    expect(await capacityOf(p.dataSource, cosm.id)).toMatchObject({ held: 0 });
  });

  it('Sunday 02:15, a VO place free again: the next noodbed call gets that VO place to drive to, not a noodbed, and opens no onward request (002:763-765)', async () => {
    clock.set(new Date('2026-11-29T01:15:00.000Z')); // Sunday 02:15
    // Three women left the shelter: its staff report the places free.
    await p.setCapacity(vo.id, { total: 12, occupied: 9, outOfService: 0 });
    await p.settle();
    const voBefore = await capacityOf(p.dataSource, vo.id);
    expect(voBefore).toEqual({ total: 12, occupied: 9, held: 0, outOfService: 0 });
    const second = await p.noodbed(police, { profile: DUTCH_WOMAN });
    expect(second).toMatchObject({ status: 'OFFERED', facility: { id: vo.id, type: 'VROUWENOPVANG' } });
    expect(await capacityOf(p.dataSource, vo.id)).toEqual({ ...voBefore, held: voBefore.held + 1 });
    expect(await capacityOf(p.dataSource, noodbed.id)).toMatchObject({ occupied: 1, held: 0 });
    // Vrouwenopvang is where she belongs: that place is the onward place, so one hold, for one person.
    expect(second.followUp).toBeNull();
    const [{ n }] = await p.dataSource.query('SELECT count(*)::int AS n FROM placement_requests WHERE bridge_request_id = $1', [
      second.id,
    ]);
    expect(n).toBe(0);
    await p.cancel(police, second.id, 'test cleanup');
    expect(await capacityOf(p.dataSource, vo.id)).toEqual(voBefore);
  });

  it('Sunday: the onward request is not escalated (she has a bed), though it is ACUTE and waiting for hours on CoMensha’s worklist (000:2130, 000:2136-2137)', async () => {
    clock.set(new Date('2026-11-29T11:00:00.000Z')); // Sunday 12:00
    await p.sweep();
    const followUp = await p.expectStatus(police, followUpId, ['WAITING']);
    expect(followUp).toMatchObject({
      escalated: false,
      urgency: 'ACUTE',
      waitingReason: 'AWAITING_AUTHORITY',
      waitingForAuthority: 'COMENSHA',
      nextAttemptAt: MONDAY_OPENING.toISOString(),
    });
    expect(followUp.history.some((entry) => entry.note?.startsWith('escalated'))).toBe(false);
    expect((await p.list(comensha, { escalated: true })).totalCount).toBe(0);
  });

  it('Monday 09:00: the onward request is CoMensha’s to place, not the worker’s; CoMensha assigns COSM and the place is offered (000:2130, 000:2136-2137)', async () => {
    clock.set(MONDAY_OPENING);
    // The sweep tries it again at the opening: COSM is still never offered automatically.
    await p.sweep();
    const waiting = await p.expectStatus(comensha, followUpId, ['WAITING'], (r) => r.nextAttemptAt === null);
    expect(waiting).toMatchObject({ waitingReason: 'AWAITING_AUTHORITY', waitingForAuthority: 'COMENSHA', facility: null });
    expect(await capacityOf(p.dataSource, cosm.id)).toMatchObject({ held: 0 });

    const offered = await p.assign(comensha, followUpId, cosm.id);
    expect(offered).toMatchObject({
      status: 'OFFERED',
      facility: { id: cosm.id, type: 'COSM' },
      escalated: false,
      offerExpiresAt: new Date(MONDAY_OPENING.getTime() + 2 * HOUR).toISOString(),
    });
    expect(offered.history.at(-1)).toMatchObject({ status: 'OFFERED', at: MONDAY_OPENING.toISOString() });
    expect(offered.history.at(-1)!.by).not.toBe('system:placement');
    expect(await capacityOf(p.dataSource, cosm.id)).toMatchObject({ held: 1 });
    // The noodbed stay goes on until she arrives at COSM.
    expect((await p.get(police, bridge.id)).status).toBe('PLACED');
  });

  it('she arrives at COSM: the noodbed stay ends by itself ("moved on") and the bed is free', async () => {
    expect((await p.accept(cosmStaff, followUpId)).status).toBe('ACCEPTED');
    clock.advance(3 * HOUR); // Monday 12:00, after the train to Amsterdam
    const atCosm = await p.arrive(cosmStaff, followUpId);
    expect(atCosm).toMatchObject({ status: 'PLACED', placedAt: clock.now().toISOString() });
    // COSM: until the end of the bedenktijd (started 27 November: three months, so until 27 February).
    expect(atCosm.stayEndsAt).toBe('2027-02-26T23:00:00.000Z');
    expect(await capacityOf(p.dataSource, cosm.id)).toMatchObject({ occupied: 14 + 1, held: 0 });

    const ended = await p.get(police, bridge.id);
    expect(ended.status).toBe('ENDED');
    expect(ended.history.at(-1)).toEqual({
      status: 'ENDED',
      at: clock.now().toISOString(),
      by: 'system:placement',
      note: `moved on to the onward placement (request ${followUpId})`,
    });
    expect(await capacityOf(p.dataSource, noodbed.id)).toEqual({ total: 1, occupied: 0, held: 0, outOfService: 0 });
    expect(await holdsOf(p.dataSource, bridge.id)).toEqual([{ facilityId: noodbed.id, places: 1, state: 'RELEASED' }]);
  });
});
