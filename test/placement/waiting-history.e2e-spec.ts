/**
 * Re-tries of waiting requests do not bloat their history (issue 4, part 2): every capacity change
 * that frees a place re-tries the waiting requests that could use that kind (issue 15: one job per
 * kind and region, capacity-retries.e2e-spec.ts), and a re-try that ends in
 * the same wait for the same reason writes the row (next attempt, updatedAt) but no new MATCHING
 * and WAITING history or audit rows. A request limited to other kinds is not re-tried at all (a
 * COSM-only request, on CoMensha's worklist: domain.md §5a).
 * A re-try whose outcome differs still shows every step.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { PlacementQueue } from '@opvangplek/placement';
import { gql } from '../support/graphql-client';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  eventually,
  facilityOf,
  PlacementClient,
  type RequestView,
  startPlacementApp,
  stopApp,
  statusesOf,
  token,
  WOMAN_IN_BEDENKTIJD,
} from './support';

/** Saturday 28 November 2026, 14:00 in Amsterdam: CoMensha is closed until Monday. */
const SATURDAY_AFTERNOON = new Date('2026-11-28T13:00:00.000Z');
/** Monday 30 November 2026, 09:00 in Amsterdam: CoMensha opens. */
const MONDAY_OPENING = '2026-11-30T08:00:00.000Z';
const MAN = { gender: 'MALE', age: 41, exploitationTypes: ['LABOUR'], residenceStatus: 'DUTCH' };
const UPDATE = `mutation Update($input: UpdateCapacityInput!) { updateCapacity(input: $input) { id capacity { version } } }`;

describe('re-tries that end in the same wait add no history', () => {
  const clock = new FixedClock(SATURDAY_AFTERNOON);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let womenOnly: { id: string };
  let fullMo: { id: string };
  let coordinator: string;
  let waitingMan: RequestView;
  let waitingForCosm: RequestView;

  beforeAll(async () => {
    database = await createTestDatabase();
    [womenOnly, fullMo] = await insertFacilities(
      database.dataSource,
      [
        // Unsuitable for him: women only.
        facilityOf(ShelterType.VROUWENOPVANG, 5, { total: 10, eligibility: { genders: [Gender.FEMALE] } }),
        // Suitable for him, but full.
        facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 0, { total: 20 }),
        facilityOf(ShelterType.COSM, 3, {
          regionCode: 'AMS',
          municipality: 'Amsterdam',
          eligibility: { genders: [Gender.FEMALE] },
        }),
      ],
      { now: SATURDAY_AFTERNOON },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator(['RR']);
  });
  afterAll(() => stopApp(api, database));

  const updatedAt = async (id: string): Promise<Date> =>
    (await database.dataSource.query('SELECT updated_at FROM placement_requests WHERE id = $1', [id]))[0].updated_at;
  const auditRows = async (id: string): Promise<number> =>
    (await database.dataSource.query('SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1', [id]))[0].n;

  /** Until no placement job is waiting or running (delayed ones, such as offer expiries, may stay). */
  async function queueSettled(): Promise<void> {
    const queue = api.app.get(PlacementQueue).queue;
    await eventually(async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      expect(counts).toEqual({ waiting: 0, active: 0, prioritized: 0 });
    });
  }

  /** Staff change a facility's counts; versions are read fresh each time. */
  async function changeCapacity(facilityId: string, counts: { total: number; occupied: number; outOfService: number }) {
    const [{ version }] = await database.dataSource.query('SELECT version FROM capacity WHERE facility_id = $1', [facilityId]);
    const response = await gql<{ updateCapacity: { id: string } }>(api.url, UPDATE, {
      token: await token.staff(facilityId),
      variables: { input: { facilityId, ...counts, expectedVersion: version } },
    });
    if (response.errors?.length) throw new Error(JSON.stringify(response.errors));
  }

  it('a man waits NO_CAPACITY (any kind); a woman’s COSM-only request waits on CoMensha’s worklist (000:2130)', async () => {
    waitingMan = await client.waitForStatus(coordinator, (await client.request(coordinator, { profile: MAN })).id, ['WAITING']);
    expect(waitingMan).toMatchObject({ waitingReason: 'NO_CAPACITY', nextAttemptAt: null });
    const cosm = await client.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, types: ['COSM'] });
    waitingForCosm = await client.waitForStatus(coordinator, cosm.id, ['WAITING']);
    // domain.md §5a: COSM is never offered automatically; CoMensha decides it (closed now: tried
    // again at its opening, Monday 09:00).
    expect(waitingForCosm).toMatchObject({
      waitingReason: 'AWAITING_AUTHORITY',
      waitingForAuthority: 'COMENSHA',
      nextAttemptAt: MONDAY_OPENING,
      facility: null,
    });
    for (const request of [waitingMan, waitingForCosm]) expect(statusesOf(request)).toEqual(['RECEIVED', 'MATCHING', 'WAITING']);
  });

  it('20 capacity changes at an unsuitable and at a full facility: re-tried, but the history and audit log do not grow', async () => {
    // Her WAITING decision named a next attempt (CoMensha's opening) and queued it; on a wall clock
    // past that moment it runs at once and writes her row once more. Take the baseline after it.
    await queueSettled();
    const manAudit = await auditRows(waitingMan.id);
    const cosmAudit = await auditRows(waitingForCosm.id);
    const cosmTouched = await updatedAt(waitingForCosm.id);
    for (let i = 0; i < 10; i++) {
      const before = await updatedAt(waitingMan.id);
      // A place at the women-only VO goes out of service and comes back (which frees it: a re-try of
      // those who could use a VO); the full MO changes its total without freeing anything (no re-try).
      await changeCapacity(womenOnly.id, { total: 10, occupied: 5, outOfService: 1 });
      await changeCapacity(womenOnly.id, { total: 10, occupied: 5, outOfService: 0 });
      await changeCapacity(fullMo.id, { total: 20 + (i % 2), occupied: 20 + (i % 2), outOfService: 0 });
      // The freed VO place re-tries him (his request takes any kind): wait until a re-try has written his row.
      await eventually(async () => expect((await updatedAt(waitingMan.id)).getTime()).toBeGreaterThan(before.getTime()));
    }
    await queueSettled();
    const man = await client.waitForStatus(coordinator, waitingMan.id, ['WAITING']);
    expect(statusesOf(man)).toEqual(['RECEIVED', 'MATCHING', 'WAITING']);
    expect(man).toMatchObject({ waitingReason: 'NO_CAPACITY', nextAttemptAt: null });
    expect(await auditRows(waitingMan.id)).toBe(manAudit);

    // Her request is for COSM only: changes at a VO or MO are not even tried for it.
    const her = await client.get(coordinator, waitingForCosm.id);
    expect(statusesOf(her)).toEqual(['RECEIVED', 'MATCHING', 'WAITING']);
    expect(await auditRows(waitingForCosm.id)).toBe(cosmAudit);
    expect(await updatedAt(waitingForCosm.id)).toEqual(cosmTouched);
  });

  it('when a place frees, the re-try that offers it shows every step', async () => {
    await changeCapacity(fullMo.id, { total: 20, occupied: 19, outOfService: 0 });
    const offered = await client.waitForStatus(coordinator, waitingMan.id, ['OFFERED']);
    expect(offered).toMatchObject({ facility: { id: fullMo.id }, waitingReason: null });
    expect(statusesOf(offered)).toEqual(['RECEIVED', 'MATCHING', 'WAITING', 'MATCHING', 'OFFERED']);
    await client.cancel(coordinator, waitingMan.id, 'test cleanup');
  });
});
