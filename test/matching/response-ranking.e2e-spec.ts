/**
 * The optional ranking weight for shelters that answer offers quickly (issue 18): off by default,
 * and when RANKING_RESPONSE_WEIGHT is set, the quick responder ranks first (in matchFacilities and
 * in the offer the worker makes) with the reason said. Two women's shelters in Rotterdam, alike but
 * for two free places and how they answered their last offers.
 */
import { ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { randomUUID } from 'node:crypto';
import { insertFacilities } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import type { TestApp } from '../support/test-app';
import { DUTCH_WOMAN, facilityOf, MINUTE, PlacementClient, startPlacementApp, stopApp, token } from '../placement/support';
import { matchOrFail } from './match-client';

const NIGHT = new Date('2026-11-28T02:00:00.000Z'); // Saturday 03:00 in Amsterdam
const QUICK_MINUTES = [8, 10, 12, 12, 15, 20, 30];
const SLOW_MINUTES = [60, 80, 95, 100, 110];

describe('the ranking weight for quick responders (RANKING_RESPONSE_WEIGHT)', () => {
  const clock = new FixedClock(NIGHT);
  let database: TestDatabase;
  let off: TestApp | undefined;
  let on: TestApp | undefined;
  let quick: { id: string };
  let slow: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    // The slow one has two more free places: without the weight it ranks first.
    [quick, slow] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.VROUWENOPVANG, 3, { name: 'Vrouwenopvang Snel' }),
        facilityOf(ShelterType.VROUWENOPVANG, 5, { name: 'Vrouwenopvang Traag' }),
      ],
      { now: NIGHT },
    );
    const insert = (facilityId: string, answer: string, minutes: number | null, daysAgo: number) =>
      database.dataSource.query(
        `INSERT INTO placement_holds (request_id, facility_id, places, state, created_at, answer, answered_at)
         VALUES ($1, $2, 1, 'RELEASED', $3, $4, $5)`,
        [
          randomUUID(),
          facilityId,
          new Date(NIGHT.getTime() - daysAgo * 24 * 60 * MINUTE),
          answer,
          minutes === null ? null : new Date(NIGHT.getTime() - daysAgo * 24 * 60 * MINUTE + minutes * MINUTE),
        ],
      );
    for (const [i, minutes] of QUICK_MINUTES.entries()) await insert(quick.id, 'ACCEPTED', minutes, i + 1);
    for (const [i, minutes] of SLOW_MINUTES.entries()) await insert(slow.id, 'DECLINED', minutes, i + 1);
    for (let i = 0; i < 3; i += 1) await insert(slow.id, 'LAPSED', null, i + 1);
    off = await startPlacementApp(database.url, clock);
  });
  afterAll(async () => {
    await on?.close();
    await stopApp(off, database);
  });

  it('is off by default: the coordinator at 03:00 sees the ranking unchanged, and no word about answering', async () => {
    const result = await matchOrFail(off!.url, DUTCH_WOMAN, { requesterRegionCode: 'RR' }, await token.coordinator());
    expect(result.matches.map((m) => m.facility.id)).toEqual([slow.id, quick.id]);
    expect(result.matches.flatMap((m) => m.reasons).join(' ')).not.toMatch(/answers offers/);
  });

  it('when on, ranks the quick responder first and says why; the worker offers it first too', async () => {
    await off!.close();
    off = undefined;
    // Read from the environment at start, as the insight options are (responsiveness-figures.ts).
    process.env.RANKING_RESPONSE_WEIGHT = '300';
    try {
      on = await startPlacementApp(database.url, clock);
    } finally {
      delete process.env.RANKING_RESPONSE_WEIGHT;
    }
    const coordinator = await token.coordinator();
    const result = await matchOrFail(on.url, DUTCH_WOMAN, { requesterRegionCode: 'RR' }, coordinator);
    expect(result.matches.map((m) => m.facility.id)).toEqual([quick.id, slow.id]);
    // Nearest-rank median of 8, 10, 12, 12, 15, 20, 30.
    expect(result.matches[0].reasons).toContain('answers offers quickly: median 12 min');
    // The slow one answered 5 of 8 offers, with a median of 95 minutes: a few points, said as well.
    expect(result.matches[1].reasons).toContain('answers offers quickly: median 95 min');
    expect(result.matches[0].score - result.matches[1].score).toBeGreaterThan(0);

    const client = new PlacementClient(on.url);
    const submitted = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' });
    const offered = await client.waitForStatus(coordinator, submitted.id, ['OFFERED']);
    expect(offered.facility!.id).toBe(quick.id);
  });

  it('refuses a weight outside 0–500 at start, naming the variable', async () => {
    const { responseRankingOptionsFrom } = await import('@opvangplek/matching/responsiveness-figures');
    expect(() => responseRankingOptionsFrom({ RANKING_RESPONSE_WEIGHT: '900' })).toThrow(
      'RANKING_RESPONSE_WEIGHT is "900"; allowed: a whole number from 0 to 500',
    );
    expect(() => responseRankingOptionsFrom({ RANKING_RESPONSE_WEIGHT: 'fast' })).toThrow(/RANKING_RESPONSE_WEIGHT/);
    expect(responseRankingOptionsFrom({})).toEqual({ weight: 0, windowDays: 90 });
  });
});
