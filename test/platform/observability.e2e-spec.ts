import { randomUUID } from 'node:crypto';
import { ShelterType } from '@opvangplek/domain';
import { EVENT_BUS, type EventBus, EventChannel } from '@opvangplek/platform/events';
import { FixedClock } from '@opvangplek/platform/clock';
import { gql } from '../support/graphql-client';
import { insertFacilities } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeSweep } from '@opvangplek/placement/jobs/sweep.job';
import {
  eventually,
  facilityOf,
  PlacementClient,
  POLISH_WORKER,
  startPlacementApp,
  stopApp,
  sweep,
  token,
} from '../placement/support';

/** The value of one series in Prometheus's text format, or undefined when it is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('operators see into the service (issue 15)', () => {
  const clock = new FixedClock(new Date());
  let database: TestDatabase;
  let api: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One NLA crisis location, full: the labour inspector's request has to wait.
    await insertFacilities(database.dataSource, [facilityOf(ShelterType.NLA_CRISIS, 0, { total: 4 })], { now: clock.now() });
    api = await startPlacementApp(database.url, clock);
  });
  afterAll(() => stopApp(api, database));

  it("every answer carries a request id: the proxy's own when it sent a harmless one, else a new one", async () => {
    const kept = await fetch(`${api.url}/health`, { headers: { 'x-request-id': 'edge-42.a' } });
    expect(kept.headers.get('x-request-id')).toBe('edge-42.a');
    const replaced = await fetch(`${api.url}/health`, { headers: { 'x-request-id': 'forged\tline' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the night shift sees a waiting request counted by reason and urgency, and how fast it got its answer', async () => {
    const nla = await token.nla();
    const client = new PlacementClient(api.url);
    const request = await client.request(nla, { profile: POLISH_WORKER, urgency: 'URGENT' });
    await client.waitForStatus(nla, request.id, ['WAITING']);

    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(sample(text, 'opvangplek_requests_open{status="WAITING",reason="NO_CAPACITY",urgency="URGENT"}')).toBe(1);
    const p50 = sample(text, 'opvangplek_time_to_first_decision_seconds{urgency="URGENT",quantile="0.5"}');
    expect(p50).toBeGreaterThanOrEqual(0);
    expect(p50).toBeLessThan(60);
    // The one facility was confirmed just now: nothing stale.
    expect(sample(text, 'opvangplek_facilities_by_freshness{freshness="FRESH"}')).toBe(1);
    expect(sample(text, 'opvangplek_capacity_stale_ratio')).toBe(0);
  });

  it('the sweep that escalates and re-queues says when it last finished and what it did, so its stopping can be alerted on (red team, issue 15)', async () => {
    const before = await (await fetch(`${api.url}/metrics`)).text();
    await database.dataSource.query(`DELETE FROM sweep_runs`);
    const none = await (await fetch(`${api.url}/metrics`)).text();
    expect(sample(none, 'opvangplek_sweep_last_finished_age_seconds{sweep="placement"}')).toBeUndefined();
    expect(before).toContain('# HELP opvangplek_sweep_last_finished_age_seconds');

    const report = await sweep(api);
    const text = await (await fetch(`${api.url}/metrics`)).text();
    const age = sample(text, 'opvangplek_sweep_last_finished_age_seconds{sweep="placement"}');
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(30);
    expect(sample(text, 'opvangplek_sweep_last_run{what="due"}')).toBe(report.due);
    expect(sample(text, 'opvangplek_sweep_last_run{what="escalated"}')).toBe(report.escalated);
    expect(sample(text, 'opvangplek_sweep_last_run{what="duration_ms"}')).toBeGreaterThanOrEqual(0);
  });

  it('a sweep that did something says what in one log line; an idle one says nothing', () => {
    const idle = { lapsed: 0, due: 0, reconciled: 0, escalated: 0, alerts: 0, overstays: 0, erased: 0 };
    expect(describeSweep(idle as never)).toBeNull();
    expect(describeSweep({ ...idle, escalated: 2, lapsed: 1 } as never)).toBe('sweep: lapsed 1, escalated 2');
  });

  it('GraphQL latency is labelled by root field, never by the free-text operation name', async () => {
    const staff = await token.nla();
    const invented = `Spam${Date.now()}`;
    await gql(api.url, `query ${invented} { me { role } }`, { token: staff });
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(
      sample(text, 'opvangplek_graphql_operation_duration_seconds_count{operation="me",type="query",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(invented);
    expect(
      sample(text, 'opvangplek_http_request_duration_seconds_count{method="POST",path="/graphql",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
  });

  it('an unusual HTTP method is one series, and a subscription sent over HTTP is a clear 400, not a server error (red team, issue 15)', async () => {
    for (const method of ['PROPFIND', 'MKCALENDAR']) await fetch(`${api.url}/graphql`, { method }).catch(() => undefined);
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text).not.toMatch(/method="(PROPFIND|MKCALENDAR)"/);
    expect(text).toMatch(/opvangplek_http_request_duration_seconds_count\{method="OTHER",path="\/graphql"/);

    const overHttp = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'subscription { capacityChanged(current: true) { id } }' }),
    });
    expect(overHttp.status).toBe(400);
    const body = (await overHttp.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/served over WebSocket \(graphql-ws\)/);
    expect(JSON.stringify(body)).not.toMatch(/stack|at \w+ \(/);
  });

  it('events between processes are timed from publish to receipt', async () => {
    const series = 'opvangplek_event_lag_seconds_count{channel="capacity_changed"}';
    const before = sample(await (await fetch(`${api.url}/metrics`)).text(), series) ?? 0;
    // The placement worker in this process listens for capacity changes (to try waiting requests again).
    await api.app.get<EventBus>(EVENT_BUS).publish(EventChannel.CapacityChanged, { facilityId: randomUUID() });
    await eventually(async () => {
      const after = sample(await (await fetch(`${api.url}/metrics`)).text(), series) ?? 0;
      if (after <= before) throw new Error(`no event timed yet (${after})`);
    });
  });

  it('queues, the audit sealer and the process itself are in the scrape', async () => {
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(sample(text, 'opvangplek_queue_up{queue="placement"}')).toBe(1);
    expect(sample(text, 'opvangplek_queue_oldest_waiting_seconds{queue="placement"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'opvangplek_audit_seal_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'opvangplek_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe('readiness and a protected scrape (issue 15)', () => {
  let database: TestDatabase;
  let api: TestApp;
  const metricsToken = 'm'.repeat(40);
  const scrapeWithToken = { headers: { authorization: `Bearer ${metricsToken}` } };

  beforeAll(async () => {
    database = await createTestDatabase();
    // A queue backend that does not answer: Redis on a port where nothing listens.
    api = await startTestApp(database.url, {
      backend: 'redis',
      env: { REDIS_URL: 'redis://127.0.0.1:1', METRICS_TOKEN: metricsToken },
    });
  });
  afterAll(() => stopApp(api, database));

  it('with the queue down a request can still be stored: /ready stays 200 and says the queue is down', async () => {
    const response = await fetch(`${api.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'degraded', database: 'up', queue: 'down' });
  });

  it('with METRICS_TOKEN set, a scrape without it is refused and one with it answers, queue_up 0', async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const scrape = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(scrape.status).toBe(200);
    expect(sample(await scrape.text(), 'opvangplek_queue_up{queue="placement"}')).toBe(0);
  });

  it('the database away: /ready says 503, and /metrics still answers with what it can read', async () => {
    await database.setConnectionsAllowed(false);
    try {
      const ready = await fetch(`${api.url}/ready`);
      expect(ready.status).toBe(503);
      const scrape = await fetch(`${api.url}/metrics`, scrapeWithToken);
      expect(scrape.status).toBe(200);
      const text = await scrape.text();
      expect(text).not.toMatch(/^opvangplek_requests_open\{/m);
      // The failure is counted while the scrape runs, so the next scrape reports it.
      const next = await (await fetch(`${api.url}/metrics`, scrapeWithToken)).text();
      expect(sample(next, 'opvangplek_scrape_failures_total{metric="opvangplek_requests_open"}')).toBeGreaterThanOrEqual(1);
    } finally {
      await database.setConnectionsAllowed(true);
    }
  });
});
