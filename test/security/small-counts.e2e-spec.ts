/**
 * Issue 12, part 7: planner figures single out a person. The attack: `unmetDemand` over a
 * one-minute window returned one request — male, minor, care needs, children, region RR, kind
 * COSM — and its CSV likewise. Now a window shorter than a day is refused, and every count of
 * people below 5 is suppressed (null, `suppressed: true`), in GraphQL and in the CSV.
 */
import { ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { randomUUID } from 'node:crypto';
import { insertFacilities } from '../support/factories';
import { errorCodes, gql } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import type { TestApp } from '../support/test-app';
import { facilityOf, sealedProfile, startPlacementApp, stopApp, token } from '../placement/support';

const UNMET = `query U($from: DateTime!, $to: DateTime!) {
  unmetDemand(from: $from, to: $to) {
    suppressionThreshold requests waited escalated noodbedOverstays placedOutsideRegion
    byReason { reason requests suppressed } byNeed { need requests suppressed } rows { regionCode type reason requests suppressed }
    timeToOffer { count medianMinutes p90Minutes suppressed } timeToPlacement { count medianMinutes p90Minutes suppressed }
  }
}`;
type Cell = { requests: number | null; suppressed: boolean };
type Duration = { count: number | null; medianMinutes: number | null; p90Minutes: number | null; suppressed: boolean };
type UnmetDemand = {
  suppressionThreshold: number;
  requests: number | null;
  waited: number | null;
  escalated: number | null;
  noodbedOverstays: number | null;
  placedOutsideRegion: number | null;
  byReason: ({ reason: string } & Cell)[];
  byNeed: ({ need: string } & Cell)[];
  rows: ({ regionCode: string; type: string | null; reason: string } & Cell)[];
  timeToOffer: Duration;
  timeToPlacement: Duration;
};

describe('small counts in the planner figures (issue 12, part 7)', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const clock = new FixedClock(now);
  let database: TestDatabase;
  let api: TestApp;
  let cosmId: string;
  // The attack's day and its one request, and a second day with six like her.
  const attackAt = new Date('2026-11-10T10:00:00Z');
  const dayOf = (at: Date) => ({ from: new Date(at.getTime() - 10 * 3_600_000), to: new Date(at.getTime() + 14 * 3_600_000) });
  const crowdAt = new Date('2026-11-12T10:00:00Z');

  const insertRequest = async (createdAt: Date) => {
    const id = randomUUID();
    const profile = {
      gender: 'MALE',
      age: 16,
      exploitationTypes: ['LABOUR'],
      careNeeds: ['LVB'],
      accompanyingChildren: 1,
      foundInMunicipality: 'Markerdorp',
      languages: ['pl'],
    };
    const sealed = sealedProfile(api, id, profile);
    await database.dataSource.query(
      `INSERT INTO placement_requests (id, status, urgency, region_code, types, profile, facts, group_size, requested_by, requested_by_role, requested_by_org,
                                       facility_id, escalated, created_at, updated_at)
       VALUES ($1, 'OFFERED', 'URGENT', 'RR', '{COSM}', $2, $5, 1, 'zc-1', 'ZORGCOORDINATOR', 'zc', $3, false, $4, $4)`,
      [id, sealed.profile, cosmId, createdAt, sealed.facts],
    );
    const at = (minutes: number) => new Date(createdAt.getTime() + minutes * 60_000);
    await database.dataSource.query(
      `INSERT INTO placement_events (request_id, status, at, by, waiting_reason) VALUES ($1, 'WAITING', $2, 'system', 'NO_CAPACITY')`,
      [id, createdAt],
    );
    await database.dataSource.query(
      `INSERT INTO placement_events (request_id, status, at, by) VALUES ($1, 'OFFERED', $2, 'system')`,
      [id, at(45)],
    );
    return id;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const [cosm] = await insertFacilities(database.dataSource, [facilityOf(ShelterType.COSM, 5, { regionCode: 'RR' })], {
      now: new Date('2026-01-01T00:00:00Z'),
    });
    cosmId = cosm.id;
    api = await startPlacementApp(database.url, clock);
    await insertRequest(attackAt);
    for (let i = 0; i < 6; i += 1) await insertRequest(new Date(crowdAt.getTime() + i * 60_000));
  });
  afterAll(() => stopApp(api, database));

  const ask = async (from: Date, to: Date) =>
    gql<{ unmetDemand: UnmetDemand }>(api.url, UNMET, {
      token: await token.planner(),
      variables: { from: from.toISOString(), to: to.toISOString() },
    });
  const csv = async (from: Date, to: Date) => {
    const response = await fetch(
      `${api.url}/export/unmet-demand.csv?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`,
      { headers: { authorization: `Bearer ${await token.planner()}` } },
    );
    return { status: response.status, text: await response.text() };
  };
  const counts = (report: UnmetDemand) => [
    report.requests,
    report.waited,
    report.escalated,
    report.noodbedOverstays,
    report.placedOutsideRegion,
    report.timeToOffer.count,
    report.timeToPlacement.count,
    ...[...report.byReason, ...report.byNeed, ...report.rows].map((cell) => cell.requests),
  ];

  it('refuses the one-minute window of the attack, naming from and to, as GraphQL and as CSV', async () => {
    const from = new Date(attackAt.getTime() - 30_000);
    const to = new Date(attackAt.getTime() + 30_000);
    const response = await ask(from, to);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(/`from`.*`to`.*24 hours/);
    const file = await csv(from, to);
    expect(file.status).toBe(400);
    expect(JSON.parse(file.text)).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'to' } });
    // Just short of a day is still too short; a day is enough.
    expect(errorCodes(await ask(from, new Date(from.getTime() + 24 * 3_600_000 - 1)))).toEqual(['BAD_USER_INPUT']);
    expect((await ask(from, new Date(from.getTime() + 24 * 3_600_000))).errors).toBeUndefined();
  });

  it('over a day with one request, every count of people is suppressed, and so are her waiting times', async () => {
    const { from, to } = dayOf(attackAt);
    const response = await ask(from, to);
    expect(response.errors).toBeUndefined();
    const report = response.data!.unmetDemand;
    expect(report.suppressionThreshold).toBe(5);
    expect(counts(report).every((count) => count === null)).toBe(true);
    for (const cell of [...report.byReason, ...report.byNeed, ...report.rows]) expect(cell.suppressed).toBe(true);
    expect(report.byNeed.map((n) => n.need).sort()).toEqual(['ACCOMPANYING_CHILDREN', 'CARE_NEEDS', 'MALE_VICTIM', 'MINOR']);
    expect(report.timeToOffer).toEqual({ count: null, medianMinutes: null, p90Minutes: null, suppressed: true });
    expect(report.timeToPlacement).toEqual({ count: null, medianMinutes: null, p90Minutes: null, suppressed: true });

    const file = await csv(from, to);
    expect(file.status).toBe(200);
    const lines = file.text.trim().split('\r\n');
    expect(lines[0]).toBe('measure,region,type,reason,need,value,suppressed');
    const countLines = lines.slice(1).filter((line) => /,(true|false)$/.test(line));
    expect(countLines.length).toBeGreaterThan(10);
    // Every count of requests: an empty value, marked suppressed; no 1 anywhere, nor her 45 minutes.
    for (const line of countLines) expect(line).toMatch(/,,true$/);
    expect(lines.filter((line) => /Minutes,/.test(line)).every((line) => line.endsWith(',,'))).toBe(true);
    expect(file.text).toContain('waitedByRegionTypeReason,RR,COSM,NO_CAPACITY,,,true');
  });

  it('over a day with six such requests, the counts and the medians appear', async () => {
    const { from, to } = dayOf(crowdAt);
    const response = await ask(from, to);
    expect(response.errors).toBeUndefined();
    const report = response.data!.unmetDemand;
    expect(report).toMatchObject({ requests: 6, waited: 6, escalated: 0, noodbedOverstays: 0, placedOutsideRegion: 0 });
    expect(report.byReason).toEqual([{ reason: 'NO_CAPACITY', requests: 6, suppressed: false }]);
    expect(report.byNeed).toHaveLength(4);
    for (const need of report.byNeed) expect(need).toMatchObject({ requests: 6, suppressed: false });
    expect(report.rows).toEqual([{ regionCode: 'RR', type: 'COSM', reason: 'NO_CAPACITY', requests: 6, suppressed: false }]);
    expect(report.timeToOffer).toEqual({ count: 6, medianMinutes: 45, p90Minutes: 45, suppressed: false });

    const file = await csv(from, to);
    expect(file.text).toContain('requests,,,,,6,false');
    expect(file.text).toContain('waitedByRegionTypeReason,RR,COSM,NO_CAPACITY,,6,false');
    expect(file.text).toContain('timeToOfferMedianMinutes,,,,,45,');
  });

  it('answers for whole Amsterdam days only: windows a moment apart give the same answer, so their difference singles out nobody', async () => {
    const PERIOD = `query P($from: DateTime!, $to: DateTime!) { unmetDemand(from: $from, to: $to) { from to requests } }`;
    const { from, to } = dayOf(crowdAt);
    const answers = [];
    for (const shift of [0, 100, 3_600_000]) {
      const response = await gql<{ unmetDemand: { from: string; to: string; requests: number | null } }>(api.url, PERIOD, {
        token: await token.planner(),
        variables: { from: new Date(from.getTime() + shift).toISOString(), to: new Date(to.getTime() + shift).toISOString() },
      });
      expect(response.errors).toBeUndefined();
      answers.push(response.data!.unmetDemand);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // Local midnight in Amsterdam (UTC+1 in November).
    expect(answers[0].from).toBe('2026-11-11T23:00:00.000Z');
  });
});
