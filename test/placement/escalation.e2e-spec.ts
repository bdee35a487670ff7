/**
 * Escalation when no place can be arranged (003:497: "Bij het niet pro-actief kunnen regelen van een
 * opvanglocatie kan overleg plaatsvinden met de Officier van Dienst (OvD) bevolkingszorg"), within the
 * chain's promise of one place to go or a named escalation inside 15 minutes (issue 19). An offer no
 * shelter has accepted is no place to go yet; the noodbed the police are told is one.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { PlacementJob, PlacementProcessor, PlacementQueue } from '@opvangplek/placement';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  dataOf,
  DUTCH_WOMAN,
  facilityOf,
  MINUTE,
  PlacementClient,
  type RequestView,
  startPlacementApp,
  stopApp,
  sweep,
  token,
} from './support';

/** Thursday 3 December 2026, 03:00 in Amsterdam (CET, UTC+1). */
const THURSDAY_NIGHT = new Date('2026-12-03T02:00:00.000Z');
/** The service's default: the chain's 15 minutes count from her being found, and the call and the contacts' telling need the rest. */
const ESCALATE_AFTER_MINUTES = 10;

/** The history's escalation rows. */
const escalationsIn = (request: RequestView) => request.history.filter((entry) => entry.note?.startsWith('escalated'));

/** The one escalation row the service writes at `at` for having no place in time. */
const escalatedBySystemAt = (at: Date) =>
  expect.objectContaining({
    at: at.toISOString(),
    by: 'system:placement',
    note: expect.stringMatching(new RegExp(`^escalated: no place after ${ESCALATE_AFTER_MINUTES} minutes`)),
  });

describe('escalation of an ACUTE request without a place to go (003:497)', () => {
  const clock = new FixedClock(THURSDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let shelter: { id: string };
  let coordinator: string;
  let police: string;
  let shelterStaff: string;
  let unanswered: RequestView;
  let answered: RequestView;
  let noodbedCall: RequestView;

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [shelter] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.VROUWENOPVANG, 2, { total: 12, eligibility: women }),
        facilityOf(ShelterType.NOODBED, 1, { total: 1, secretAddress: true, maxStayDays: 3, eligibility: women }),
      ],
      { now: THURSDAY_NIGHT },
    );
    // The service's default (ESCALATE_AFTER_MINUTES); the shared test set-up keeps older specs at 30.
    api = await startPlacementApp(database.url, clock, { ESCALATE_AFTER_MINUTES: String(ESCALATE_AFTER_MINUTES) });
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator();
    police = await token.police();
    shelterStaff = await token.staff(shelter.id);
  });
  afterAll(() => stopApp(api, database));

  it('Thursday 03:00: two ACUTE requests are offered to the women’s shelter, and the police’s noodbed call is answered with the noodbed', async () => {
    unanswered = await client.waitForStatus(
      coordinator,
      (await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' })).id,
      ['OFFERED'],
    );
    answered = await client.waitForStatus(
      coordinator,
      (await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' })).id,
      ['OFFERED'],
    );
    noodbedCall = await client.noodbed(police, { profile: DUTCH_WOMAN });
    expect([unanswered.facility?.id, answered.facility?.id]).toEqual([shelter.id, shelter.id]);
    expect(noodbedCall).toMatchObject({ status: 'OFFERED', facility: { type: 'NOODBED' } });
  });

  it(`the shelter accepts one offer within ${ESCALATE_AFTER_MINUTES - 3} minutes; a minute before the deadline nothing is escalated yet`, async () => {
    clock.advance((ESCALATE_AFTER_MINUTES - 3) * MINUTE);
    expect((await client.accept(shelterStaff, answered.id)).status).toBe('ACCEPTED');
    clock.advance(2 * MINUTE);
    expect((await sweep(api)).escalated).toBe(0);
  });

  it(`at ${ESCALATE_AFTER_MINUTES} minutes the offer nobody answered is escalated (003:497): an unanswered offer is no place to go`, async () => {
    clock.advance(1 * MINUTE);
    expect((await sweep(api)).escalated).toBe(1);
    const escalated = await client.get(coordinator, unanswered.id);
    expect(escalated).toMatchObject({ status: 'OFFERED', escalated: true, facility: { id: shelter.id } });
    expect(escalated.history.filter((entry) => entry.note?.startsWith('escalated'))).toEqual([
      {
        status: 'OFFERED',
        at: clock.now().toISOString(),
        by: 'system:placement',
        note: expect.stringMatching(
          new RegExp(`^escalated: no place after ${ESCALATE_AFTER_MINUTES} minutes; listed on region RR's escalation worklist`),
        ),
      },
    ]);
  });

  it('neither the accepted place nor the noodbed the police were told is escalated, and a later sweep escalates no one again', async () => {
    expect((await client.get(coordinator, answered.id)).escalated).toBe(false);
    expect((await client.get(police, noodbedCall.id)).escalated).toBe(false);
    clock.advance(30 * MINUTE);
    expect((await sweep(api)).escalated).toBe(0);
    const listed = await client.list(coordinator, { escalated: true });
    expect(listed.nodes.map((request) => request.id)).toEqual([unanswered.id]);
  });
});

describe('the escalation comes at its deadline, not at the next sweep (003:497; a place to go or an escalation within 15 minutes)', () => {
  const clock = new FixedClock(THURSDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let coordinator: string;
  let waiting: RequestView;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One women's shelter, full: an ACUTE request at 03:00 has no place anywhere.
    await insertFacilities(
      database.dataSource,
      [facilityOf(ShelterType.VROUWENOPVANG, 0, { total: 4, eligibility: { genders: [Gender.FEMALE] } })],
      { now: THURSDAY_NIGHT },
    );
    // The sweep runs hourly here (startPlacementApp): only the request's own deadline can escalate her in time.
    api = await startPlacementApp(database.url, clock, { ESCALATE_AFTER_MINUTES: String(ESCALATE_AFTER_MINUTES) });
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator();
  });
  afterAll(() => stopApp(api, database));

  it(`Thursday 03:00: the coordinator’s ACUTE request waits for capacity, and its escalation is set for ${ESCALATE_AFTER_MINUTES} minutes on`, async () => {
    waiting = await client.waitForStatus(
      coordinator,
      (await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' })).id,
      ['WAITING'],
    );
    const job = await api.app.get(PlacementQueue).queue.getJob(`escalate.${waiting.id}`);
    expect(job?.name).toBe(PlacementJob.EscalateIfUnreached);
    // The fixed clock runs at wall speed: the delay is the deadline itself, a second after it.
    expect(job?.opts.delay).toBe(ESCALATE_AFTER_MINUTES * MINUTE + 1_000);
  });

  it('a deadline job that runs early (a clock that slowed down, another process) escalates no one and is set again for the rest', async () => {
    clock.advance((ESCALATE_AFTER_MINUTES - 1) * MINUTE);
    const processor = api.app.get(PlacementProcessor);
    const job = await api.app.get(PlacementQueue).queue.getJob(`escalate.${waiting.id}`);
    expect(await processor.process(job!)).toEqual({ setAgain: true });
    expect((await client.get(coordinator, waiting.id)).escalated).toBe(false);
    const rest = await api.app.get(PlacementQueue).queue.getJob(`escalate.${waiting.id}.again1`);
    expect(rest?.opts.delay).toBe(MINUTE + 1_000);
    await rest!.remove(); // the original is released below, as the queue would
  });

  it(`at ${ESCALATE_AFTER_MINUTES} minutes the job the queue releases escalates her, with no sweep run, and only once`, async () => {
    clock.advance(1 * MINUTE + 1_000);
    const job = await api.app.get(PlacementQueue).queue.getJob(`escalate.${waiting.id}`);
    await job!.promote(); // what the queue does when the delay has passed
    const seen = await client.waitForStatus(coordinator, waiting.id, ['WAITING'], 10_000, (request) => request.escalated);
    expect(seen).toMatchObject({ status: 'WAITING', escalated: true });
    expect(escalationsIn(seen)).toEqual([escalatedBySystemAt(clock.now())]);
    expect((await sweep(api)).escalated).toBe(0);
  });
});

describe('an ACUTE woman who loses her place to go after the deadline is escalated then, not at the next sweep (003:497; issue 19)', () => {
  const clock = new FixedClock(THURSDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let coordinator: string;
  let shelterStaff: string;
  let request: RequestView;
  /** Her accepted place's own deadline job (placement-queue.ts `enqueueExpiry`). */
  const arrivalJob = async () => {
    const [{ attempt }] = (await database.dataSource.query('SELECT attempt FROM placement_requests WHERE id = $1', [
      request.id,
    ])) as { attempt: number }[];
    return api.app.get(PlacementQueue).queue.getJob(`expire.${request.id}.${attempt}.arrival`);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const [shelter] = await insertFacilities(
      database.dataSource,
      [facilityOf(ShelterType.VROUWENOPVANG, 1, { total: 4, eligibility: { genders: [Gender.FEMALE] } })],
      { now: THURSDAY_NIGHT },
    );
    // The sweep runs hourly here (startPlacementApp): only the service's own jobs can act in time.
    api = await startPlacementApp(database.url, clock, { ESCALATE_AFTER_MINUTES: String(ESCALATE_AFTER_MINUTES) });
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator();
    shelterStaff = await token.staff(shelter.id);
  });
  afterAll(() => stopApp(api, database));

  it('Thursday 03:00: her ACUTE request is offered and the shelter accepts within 3 minutes: she has a place to go, held until she arrives', async () => {
    request = await client.waitForStatus(
      coordinator,
      (await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' })).id,
      ['OFFERED'],
    );
    clock.advance(3 * MINUTE);
    request = await client.accept(shelterStaff, request.id);
    expect(request).toMatchObject({ status: 'ACCEPTED', escalated: false });
    // The accepted place's own deadline, apart from the offer's job of the same attempt.
    const job = await arrivalJob();
    expect(job?.name).toBe(PlacementJob.ExpireOffer);
    expect(job?.opts.delay).toBeGreaterThan(ESCALATE_AFTER_MINUTES * MINUTE);
  });

  it('she never arrives: when the place is given back, with no sweep run, she is escalated at that moment, and offered again', async () => {
    const job = await arrivalJob();
    clock.advance(job!.opts.delay! + MINUTE);
    await job!.promote(); // what the queue does when the delay has passed
    const seen = await client.waitForStatus(coordinator, request.id, ['OFFERED', 'WAITING'], 10_000, (r) => r.escalated);
    expect(seen).toMatchObject({ escalated: true });
    const notes = seen.history.map((entry) => entry.note ?? '');
    expect(notes.some((note) => note.startsWith('accepted place lapsed'))).toBe(true);
    expect(escalationsIn(seen)).toEqual([escalatedBySystemAt(clock.now())]);
    expect((await sweep(api)).escalated).toBe(0);
  });
});

describe('the noodbed the police were told is her place to go until it is withdrawn, not the next offer (003:497; the red team’s findings)', () => {
  const clock = new FixedClock(THURSDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let police: string;

  const UPDATE_PROFILE = `mutation Update($requestId: ID!, $changes: VictimProfileChangeInput!, $reason: String!) {
    updateVictimProfile(requestId: $requestId, changes: $changes, reason: $reason) { id status escalated }
  }`;

  beforeAll(async () => {
    database = await createTestDatabase();
    const noodbed = () =>
      facilityOf(ShelterType.NOODBED, 1, {
        total: 1,
        secretAddress: true,
        maxStayDays: 3,
        eligibility: { genders: [Gender.FEMALE] },
      });
    await insertFacilities(database.dataSource, [noodbed(), noodbed(), noodbed()], { now: THURSDAY_NIGHT });
    api = await startPlacementApp(database.url, clock, { ESCALATE_AFTER_MINUTES: String(ESCALATE_AFTER_MINUTES) });
    client = new PlacementClient(api.url);
    police = await token.police();
  });
  afterAll(() => stopApp(api, database));

  it(`Thursday 03:00: the told noodbed declines at ${ESCALATE_AFTER_MINUTES + 1} minutes: she is escalated at that moment, once, and offered another noodbed`, async () => {
    const call = await client.noodbed(police, { profile: DUTCH_WOMAN });
    expect(call).toMatchObject({ status: 'OFFERED', escalated: false, facility: { type: 'NOODBED' } });
    const told = call.facility!.id;
    clock.advance((ESCALATE_AFTER_MINUTES + 1) * MINUTE);
    const declined = await client.decline(await token.staff(told), call.id, 'the bed is out of use tonight');
    expect(declined).toMatchObject({ escalated: true });
    const seen = await client.waitForStatus(police, call.id, ['OFFERED'], 10_000, (r) => r.facility?.id !== told);
    expect(seen).toMatchObject({ escalated: true, facility: { type: 'NOODBED' } });
    expect(seen.facility?.id).not.toBe(told);
    expect(escalationsIn(seen)).toEqual([escalatedBySystemAt(clock.now())]);
    expect((await sweep(api)).escalated).toBe(0);
    await client.cancel(police, call.id, 'placed by the OvD bevolkingszorg');
  });

  it(`the told noodbed declines at 2 minutes; the next offer was told nobody, so at ${ESCALATE_AFTER_MINUTES} minutes, still unanswered, she is escalated`, async () => {
    const call = await client.noodbed(police, { profile: DUTCH_WOMAN });
    const told = call.facility!.id;
    clock.advance(2 * MINUTE);
    const declined = await client.decline(await token.staff(told), call.id, 'the bed is out of use tonight');
    expect(declined).toMatchObject({ escalated: false });
    const reoffered = await client.waitForStatus(police, call.id, ['OFFERED'], 10_000, (r) => r.facility?.id !== told);
    expect(reoffered).toMatchObject({ escalated: false, facility: { type: 'NOODBED' } });
    clock.advance((ESCALATE_AFTER_MINUTES - 2) * MINUTE);
    expect((await sweep(api)).escalated).toBe(1);
    const seen = await client.get(police, call.id);
    expect(seen).toMatchObject({ status: 'OFFERED', escalated: true });
    expect(escalationsIn(seen)).toEqual([escalatedBySystemAt(clock.now())]);
    await client.cancel(police, call.id, 'placed by the OvD bevolkingszorg');
  });

  it('a noodbed accepted for her and then withdrawn by a change to her profile past the deadline escalates her in that change’s own answer', async () => {
    const call = await client.noodbed(police, { profile: DUTCH_WOMAN });
    await client.accept(await token.staff(call.facility!.id), call.id);
    clock.advance((ESCALATE_AFTER_MINUTES + 1) * MINUTE);
    const changed = dataOf(
      await client.raw(UPDATE_PROFILE, police, {
        requestId: call.id,
        changes: { excludedRegionCodes: ['RR'] },
        reason: 'her trafficker lives in the region',
      }),
      'updateVictimProfile',
    );
    expect(changed).toMatchObject({ escalated: true });
    expect(escalationsIn(await client.get(police, call.id))).toEqual([escalatedBySystemAt(clock.now())]);
    expect((await sweep(api)).escalated).toBe(0);
  });
});
