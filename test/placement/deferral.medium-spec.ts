/**
 * Office-hours deferral and escalation (issue 4, parts 2, 4 and 7; domain.md §5 rule 2 and §5a): COSM
 * is placed by CoMensha only, in office hours (Mon–Fri 09:00–17:00, Europe/Amsterdam), and never
 * automatically (000:2130). A COSM request made on Saturday afternoon waits, visibly, on CoMensha's
 * worklist with its next attempt at CoMensha's opening (Monday 09:00); at the opening the sweep
 * tries it again, it stays on the worklist, and CoMensha assigns the COSM place (assignPlacement).
 * An ACUTE request without a place is escalated after 30 minutes.
 *
 * Medium tier: the placement providers on a FixedClock, jobs run by `settle()` (medium-support.ts).
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import { refusal } from '../support/medium-harness';
import { type MediumView, type PlacementMedium, startPlacementMedium, viewer } from './medium-support';
import { capacityOf, facilityOf, MINUTE, statusesOf, WOMAN_IN_BEDENKTIJD } from './support';

/** Saturday 28 November 2026, 14:00 in Amsterdam (CET, UTC+1). */
const SATURDAY_AFTERNOON = new Date('2026-11-28T13:00:00.000Z');
/** Monday 30 November 2026, 09:00 in Amsterdam: CoMensha opens. */
const MONDAY_OPENING = '2026-11-30T08:00:00.000Z';

describe('deferral to the placing authority’s hours, and escalation', () => {
  const clock = new FixedClock(SATURDAY_AFTERNOON);
  let p: PlacementMedium;
  let cosm: { id: string };
  let noodbed: { id: string };
  let mo: { id: string };
  const coordinator = viewer.coordinator(['RR']);
  const comensha = viewer.comensha();
  let cosmOnly: MediumView;
  let planned: MediumView;

  beforeAll(async () => {
    p = await startPlacementMedium(clock, {
      arrange: async (database) => {
        [cosm, noodbed, mo] = await insertFacilities(
          database.dataSource,
          [
            facilityOf(ShelterType.COSM, 3, {
              regionCode: 'AMS',
              municipality: 'Amsterdam',
              eligibility: { genders: [Gender.FEMALE] },
            }),
            // An open interim place: the PLANNED request must not be bridged into it.
            facilityOf(ShelterType.NOODBED, 1, {
              secretAddress: true,
              maxStayDays: 3,
              eligibility: { genders: [Gender.FEMALE] },
            }),
            // The only place for a man here, and it is full.
            facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 0, { total: 20 }),
          ],
          { now: SATURDAY_AFTERNOON },
        );
      },
    });
  });
  afterAll(() => p?.close());

  it('a COSM-only request on Saturday afternoon waits on CoMensha’s worklist, tried again Monday 09:00 (000:2130)', async () => {
    const submitted = await p.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'URGENT', types: ['COSM'] });
    expect(submitted.status).toBe('RECEIVED');
    cosmOnly = await p.expectStatus(coordinator, submitted.id, ['WAITING']);
    expect(cosmOnly).toMatchObject({
      status: 'WAITING',
      waitingReason: 'AWAITING_AUTHORITY',
      waitingForAuthority: 'COMENSHA',
      nextAttemptAt: MONDAY_OPENING,
      facility: null,
      offerExpiresAt: null,
      types: ['COSM'],
    });
    expect(statusesOf(cosmOnly)).toEqual(['RECEIVED', 'MATCHING', 'WAITING']);
    expect(cosmOnly.history[2].note).toBe('waiting: AWAITING_AUTHORITY');
    expect(await capacityOf(p.dataSource, cosm.id)).toMatchObject({ held: 0 });
  });

  it('a PLANNED bedenktijd request (no kinds given) waits for CoMensha too, and is never bridged into the police’s noodbed (000:2130, 002:761-763)', async () => {
    const submitted = await p.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'PLANNED' });
    planned = await p.expectStatus(coordinator, submitted.id, ['WAITING']);
    expect(planned).toMatchObject({
      waitingReason: 'AWAITING_AUTHORITY',
      waitingForAuthority: 'COMENSHA',
      nextAttemptAt: MONDAY_OPENING,
      facility: null,
    });
    expect(await capacityOf(p.dataSource, noodbed.id)).toMatchObject({ held: 0 });
    const [{ n }] = await p.dataSource.query('SELECT count(*)::int AS n FROM placement_requests WHERE bridge_request_id = $1', [
      planned.id,
    ]);
    expect(n).toBe(0);
  });

  it('both are on CoMensha’s worklist: placementRequests(filter: { status: [WAITING], authority: COMENSHA })', async () => {
    await p.settle();
    const worklist = await p.list(comensha, { status: ['WAITING'], authority: 'COMENSHA' });
    expect(worklist.nodes.map((r) => r.id).sort()).toEqual([cosmOnly.id, planned.id].sort());
    expect(worklist.totalCount).toBe(2);
    expect(worklist.nodes.every((r) => r.waitingForAuthority === 'COMENSHA' && r.nextAttemptAt === MONDAY_OPENING)).toBe(true);
    // Another authority's worklist does not have them.
    expect((await p.list(comensha, { status: ['WAITING'], authority: 'NLA' })).totalCount).toBe(0);
  });

  it('a sweep before the opening changes nothing', async () => {
    clock.set(new Date('2026-11-30T07:59:00.000Z')); // Monday 08:59
    // Nothing is due yet, and a request with a next attempt is not "lost": nothing is queued for them.
    expect(await p.sweep()).toMatchObject({ due: 0, reconciled: 0, lapsed: 0 });
    for (const id of [cosmOnly.id, planned.id]) {
      const still = await p.expectStatus(comensha, id, ['WAITING']);
      expect(still).toMatchObject({ waitingReason: 'AWAITING_AUTHORITY', nextAttemptAt: MONDAY_OPENING, facility: null });
      expect(statusesOf(still)).not.toContain('OFFERED');
    }
  });

  it('on Monday 09:00 the sweep tries both again and holds nothing; CoMensha assigns each a COSM place, each holding a place (000:2130)', async () => {
    const before = await capacityOf(p.dataSource, cosm.id);
    clock.set(new Date(MONDAY_OPENING));
    const report = await p.sweep();
    expect(report.due).toBe(2);
    for (const id of [cosmOnly.id, planned.id]) {
      // CoMensha is open now: the request stays on its worklist (no next attempt: CoMensha acts).
      const waiting = await p.expectStatus(comensha, id, ['WAITING'], (r) => r.nextAttemptAt === null);
      expect(waiting).toMatchObject({
        waitingReason: 'AWAITING_AUTHORITY',
        waitingForAuthority: 'COMENSHA',
        facility: null,
        offerExpiresAt: null,
      });
      expect(statusesOf(waiting)).not.toContain('OFFERED');
    }
    expect(await capacityOf(p.dataSource, cosm.id)).toEqual(before);
    // The zorgcoördinator cannot assign it: COSM is CoMensha's.
    expect((await refusal(p.assign(coordinator, cosmOnly.id, cosm.id))).code).toBe('FORBIDDEN');

    for (const id of [cosmOnly.id, planned.id]) {
      const offered = await p.assign(comensha, id, cosm.id, null);
      expect(offered).toMatchObject({
        status: 'OFFERED',
        facility: { id: cosm.id, type: 'COSM' },
        waitingReason: null,
        waitingForAuthority: null,
        nextAttemptAt: null,
        offerExpiresAt: '2026-11-30T10:00:00.000Z',
      });
      // (Any capacity change re-tries waiting requests, so there may be more MATCHING/WAITING rounds in between.)
      expect(statusesOf(offered).slice(0, 3)).toEqual(['RECEIVED', 'MATCHING', 'WAITING']);
      expect(statusesOf(offered).slice(-2)).toEqual(['MATCHING', 'OFFERED']);
      expect(offered.history.at(-1)).toMatchObject({
        at: MONDAY_OPENING,
        by: expect.not.stringMatching(/^system:/),
        note: expect.stringMatching(/assigned by comensha \(COMENSHA\)$/),
      });
    }
    expect(await capacityOf(p.dataSource, cosm.id)).toEqual({ ...before, held: before.held + 2 });
    await p.settle();
    expect((await p.list(comensha, { status: ['WAITING'], authority: 'COMENSHA' })).totalCount).toBe(0);
  });

  describe('escalation', () => {
    const MAN = { gender: 'MALE', age: 41, exploitationTypes: ['CRIMINAL'], residenceStatus: 'DUTCH' };
    // Criminal exploitation waits for the screeningsoverleg's route decision with the OM unless the
    // requester records it (003:490): here it is decided, so these requests wait for capacity.
    const routeDecided = true;
    let acute: MediumView;
    let urgent: MediumView;

    it('an ACUTE request without a free place (its route decided, 003:490) waits for capacity and is not escalated before 30 minutes', async () => {
      clock.set(new Date('2026-11-30T09:00:00.000Z')); // Monday 10:00
      acute = await p.request(coordinator, { profile: MAN, urgency: 'ACUTE', routeDecided });
      urgent = await p.request(coordinator, { profile: MAN, urgency: 'URGENT', routeDecided });
      for (const request of [acute, urgent]) {
        expect(await p.expectStatus(coordinator, request.id, ['WAITING'])).toMatchObject({
          waitingReason: 'NO_CAPACITY',
          waitingForAuthority: null,
          nextAttemptAt: null,
          escalated: false,
        });
      }
      expect(await capacityOf(p.dataSource, mo.id)).toMatchObject({ total: 20, occupied: 20, held: 0 });

      clock.advance(29 * MINUTE);
      expect((await p.sweep()).escalated).toBe(0);
      await p.settle();
      expect((await p.get(coordinator, acute.id)).escalated).toBe(false);
    });

    it('after 31 minutes the sweep escalates it (ACUTE only), lists it with { escalated: true } and says its escalation contacts get a webhook where the region has them (domain.md §5a, 003:497)', async () => {
      clock.advance(2 * MINUTE);
      const report = await p.sweep();
      expect(report.escalated).toBe(1);
      // (The sweep also re-tries requests waiting for capacity, so let that attempt settle first.)
      const escalated = await p.expectStatus(coordinator, acute.id, ['WAITING']);
      expect(escalated).toMatchObject({ waitingReason: 'NO_CAPACITY', escalated: true });
      expect(escalated.history.filter((entry) => entry.note?.startsWith('escalated'))).toEqual([
        {
          status: expect.stringMatching(/^(WAITING|MATCHING)$/),
          at: clock.now().toISOString(),
          by: 'system:placement',
          note: expect.stringMatching(
            /^escalated: no place after 30 minutes; listed on region RR's escalation worklist .*OvD bevolkingszorg.*; its escalation contacts are sent a webhook where the region has them \(webhookDeliveries\)$/,
          ),
        },
      ]);
      expect((await p.get(coordinator, urgent.id)).escalated).toBe(false);

      const listed = await p.list(coordinator, { escalated: true });
      expect(listed.nodes.map((r) => r.id)).toEqual([acute.id]);
      // Escalated once: a later sweep does not add another note.
      expect((await p.sweep()).escalated).toBe(0);
      await p.settle();
      expect((await p.get(coordinator, acute.id)).history.filter((h) => h.note?.startsWith('escalated')).length).toBe(1);
    });
  });
});
