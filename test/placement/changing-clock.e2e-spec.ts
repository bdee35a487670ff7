/**
 * The simulated year (issue 19) runs the service's clock faster through calm hours and slower while
 * someone waits to be reached. A deadline job's wall delay is reckoned at the speeds known when it is
 * set; when the speed changes later, the worker sets every delayed job again by its due moment, so
 * the escalation of 003:497 ("bij het niet pro-actief kunnen regelen van een opvanglocatie kan overleg
 * plaatsvinden met de Officier van Dienst (OvD) bevolkingszorg") comes at its deadline in the
 * clock's time, not when the old wall delay runs out. The seventh year missed its worst hour by this:
 * a raid's group escalated 6 simulated minutes late.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Gender, ShelterType } from '@opvangplek/domain';
import { SimulatedClock, SpeedSchedule } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import { testRedisUrl } from '../support/test-env';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { DUTCH_WOMAN, facilityOf, MINUTE, PlacementClient, type RequestView, startPlacementApp, stopApp, token } from './support';

/** Wednesday 2 December 2026, 23:00 in Amsterdam (CET, UTC+1): the seventh year's worst hour. */
const WEDNESDAY_23 = new Date('2026-12-02T22:00:00.000Z');
const ESCALATE_AFTER_MINUTES = 10;

const escalationAt = (request: RequestView) => {
  const row = request.history.find((entry) => entry.note?.startsWith('escalated'));
  return row ? new Date(row.at).getTime() : undefined;
};

describe.each(testRedisUrl() ? (['postgres', 'redis'] as const) : (['postgres'] as const))(
  'a deadline set before the simulated clock changes speed comes at its moment in the clock’s time (issue 19; 003:497), queue on %s',
  (backend) => {
    let database: TestDatabase;
    let api: TestApp;
    let client: PlacementClient;
    let coordinator: string;
    let clock: SimulatedClock;
    let schedule: SpeedSchedule;

    beforeAll(async () => {
      database = await createTestDatabase();
      // One women's shelter, full: an ACUTE request has no place anywhere and waits for capacity.
      await insertFacilities(
        database.dataSource,
        [facilityOf(ShelterType.VROUWENOPVANG, 0, { total: 4, eligibility: { genders: [Gender.FEMALE] } })],
        { now: WEDNESDAY_23 },
      );
      // 60×: a simulated minute a wall second. The sweep (hourly in the clock's time, a wall minute) never runs here.
      schedule = new SpeedSchedule(join(mkdtempSync(join(tmpdir(), 'speed-')), 'speed.json'));
      clock = new SimulatedClock({ start: WEDNESDAY_23, speed: 60, wallEpochMs: Date.now() }, Date.now, schedule);
      api = await startPlacementApp(database.url, clock, {
        ESCALATE_AFTER_MINUTES: String(ESCALATE_AFTER_MINUTES),
        QUEUE_BACKEND: backend,
        EVENTS_BACKEND: backend,
        ...(backend === 'redis' ? { REDIS_URL: testRedisUrl()! } : {}),
      });
      client = new PlacementClient(api.url);
      coordinator = await token.coordinator();
    });
    afterAll(() => stopApp(api, database));

    const waitingRequest = async () =>
      client.waitForStatus(
        coordinator,
        (await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' })).id,
        ['WAITING'],
        20_000,
      );

    it('the clock runs ten times faster after her escalation is set: she is escalated at 10 minutes, not at 100', async () => {
      const waiting = await waitingRequest();
      const deadline = new Date(waiting.createdAt).getTime() + ESCALATE_AFTER_MINUTES * MINUTE;
      // Her job was set at 60×, about ten wall seconds; the rest of her 10 minutes is about one at 600×.
      schedule.change(clock, 600);
      const seen = await client.waitForStatus(coordinator, waiting.id, ['WAITING'], 6_000, (request) => request.escalated);
      const at = escalationAt(seen)!;
      expect(at).toBeGreaterThanOrEqual(deadline);
      // A worker's moment under load is a few simulated minutes at 600×; the old wall delay would be 90 late.
      expect(at - deadline).toBeLessThan(5 * MINUTE);
    });

    it('the clock runs ten times slower after her escalation is set: she is not escalated early, and is at 10 minutes', async () => {
      schedule.change(clock, 600);
      const waiting = await waitingRequest();
      const deadline = new Date(waiting.createdAt).getTime() + ESCALATE_AFTER_MINUTES * MINUTE;
      // Set at 600×, about one wall second; at 60× the rest is most of ten.
      schedule.change(clock, 60);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect((await client.get(coordinator, waiting.id)).escalated).toBe(false);
      schedule.change(clock, 600); // the rest at 600× again: the test need not wait ten wall seconds
      const seen = await client.waitForStatus(coordinator, waiting.id, ['WAITING'], 6_000, (request) => request.escalated);
      const at = escalationAt(seen)!;
      expect(at).toBeGreaterThanOrEqual(deadline);
      expect(at - deadline).toBeLessThan(5 * MINUTE);
    });
  },
);
