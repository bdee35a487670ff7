/**
 * The noodbed and its onward placement (issue 4, "what a user can do"; domain.md §2, §5 rule 2):
 * on Saturday night police hold a noodbed within one call; Opvangplek opens the linked onward
 * request (bridge/followUp), which waits for CoMensha and is offered at COSM on Monday 09:00.
 * When she arrives at COSM, the noodbed stay ends by itself and the bed is free again.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  capacityOf,
  DAY,
  DUTCH_WOMAN,
  eventually,
  facilityOf,
  holdsOf,
  HOUR,
  MONDAY_OPENING,
  PlacementClient,
  REQUEST_NOODBED,
  type RequestView,
  SATURDAY_NIGHT,
  startPlacementApp,
  statusesOf,
  stopApp,
  sweep,
  sweepUntil,
  token,
  WOMAN_IN_BEDENKTIJD,
} from './support';

describe('requestNoodbed: a bed now, the onward placement when CoMensha opens', () => {
  const clock = new FixedClock(SATURDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let noodbed: { id: string };
  let cosm: { id: string };
  let vo: { id: string };
  let police: string;
  let comensha: string;
  let noodbedStaff: string;
  let cosmStaff: string;
  let bridge: RequestView;
  let followUpId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [noodbed, cosm, vo] = await insertFacilities(
      database.dataSource,
      [
        // Humanitas Rotterdam: one noodbed, secret address, a stay of at most 3 nights.
        facilityOf(ShelterType.NOODBED, 1, { total: 1, secretAddress: true, maxStayDays: 3, eligibility: women }),
        facilityOf(ShelterType.COSM, 2, { total: 16, regionCode: 'AMS', municipality: 'Amsterdam', eligibility: women }),
        facilityOf(ShelterType.VROUWENOPVANG, 3, { total: 12, eligibility: women }),
      ],
      { now: SATURDAY_NIGHT },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    police = await token.police();
    comensha = await token.comensha();
    noodbedStaff = await token.staff(noodbed.id);
    cosmStaff = await token.staff(cosm.id);
  });
  afterAll(() => stopApp(api, database));

  it('Saturday 23:00: police get a noodbed within the call, and an onward COSM request waits for CoMensha', async () => {
    bridge = await client.noodbed(police, { profile: WOMAN_IN_BEDENKTIJD, clientReference: 'avim-rr-2026-1187' });
    // Answered within the call: OFFERED at the noodbed, no polling needed.
    expect(bridge).toMatchObject({
      status: 'OFFERED',
      urgency: 'ACUTE',
      facility: { id: noodbed.id, type: 'NOODBED' },
      offerExpiresAt: new Date(SATURDAY_NIGHT.getTime() + 2 * HOUR).toISOString(),
    });
    expect(statusesOf(bridge)).toEqual(['RECEIVED', 'MATCHING', 'OFFERED']);
    expect(await capacityOf(database.dataSource, noodbed.id)).toEqual({ total: 1, occupied: 0, held: 1, outOfService: 0 });

    // The onward request exists at once, for COSM (bedenktijd), linked both ways.
    expect(bridge.followUp).toMatchObject({ types: ['COSM'], urgency: 'ACUTE', regionCode: 'RR' });
    followUpId = bridge.followUp!.id;
    const followUp = await client.waitForStatus(police, followUpId, ['WAITING']);
    expect(followUp).toMatchObject({
      types: ['COSM'],
      waitingReason: 'AUTHORITY_CLOSED',
      waitingForAuthority: 'COMENSHA',
      nextAttemptAt: MONDAY_OPENING.toISOString(),
      facility: null,
      escalated: false,
    });
    expect(followUp.bridge).toMatchObject({ id: bridge.id, facility: { id: noodbed.id, type: 'NOODBED' } });
    expect(followUp.history[0]).toMatchObject({
      status: 'RECEIVED',
      by: 'system:placement',
      note: `onward placement (COSM) after the interim stay of request ${bridge.id}`,
    });
    expect(await capacityOf(database.dataSource, cosm.id)).toMatchObject({ held: 0 });

    // CoMensha's worklist shows it.
    await eventually(async () => {
      const worklist = await client.list(comensha, { status: ['WAITING'], authority: 'COMENSHA' });
      expect(worklist.nodes.map((r) => r.id)).toEqual([followUpId]);
    });

    // A retry of the same call (same clientReference) is the same request: no second bed, no second follow-up.
    const retry = await client.noodbed(police, { profile: WOMAN_IN_BEDENKTIJD, clientReference: 'avim-rr-2026-1187' });
    expect(retry.id).toBe(bridge.id);
    expect(retry.followUp?.id).toBe(followUpId);
    expect(await capacityOf(database.dataSource, noodbed.id)).toMatchObject({ held: 1 });
  });

  it('the noodbed accepts and she arrives: PLACED, the stay ends 3 days later', async () => {
    expect((await client.accept(noodbedStaff, bridge.id)).status).toBe('ACCEPTED');
    clock.advance(40 * 60_000); // 23:40
    const placed = await client.arrive(noodbedStaff, bridge.id);
    expect(placed).toMatchObject({ status: 'PLACED', placedAt: clock.now().toISOString() });
    expect(placed.stayEndsAt).toBe(new Date(clock.now().getTime() + 3 * DAY).toISOString());
    expect(await capacityOf(database.dataSource, noodbed.id)).toEqual({ total: 1, occupied: 1, held: 0, outOfService: 0 });
  });

  it('with the noodbed taken, the next noodbed call holds the best 24/7 place (VO) instead, and opens no second VO offer', async () => {
    clock.set(new Date('2026-11-29T01:15:00.000Z')); // Sunday 02:15
    const voBefore = await capacityOf(database.dataSource, vo.id);
    const second = await client.noodbed(police, { profile: DUTCH_WOMAN });
    expect(second).toMatchObject({ status: 'OFFERED', facility: { id: vo.id, type: 'VROUWENOPVANG' } });
    expect(await capacityOf(database.dataSource, vo.id)).toEqual({ ...voBefore, held: voBefore.held + 1 });
    expect(await capacityOf(database.dataSource, noodbed.id)).toMatchObject({ occupied: 1, held: 0 });
    // Vrouwenopvang is where she belongs: that place is the onward place, so one hold, for one person.
    expect(second.followUp).toBeNull();
    const [{ n }] = await database.dataSource.query(
      'SELECT count(*)::int AS n FROM placement_requests WHERE bridge_request_id = $1',
      [second.id],
    );
    expect(n).toBe(0);
    await client.cancel(police, second.id, 'test cleanup');
    expect(await capacityOf(database.dataSource, vo.id)).toEqual(voBefore);
  });

  it('Sunday: the onward request is not escalated (she has a bed), though it is ACUTE and waiting for hours', async () => {
    clock.set(new Date('2026-11-29T11:00:00.000Z')); // Sunday 12:00
    await sweep(api);
    // (A capacity change re-tries every waiting request, so let any such attempt settle first.)
    const followUp = await client.waitForStatus(police, followUpId, ['WAITING']);
    expect(followUp).toMatchObject({ escalated: false, urgency: 'ACUTE', nextAttemptAt: MONDAY_OPENING.toISOString() });
    expect(followUp.history.some((entry) => entry.note?.startsWith('escalated'))).toBe(false);
    expect((await client.list(comensha, { escalated: true })).totalCount).toBe(0);
  });

  it('Monday 09:00: the sweep offers the onward request at COSM', async () => {
    clock.set(MONDAY_OPENING);
    const offered = await sweepUntil(api, client, comensha, followUpId, ['OFFERED']);
    expect(offered).toMatchObject({
      facility: { id: cosm.id, type: 'COSM' },
      escalated: false,
      offerExpiresAt: new Date(MONDAY_OPENING.getTime() + 2 * HOUR).toISOString(),
    });
    expect(offered.history.at(-1)).toMatchObject({ status: 'OFFERED', at: MONDAY_OPENING.toISOString() });
    expect(await capacityOf(database.dataSource, cosm.id)).toMatchObject({ held: 1 });
    // The noodbed stay goes on until she arrives at COSM.
    expect((await client.get(police, bridge.id)).status).toBe('PLACED');
  });

  it('she arrives at COSM: the noodbed stay ends by itself ("moved on") and the bed is free', async () => {
    expect((await client.accept(cosmStaff, followUpId)).status).toBe('ACCEPTED');
    clock.advance(3 * HOUR); // Monday 12:00, after the train to Amsterdam
    const atCosm = await client.arrive(cosmStaff, followUpId);
    expect(atCosm).toMatchObject({ status: 'PLACED', placedAt: clock.now().toISOString() });
    // COSM: until the end of the bedenktijd (started 27 November: three months, so until 27 February).
    expect(atCosm.stayEndsAt).toBe('2027-02-26T23:00:00.000Z');
    expect(await capacityOf(database.dataSource, cosm.id)).toMatchObject({ occupied: 14 + 1, held: 0 });

    const ended = await client.get(police, bridge.id);
    expect(ended.status).toBe('ENDED');
    expect(ended.history.at(-1)).toEqual({
      status: 'ENDED',
      at: clock.now().toISOString(),
      by: 'system:placement',
      note: `moved on to the onward placement (request ${followUpId})`,
    });
    expect(await capacityOf(database.dataSource, noodbed.id)).toEqual({ total: 1, occupied: 0, held: 0, outOfService: 0 });
    expect(await holdsOf(database.dataSource, bridge.id)).toEqual([{ facilityId: noodbed.id, places: 1, state: 'RELEASED' }]);
  });

  it('only police may call requestNoodbed: COMENSHA gets FORBIDDEN and nothing is held', async () => {
    const before = await capacityOf(database.dataSource, noodbed.id);
    const response = await client.raw(REQUEST_NOODBED, comensha, { input: { profile: WOMAN_IN_BEDENKTIJD, regionCode: 'RR' } });
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await capacityOf(database.dataSource, noodbed.id)).toEqual(before);
  });
});
