/**
 * A deadline job is due at the moment its work decided, not a delay after it is added: the lapse of
 * a held place at the hold's end, the escalation at the request's deadline. An after-commit enqueue
 * comes a little later than the decision; at a simulated clock's speed that was minutes (a quick
 * simulated month saw an offer's lapse job added 13.7 simulated minutes after the offer, and so
 * due that much after the hold's end).
 */
import { PlacementQueue } from '@opvangplek/placement';
import { FixedClock } from '@opvangplek/platform/clock';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { HOUR, MINUTE, startPlacementApp, stopApp } from './support';

/** Thursday 3 December 2026, 03:00 in Amsterdam. */
const THURSDAY_NIGHT = new Date('2026-12-03T02:00:00.000Z');

describe('deadline jobs are due at the moment decided, however late they are added', () => {
  const clock = new FixedClock(THURSDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let queue: PlacementQueue;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startPlacementApp(database.url, clock);
    queue = api.app.get(PlacementQueue);
  });
  afterAll(() => stopApp(api, database));

  it('an offer made at 03:00 and held two hours lapses at 05:00, though its job is added at 03:10', async () => {
    const requestId = '00000000-0000-4000-8000-000000000001';
    const holdEnds = new Date(THURSDAY_NIGHT.getTime() + 2 * HOUR);
    clock.set(new Date(THURSDAY_NIGHT.getTime() + 10 * MINUTE));
    await queue.enqueueExpiry(requestId, 0, holdEnds);
    const job = await queue.queue.getJob(`expire.${requestId}.0`);
    expect(job?.data).toMatchObject({ requestId, dueAtMs: holdEnds.getTime() });
    // The fixed clock runs at wall speed: the delay is what is left of the hold.
    expect(job?.opts.delay).toBe(110 * MINUTE);
    await job?.remove();
  });

  it('an ACUTE request stored at 03:00 is escalated at its deadline (a second after it), though its job is added at 03:02', async () => {
    const requestId = '00000000-0000-4000-8000-000000000002';
    const deadline = new Date(THURSDAY_NIGHT.getTime() + 10 * MINUTE);
    clock.set(new Date(THURSDAY_NIGHT.getTime() + 2 * MINUTE));
    await queue.enqueueEscalation(requestId, deadline);
    const job = await queue.queue.getJob(`escalate.${requestId}`);
    expect(job?.data).toMatchObject({ requestId, dueAtMs: deadline.getTime() + 1_000 });
    expect(job?.opts.delay).toBe(8 * MINUTE + 1_000);
    await job?.remove();
  });
});
