/**
 * Shelters' response figures (issue 18) against real PostgreSQL: first how the placement workflow
 * records each answer (accepted, declined with its code, lapsed), then over a generated week of
 * offers whose figures the test computes on its own: CoMensha on Monday, a planner of one region,
 * a shelter's own desk, suppression of small counts, and secret-address facilities never named.
 */
import { ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { randomUUID } from 'node:crypto';
import { seededRandom } from '../support/deterministic-random';
import { insertFacilities } from '../support/factories';
import { errorCodes, gql } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import type { TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { Role } from '@opvangplek/domain';
import {
  DUTCH_WOMAN,
  facilityOf,
  MINUTE,
  PlacementClient,
  RESPOND,
  startPlacementApp,
  stopApp,
  sweepUntil,
  token,
} from '../placement/support';

type Durations = { count: number | null; medianMinutes: number | null; p90Minutes: number | null; suppressed: boolean };
type Figures = {
  suppressed: boolean;
  offers: number | null;
  accepted: number | null;
  declined: number | null;
  lapsed: number | null;
  withdrawn: number | null;
  byReason: { reason: string; offers: number | null; suppressed: boolean }[];
  minutesToRespond: Durations;
};
type FacilityLine = { facilityId: string; facilityName: string; type: string; regionCode: string; figures: Figures };
type OfferResponses = {
  from: string;
  to: string;
  suppressionThreshold: number;
  regions: { regionCode: string; type: string; figures: Figures }[];
  facilities: FacilityLine[];
  secretFacilities: { type: string; figures: Figures }[];
};

const FIGURES = `{ suppressed offers accepted declined lapsed withdrawn byReason { reason offers suppressed }
  minutesToRespond { count medianMinutes p90Minutes suppressed } }`;
const OFFER_RESPONSES = `query R($from: DateTime!, $to: DateTime!, $regions: [ID!], $types: [ShelterType!]) {
  offerResponses(from: $from, to: $to, regionCodes: $regions, types: $types) {
    from to suppressionThreshold
    regions { regionCode type figures ${FIGURES} }
    facilities { facilityId facilityName type regionCode figures ${FIGURES} }
    secretFacilities { type figures ${FIGURES} }
  }
}`;
const MY_OFFER_RESPONSES = `query M($from: DateTime, $to: DateTime) {
  myOfferResponses(from: $from, to: $to) { from to facilities { facilityId facilityName type regionCode figures ${FIGURES} } }
}`;

const nearestRank = (values: number[], percent: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.ceil((percent / 100) * sorted.length) - 1] : null;
};
const reasonOf = (figures: Figures, reason: string) => figures.byReason.find((r) => r.reason === reason)!.offers;

describe('the placement workflow records how a shelter answered each offer', () => {
  const start = new Date('2026-11-24T21:00:00Z'); // a Tuesday, 22:00 in Amsterdam
  const clock = new FixedClock(start);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let shelter: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    [shelter, other] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.VROUWENOPVANG, 3),
        facilityOf(ShelterType.VROUWENOPVANG, 0, { regionCode: 'AMS', municipality: 'Amsterdam' }),
      ],
      { now: start },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
  });
  afterAll(() => stopApp(api, database));

  it('the shelter on its phone: accepted after 10 min, declined for a contra-indication after 20 (002:741-742), one let lapse; its desk says so', async () => {
    const coordinator = await token.coordinator();
    const staff = await token.staff(shelter.id);

    const first = await client.request(coordinator, { profile: DUTCH_WOMAN });
    await client.waitForStatus(coordinator, first.id, ['OFFERED']);
    clock.advance(10 * MINUTE);
    await client.accept(staff, first.id);

    const second = await client.request(coordinator, { profile: DUTCH_WOMAN });
    await client.waitForStatus(coordinator, second.id, ['OFFERED']);
    clock.advance(20 * MINUTE);
    const declined = await client.raw(RESPOND, staff, {
      input: { requestId: second.id, accept: false, declineReason: 'actieve verslaving', declineReasonCode: 'CONTRA_INDICATION' },
    });
    expect(declined.errors).toBeUndefined();

    const third = await client.request(coordinator, { profile: DUTCH_WOMAN });
    await client.waitForStatus(coordinator, third.id, ['OFFERED']);
    clock.advance(121 * MINUTE);
    await sweepUntil(api, client, coordinator, third.id, ['WAITING', 'MATCHING']);

    const mine = await gql<{ myOfferResponses: { facilities: FacilityLine[] } }>(api.url, MY_OFFER_RESPONSES, { token: staff });
    expect(mine.errors).toBeUndefined();
    const [line] = mine.data!.myOfferResponses.facilities;
    expect(line.facilityId).toBe(shelter.id);
    expect(line.figures).toMatchObject({ offers: 3, accepted: 1, declined: 1, lapsed: 1, withdrawn: 0, suppressed: false });
    expect(reasonOf(line.figures, 'CONTRA_INDICATION')).toBe(1);
    // Exact for its own staff, however few: 10 and 20 minutes, nearest rank.
    expect(line.figures.minutesToRespond).toEqual({ count: 2, medianMinutes: 10, p90Minutes: 20, suppressed: false });

    // The other shelter's staff see their own facility (no offers) and nothing of this one.
    const theirs = await gql<{ myOfferResponses: { facilities: FacilityLine[] } }>(api.url, MY_OFFER_RESPONSES, {
      token: await token.staff(other.id),
    });
    expect(theirs.data!.myOfferResponses.facilities.map((f) => f.facilityId)).toEqual([other.id]);
    expect(theirs.data!.myOfferResponses.facilities[0].figures.offers).toBe(0);
  });
});

describe('response figures over a generated week', () => {
  // Monday 30 November 2026, 09:00 in Amsterdam: CoMensha looks back at last week.
  const monday = new Date('2026-11-30T08:00:00Z');
  const lastWeek = { from: '2026-11-22T23:00:00.000Z', to: '2026-11-29T23:00:00.000Z' };
  const clock = new FixedClock(monday);
  let database: TestDatabase;
  let api: TestApp;
  type Offer = { facilityId: string; at: Date; answer: string | null; minutes: number | null; reason: string | null };
  const offers: Offer[] = [];
  const ids: Record<string, string> = {};
  const secretName = 'Veilig Huis Kralingen';

  beforeAll(async () => {
    database = await createTestDatabase();
    const [quick, small, secret, mo, ams, secondSecret, amsSecret, loneSecretMo] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.VROUWENOPVANG, 3, { name: 'Vrouwenopvang Maasstad' }),
        facilityOf(ShelterType.VROUWENOPVANG, 3, { name: 'Vrouwenopvang Klein' }),
        facilityOf(ShelterType.VROUWENOPVANG, 3, { name: secretName, secretAddress: true, address: 'Geheimstraat 7, Rotterdam' }),
        facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 3, { name: 'MO Rijnmond' }),
        facilityOf(ShelterType.VROUWENOPVANG, 3, { name: 'Vrouwenopvang Amstel', regionCode: 'AMS', municipality: 'Amsterdam' }),
        facilityOf(ShelterType.VROUWENOPVANG, 3, { name: 'Veilig Huis Zuid', secretAddress: true }),
        facilityOf(ShelterType.VROUWENOPVANG, 3, {
          name: 'Veilig Huis Amstel',
          secretAddress: true,
          regionCode: 'AMS',
          municipality: 'Amsterdam',
        }),
        facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 3, { name: 'Veilige Nachtopvang', secretAddress: true }),
      ],
      { now: monday },
    );
    Object.assign(ids, {
      quick: quick.id,
      small: small.id,
      secret: secret.id,
      mo: mo.id,
      ams: ams.id,
      secondSecret: secondSecret.id,
      amsSecret: amsSecret.id,
      loneSecretMo: loneSecretMo.id,
    });
    api = await startPlacementApp(database.url, clock);

    const random = seededRandom(18);
    const weekStart = new Date(lastWeek.from).getTime();
    const generate = (facilityId: string, count: number, maxMinutes: number, from = weekStart, days = 7) => {
      for (let i = 0; i < count; i += 1) {
        const at = new Date(from + Math.floor(random() * days * 24 * 60) * MINUTE);
        const roll = random();
        const answer = roll < 0.6 ? 'ACCEPTED' : roll < 0.8 ? 'DECLINED' : roll < 0.92 ? 'LAPSED' : null;
        const minutes = answer === 'ACCEPTED' || answer === 'DECLINED' ? 1 + Math.floor(random() * maxMinutes) : null;
        const reason =
          answer === 'DECLINED' ? (['NO_PLACE_FREE', 'CONTRA_INDICATION', 'SAFETY'] as const)[Math.floor(random() * 3)] : null;
        offers.push({ facilityId, at, answer, minutes, reason });
      }
    };
    generate(ids.quick, 30, 25);
    generate(ids.small, 3, 60);
    generate(ids.secret, 12, 40);
    generate(ids.mo, 15, 90);
    generate(ids.ams, 20, 50);
    generate(ids.secondSecret, 9, 40);
    generate(ids.amsSecret, 7, 40);
    generate(ids.loneSecretMo, 11, 40);
    // The week before is not last week; an offer still open is not counted yet.
    generate(ids.quick, 10, 200, weekStart - 7 * 24 * 60 * MINUTE);
    for (const offer of offers) {
      await database.dataSource.query(
        `INSERT INTO placement_holds (request_id, facility_id, places, state, expires_at, created_at, accepted_at, answer, answered_at, decline_reason)
         VALUES ($1, $2, 1, $3, NULL, $4, $5, $6, $7, $8)`,
        [
          randomUUID(),
          offer.facilityId,
          offer.answer === 'ACCEPTED' ? 'OCCUPIED' : 'RELEASED',
          offer.at,
          offer.answer === 'ACCEPTED' ? new Date(offer.at.getTime() + offer.minutes! * MINUTE) : null,
          offer.answer,
          offer.minutes === null ? null : new Date(offer.at.getTime() + offer.minutes * MINUTE),
          offer.reason,
        ],
      );
    }
    await database.dataSource.query(
      `INSERT INTO placement_holds (request_id, facility_id, places, state, expires_at, created_at) VALUES ($1, $2, 1, 'HELD', $3, $4)`,
      [randomUUID(), ids.quick, new Date(monday.getTime() + 60 * MINUTE), new Date(weekStart + 24 * 60 * MINUTE)],
    );
  });
  afterAll(() => stopApp(api, database));

  const inLastWeek = (facilityId: string) =>
    offers.filter((o) => o.facilityId === facilityId && o.at >= new Date(lastWeek.from) && o.at < new Date(lastWeek.to));
  const expected = (facilityId: string) => {
    const mine = inLastWeek(facilityId);
    const count = (answer: string | null) => mine.filter((o) => o.answer === answer).length;
    const minutes = mine.filter((o) => o.minutes !== null).map((o) => o.minutes!);
    return {
      offers: mine.length,
      accepted: count('ACCEPTED'),
      declined: count('DECLINED'),
      lapsed: count('LAPSED'),
      withdrawn: count(null),
      median: nearestRank(minutes, 50),
      p90: nearestRank(minutes, 90),
      answered: minutes.length,
    };
  };
  const ask = async (tokenValue: string, variables: Record<string, unknown> = {}) =>
    gql<{ offerResponses: OfferResponses }>(api.url, OFFER_RESPONSES, {
      token: tokenValue,
      variables: { ...lastWeek, ...variables },
    });

  it("CoMensha on Monday sees last week's figures per kind, region and facility", async () => {
    const response = await ask(await token.comensha());
    expect(response.errors).toBeUndefined();
    const figures = response.data!.offerResponses;
    expect([figures.from, figures.to]).toEqual([lastWeek.from, lastWeek.to]);
    expect(figures.regions.map((r) => `${r.regionCode}|${r.type}`)).toEqual([
      'AMS|VROUWENOPVANG',
      'RR|MAATSCHAPPELIJKE_OPVANG',
      'RR|VROUWENOPVANG',
    ]);
    const quick = figures.facilities.find((f) => f.facilityId === ids.quick)!;
    const want = expected(ids.quick);
    expect(want.offers).toBeGreaterThanOrEqual(20);
    expect(quick.facilityName).toBe('Vrouwenopvang Maasstad');
    expect(quick.figures.offers).toBe(want.offers);
    expect(quick.figures.minutesToRespond.medianMinutes).toBe(want.median);
    expect(quick.figures.minutesToRespond.p90Minutes).toBe(want.p90);
    // A shown count is the real one; a hidden one is null with `suppressed` said.
    for (const [key, value] of Object.entries({ accepted: want.accepted, declined: want.declined, lapsed: want.lapsed })) {
      const shown = quick.figures[key as 'accepted' | 'declined' | 'lapsed'];
      expect(shown === null || shown === value).toBe(true);
      if (value >= 5) expect(shown === value || shown === null).toBe(true);
    }
    // The MO region has one facility: its region line is that facility's.
    const mo = figures.facilities.find((f) => f.facilityId === ids.mo)!;
    const moRegion = figures.regions.find((r) => r.regionCode === 'RR' && r.type === 'MAATSCHAPPELIJKE_OPVANG')!;
    expect(moRegion.figures).toEqual(mo.figures);
    expect(mo.figures.offers).toBe(expected(ids.mo).offers);
  });

  it('a facility with fewer offers than the suppression floor shows suppressed, and its region does not give it away', async () => {
    const figures = (await ask(await token.comensha())).data!.offerResponses;
    expect(expected(ids.small).offers).toBe(3);
    const small = figures.facilities.find((f) => f.facilityId === ids.small)!;
    expect(small.figures).toMatchObject({ suppressed: true, offers: null, accepted: null, declined: null, lapsed: null });
    expect(small.figures.minutesToRespond).toMatchObject({ count: null, medianMinutes: null, p90Minutes: null });
    // RR women's shelters = the quick one + the small one: the region's offers less the quick one's would be 3.
    const region = figures.regions.find((r) => r.regionCode === 'RR' && r.type === 'VROUWENOPVANG')!;
    expect(region.figures.offers).toBeNull();
    expect(figures.facilities.find((f) => f.facilityId === ids.quick)!.figures.offers).toBe(expected(ids.quick).offers);
  });

  it('a secret-address facility is never named: only its kind, together with the other secret ones', async () => {
    for (const tokenValue of [await token.comensha(), await token.planner(), await token.admin()]) {
      const response = await ask(tokenValue);
      expect(response.errors).toBeUndefined();
      const text = JSON.stringify(response.data);
      expect(text).not.toContain(ids.secret);
      expect(text).not.toContain(secretName);
      expect(text).not.toContain('Geheimstraat');
      const figures = response.data!.offerResponses;
      expect(figures.facilities.map((f) => f.facilityId)).not.toContain(ids.secret);
      // Nationally, whatever regions were asked: Amsterdam's secret shelter counts in Rotterdam's planner's line too.
      const secretWomen = [ids.secret, ids.secondSecret, ids.amsSecret].reduce((sum, id) => sum + expected(id).offers, 0);
      expect(figures.secretFacilities).toEqual([
        expect.objectContaining({ type: 'MAATSCHAPPELIJKE_OPVANG', figures: expect.objectContaining({ suppressed: true }) }),
        expect.objectContaining({ type: 'VROUWENOPVANG', figures: expect.objectContaining({ offers: secretWomen }) }),
      ]);
      // The region line adds up the public facilities only: the secret one's offers are not in it.
      const rr = figures.regions.find((r) => r.regionCode === 'RR' && r.type === 'MAATSCHAPPELIJKE_OPVANG')!;
      expect(rr.figures.offers).toBe(expected(ids.mo).offers);
    }
  });

  it('the secret shelters’ line cannot be narrowed down by region: asking for more regions changes nothing (red team F2), and a kind with one secret shelter is hidden whole (F6)', async () => {
    const comensha = await token.comensha();
    const secretLines = async (regions: string[]) => {
      const response = await ask(comensha, { regions });
      expect(response.errors).toBeUndefined();
      return response.data!.offerResponses.secretFacilities;
    };
    const rotterdam = await secretLines(['RR']);
    expect(await secretLines(['RR', 'AMS'])).toEqual(rotterdam);
    expect(await secretLines(['AMS'])).toEqual(rotterdam);
    const lone = rotterdam.find((line) => line.type === 'MAATSCHAPPELIJKE_OPVANG')!;
    expect(expected(ids.loneSecretMo).offers).toBeGreaterThanOrEqual(5); // enough offers: hidden for standing alone
    expect(lone.figures).toMatchObject({ suppressed: true, offers: null, accepted: null });
    expect(lone.figures.minutesToRespond.medianMinutes).toBeNull();
  });

  it("a planner of Rotterdam sees only Rotterdam's figures, and is told so when asking for Amsterdam", async () => {
    const planner = await token.planner();
    const figures = (await ask(planner)).data!.offerResponses;
    expect(new Set(figures.regions.map((r) => r.regionCode))).toEqual(new Set(['RR']));
    expect(figures.facilities.map((f) => f.facilityId)).not.toContain(ids.ams);
    const refused = await ask(planner, { regions: ['AMS'] });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors![0].message).toMatch(/AMS.*not among your regions \(RR\)/);
    // A coordinator of Amsterdam likewise sees Amsterdam only.
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-amsterdam', regions: ['AMS'] });
    const theirs = (await ask(coordinator)).data!.offerResponses;
    expect(theirs.facilities.map((f) => f.facilityId)).toEqual([ids.ams]);
  });

  it('a shelter sees its own median, exactly, and not another shelter’s', async () => {
    const staff = await token.staff(ids.small);
    const mine = await gql<{ myOfferResponses: { facilities: FacilityLine[] } }>(api.url, MY_OFFER_RESPONSES, {
      token: staff,
      variables: lastWeek,
    });
    expect(mine.errors).toBeUndefined();
    const [line] = mine.data!.myOfferResponses.facilities;
    const want = expected(ids.small);
    // Three offers: hidden from CoMensha, but its own staff saw each of them.
    expect(line).toMatchObject({ facilityId: ids.small, facilityName: 'Vrouwenopvang Klein' });
    expect(line.figures).toMatchObject({ offers: 3, accepted: want.accepted, declined: want.declined, lapsed: want.lapsed });
    expect(line.figures.minutesToRespond.medianMinutes).toBe(want.median);
    expect(mine.data!.myOfferResponses.facilities).toHaveLength(1);
    const others = await ask(staff);
    expect(errorCodes(others)).toEqual(['FORBIDDEN']);
  });

  it('the same as CSV for a spreadsheet: the planner’s regions only, the secret facility unnamed, suppressed cells empty', async () => {
    const query = new URLSearchParams(lastWeek).toString();
    const response = await fetch(`${api.url}/export/offer-responses.csv?${query}`, {
      headers: { authorization: `Bearer ${await token.planner()}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(ids.secret);
    expect(text).not.toContain(secretName);
    expect(text).not.toContain(ids.ams);
    const [header, ...lines] = text.trim().split('\r\n');
    const columns = header.split(',');
    const line = (id: string) =>
      Object.fromEntries(
        lines
          .find((l) => l.includes(id))!
          .split(',')
          .map((cell, i) => [columns[i], cell]),
      );
    expect(line(ids.quick)).toMatchObject({ level: 'facility', offers: String(expected(ids.quick).offers), suppressed: 'false' });
    expect(line(ids.small)).toMatchObject({ level: 'facility', offers: '', accepted: '', suppressed: 'true' });
    expect(lines.filter((l) => l.startsWith('secretFacilities,'))).toHaveLength(2);
    const refused = await fetch(`${api.url}/export/offer-responses.csv?${query}&regionCodes=AMS`, {
      headers: { authorization: `Bearer ${await token.planner()}` },
    });
    expect(refused.status).toBe(403);
  });

  it('a question that cannot be answered says which field and what is allowed', async () => {
    const comensha = await token.comensha();
    const backwards = await ask(comensha, { from: lastWeek.to, to: lastWeek.from });
    expect(errorCodes(backwards)).toEqual(['BAD_USER_INPUT']);
    expect(backwards.errors![0].extensions?.field).toBe('to');
    const unknown = await ask(comensha, { regions: ['XX'] });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0].extensions?.field).toBe('regionCodes');
    const hour = await ask(comensha, { from: '2026-11-29T10:00:00Z', to: '2026-11-29T11:00:00Z' });
    expect(hour.errors![0].message).toMatch(/at least 24 hours/);
  });
});
