/**
 * Re-tries after a capacity change (issue 15, item 3): a change that frees places queues ONE
 * re-try per kind and region, which tries the waiting requests most urgent and oldest first until
 * the freed places are taken; a change that frees nothing queues nothing. Two changes within the
 * same second both count (before, the second one's jobs were deduplicated away for that second).
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { PlacementJob, PlacementQueue } from '@opvangplek/placement/placement-queue';
import { insertFacilities } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { capacityOf, DUTCH_WOMAN, facilityOf, MONDAY_OPENING, PlacementClient, setCapacity, stopApp, token } from './support';

// Both queue backends: zero-config runs on PostgreSQL, production on Redis (job-id dedupe differs in each).
describe.each(['postgres', 'redis'] as const)('the shelter updating its counts while women wait for it (%s queue)', (backend) => {
  const clock = new FixedClock(MONDAY_OPENING);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let shelter: { id: string };
  let coordinator: string;
  let added: string[] = [];
  const waiting: Record<'PLANNED' | 'URGENT' | 'ACUTE', string> = { PLANNED: '', URGENT: '', ACUTE: '' };

  beforeAll(async () => {
    database = await createTestDatabase();
    [shelter] = await insertFacilities(
      database.dataSource,
      [facilityOf(ShelterType.VROUWENOPVANG, 0, { total: 10, eligibility: { genders: [Gender.FEMALE] } })],
      { now: MONDAY_OPENING },
    );
    api = await startTestApp(database.url, { clock, withWorker: true, backend, env: { SWEEP_SECONDS: '3600' } });
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator();
    // Every job the app puts on the placement queue, by name and id (the API and the worker each
    // have their own queue client: spied on their common prototype).
    const prototype = Object.getPrototypeOf(api.app.get(PlacementQueue).queue) as PlacementQueue['queue'];
    const add = prototype.add;
    jest.spyOn(prototype, 'add').mockImplementation(function (this: PlacementQueue['queue'], name, data, options) {
      added.push(`${name} ${options?.jobId ?? ''}`);
      return add.call(this, name, data, options);
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await stopApp(api, database);
  });

  /** The distinct jobs of this name queued (an id added twice is one job: the queue keeps one). */
  const jobsNamed = (name: PlacementJob) => new Set(added.filter((added) => added.startsWith(`${name} `))).size;
  const statusOf = async (id: string) => (await client.get(coordinator, id)).status;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

  it('three women wait for the full shelter: the PLANNED one asked first, the ACUTE one last', async () => {
    for (const urgency of ['PLANNED', 'URGENT', 'ACUTE'] as const) {
      const submitted = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency });
      await client.waitForStatus(coordinator, submitted.id, ['WAITING']);
      waiting[urgency] = submitted.id;
    }
  });

  it('staff confirm the shelter is still full: nothing came free, so nothing is queued and no one is re-tried', async () => {
    added = [];
    await setCapacity(api, database.dataSource, shelter.id, { total: 10, occupied: 10 });
    await setCapacity(api, database.dataSource, shelter.id, { total: 11, occupied: 10, outOfService: 1 });
    await settle();
    expect(added).toEqual([]);
    for (const id of Object.values(waiting)) expect(await statusOf(id)).toBe('WAITING');
  });

  it('one woman leaves: ONE re-try job, not one per waiting request, and the ACUTE one gets the place though she asked last', async () => {
    added = [];
    await setCapacity(api, database.dataSource, shelter.id, { total: 10, occupied: 9 });
    await client.waitForStatus(coordinator, waiting.ACUTE, ['OFFERED']);
    await settle();
    expect(jobsNamed(PlacementJob.RetryWaiting)).toBe(1);
    expect(jobsNamed(PlacementJob.MatchRequest)).toBe(0);
    expect(await statusOf(waiting.URGENT)).toBe('WAITING');
    expect(await statusOf(waiting.PLANNED)).toBe('WAITING');
    expect(await capacityOf(database.dataSource, shelter.id)).toEqual({ total: 10, occupied: 9, held: 1, outOfService: 0 });
  });

  it('two places come free within the same second (two updates back to back): both places are taken (the second change is not lost)', async () => {
    added = [];
    await setCapacity(api, database.dataSource, shelter.id, { total: 10, occupied: 8 });
    await setCapacity(api, database.dataSource, shelter.id, { total: 10, occupied: 7 });
    await client.waitForStatus(coordinator, waiting.URGENT, ['OFFERED']);
    await client.waitForStatus(coordinator, waiting.PLANNED, ['OFFERED']);
    expect(await capacityOf(database.dataSource, shelter.id)).toEqual({ total: 10, occupied: 7, held: 3, outOfService: 0 });
    expect(jobsNamed(PlacementJob.RetryWaiting)).toBeLessThanOrEqual(2);
  });

  it('a declined offer frees its place: one re-try for the one still waiting, who gets it', async () => {
    const staff = await token.staff(shelter.id);
    const late = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'PLANNED' });
    await client.waitForStatus(coordinator, late.id, ['WAITING']);
    added = [];
    await client.decline(staff, waiting.PLANNED, 'NO_MATCH');
    await client.waitForStatus(coordinator, late.id, ['OFFERED']);
    expect(jobsNamed(PlacementJob.RetryWaiting)).toBe(1);
  });
});
