/**
 * Issue 15, F4 of the red team: after Redis hung (SIGSTOP, then SIGCONT) an API's `/metrics` said
 * `opvangplek_queue_up 0` with no `opvangplek_queue_jobs` for 20+ minutes while `/ready` said the
 * queue was up, and no scrape failure was counted. The first scrape opened its queues during the
 * hang; BullMQ's start-up check timed out and left those queues failing every call for good.
 * Here: the metrics' queues and the readiness probe recover once Redis answers again, a probe that
 * failed counts as a scrape failure, and `/metrics` and `/ready` agree.
 */
import { FixedClock } from '@opvangplek/platform/clock';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { eventually, stopApp } from '../placement/support';
import { PrivateRedis } from './redis-server';

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const scrape = async (api: TestApp) => (await fetch(`${api.url}/metrics`)).text();
const ready = async (api: TestApp) => (await (await fetch(`${api.url}/ready`)).json()) as { queue: string };

describe('a Redis that hung during the first scrape (issue 15, F4)', () => {
  let database: TestDatabase;
  let redis: PrivateRedis;
  let api: TestApp;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    database = await createTestDatabase();
    api = await startTestApp(database.url, {
      backend: 'redis',
      clock: new FixedClock(new Date()),
      env: { REDIS_URL: redis.url, QUEUE_CALL_TIMEOUT_MS: '1000' },
    });
  }, 120_000);

  afterAll(async () => {
    redis.resume();
    await stopApp(api, database);
    await redis.stop();
  }, 120_000);

  it('says the queue is down during the hang, counts the failed probe, and recovers in /metrics as in /ready', async () => {
    const failures = 'opvangplek_scrape_failures_total{metric="opvangplek_queue_jobs"}';
    redis.pause();
    try {
      const during = await scrape(api);
      expect(sample(during, 'opvangplek_queue_up{queue="placement"}')).toBe(0);
      expect((await ready(api)).queue).toBe('down');
    } finally {
      redis.resume();
    }
    // Within a few scrapes of Redis answering again, both views say up, and the job counts are back.
    const after = await eventually(async () => {
      const text = await scrape(api);
      if (sample(text, 'opvangplek_queue_up{queue="placement"}') !== 1) throw new Error('queue_up not back to 1');
      return text;
    }, 15_000);
    expect(sample(after, 'opvangplek_queue_up{queue="webhooks"}')).toBe(1);
    // The failed probe was counted (a scrape shows the failures of the scrapes before it).
    expect(sample(after, failures)).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'opvangplek_queue_jobs{queue="placement",state="waiting"}')).toBe(0);
    expect((await ready(api)).queue).toBe('up');
    // A scrape that read every queue counts no new failure.
    const counted = sample(after, failures);
    expect(sample(await scrape(api), failures)).toBe(counted);
  }, 60_000);
});
