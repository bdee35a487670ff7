/**
 * Freshness enforced (issue 18): a stale figure still misleads — Finding A Bed Tonight's users "phone
 * anyway" — so a shelter is nudged when its figures turn AGING, one tap confirms all of an
 * organisation's facilities, and planners see each region's stale share over time.
 *
 * One night in Twente (Europe/Amsterdam, UTC+1 in December): five 24/7 facilities whose figures
 * were confirmed at 20:00. De Veste's night shift confirms again at 23:00; Zorg Twente runs three of
 * the others; Anders runs the fifth.
 */
import { Role } from '@opvangplek/domain';
import { SIGNATURE_HEADER, StaleFiguresJob, verifyWebhook } from '@opvangplek/notifications';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import { dataOf, eventually, startPlacementApp, stopApp, token } from '../placement/support';
import { startWebhookReceiver } from '../support/webhook-receiver';

const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id } } }`;
const CONFIRM = `mutation($id: ID!) { confirmCapacity(facilityId: $id) { id capacity { freshness } } }`;
const CONFIRM_ALL = `mutation($ids: [ID!]) { confirmAllCapacity(facilityIds: $ids) {
  confirmed { id capacity { freshness confirmedAt } } refused { facilityId code message } } }`;
const NUDGES = `{ figuresNudges { facility { id name } freshness hoursOld } }`;
const HISTORY = `query($from: DateTime!, $to: DateTime!, $regions: [ID!], $bucket: TimeBucket) {
  staleShareHistory(from: $from, to: $to, regionCodes: $regions, bucket: $bucket) { at regionCode facilities stale aging staleShare } }`;

type Nudge = { facility: { id: string; name: string }; freshness: string; hoursOld: number | null };
type ConfirmAll = {
  confirmed: { id: string; capacity: { freshness: string; confirmedAt: string } }[];
  refused: { facilityId: string; code: string; message: string }[];
};
type Point = { at: string; regionCode: string; facilities: number; stale: number; aging: number; staleShare: number };

/** Amsterdam wall time on the night of 7 to 8 December 2026 (UTC+1). */
const local = (dayTime: string) => new Date(`2026-12-0${dayTime}:00.000+01:00`);

describe('Freshness enforced: one night in Twente', () => {
  // 22:00 on the 7th: the register is loaded, every figure confirmed two hours ago (20:00).
  const clock = new FixedClock(local('7T22:00'));
  let database: TestDatabase;
  let api: TestApp;
  let deVeste: { id: string };
  let zorgTwente: { id: string }[];
  let anders: { id: string };
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let secret: string;
  const sweepBy = (workers: number) =>
    Promise.all(Array.from({ length: workers }, () => api.app.get(StaleFiguresJob).announceAgingAndStaleFigures()));
  const staffOfDeVeste = () => tokenFor({ role: Role.SHELTER_STAFF, org: 'de-veste', facilityIds: [deVeste.id] });
  const staffOfZorgTwente = () =>
    tokenFor({ role: Role.SHELTER_STAFF, org: 'zorg-twente', sub: 'zt-nachtdienst', facilityIds: zorgTwente.map((f) => f.id) });
  const twente = { regionCode: 'TW', municipality: 'Enschede', address: 'Teststraat 1, 7511 AA Enschede' };

  beforeAll(async () => {
    database = await createTestDatabase();
    const facilities = await insertFacilities(
      database.dataSource,
      [
        newFacility({ ...twente, name: 'De Veste', key: 'tw-de-veste', secretAddress: true }),
        newFacility({ ...twente, name: 'Zorg Twente Hengelo', key: 'tw-zt-hengelo', operator: 'Zorg Twente' }),
        newFacility({ ...twente, name: 'Zorg Twente Almelo', key: 'tw-zt-almelo', operator: 'Zorg Twente' }),
        newFacility({ ...twente, name: 'Zorg Twente Oldenzaal', key: 'tw-zt-oldenzaal', operator: 'Zorg Twente' }),
        newFacility({ ...twente, name: 'Anders Enschede', key: 'tw-anders', operator: 'Anders' }),
      ],
      { now: clock.now(), confirmedHoursAgo: 2 },
    );
    [deVeste, ...zorgTwente] = facilities.slice(0, 4);
    anders = facilities[4];
    api = await startPlacementApp(database.url, clock, { WEBHOOK_ALLOW_INSECURE: 'true' });
    receiver = await startWebhookReceiver();
    ({ secret } = dataOf(
      await gql<Record<string, { secret: string }>>(api.url, CREATE, {
        token: await token.admin(),
        variables: {
          input: {
            organisation: 'de-veste',
            url: receiver.url,
            events: ['FIGURES_AGING', 'FIGURES_STALE'],
            facilityIds: [deVeste.id],
          },
        },
      }),
      'createWebhook',
    ));
    // 23:00: De Veste's night shift confirms its figures.
    clock.set(local('7T23:00'));
    dataOf(await gql(api.url, CONFIRM, { token: await staffOfDeVeste(), variables: { id: deVeste.id } }), 'confirmCapacity');
  }, 120_000);

  afterAll(async () => {
    await receiver?.close();
    await stopApp(api, database);
  });

  it('at 04:00 the 24/7 shelter whose figures are 5 hours old is nudged once, on the desk and through its own system, however many workers sweep', async () => {
    clock.set(local('8T04:00'));
    const nudges = dataOf(
      await gql<Record<string, Nudge[]>>(api.url, NUDGES, { token: await staffOfDeVeste() }),
      'figuresNudges',
    );
    expect(nudges).toEqual([{ facility: { id: deVeste.id, name: 'De Veste' }, freshness: 'AGING', hoursOld: 5 }]);

    // Two workers sweep at the same moment, then again: De Veste aging, the other four stale (8 h), each announced once.
    const first = await Promise.all([sweepBy(1), sweepBy(1)]);
    expect(first.flat().reduce((a, b) => a + b, 0)).toBe(5);
    expect(await sweepBy(2)).toEqual([0, 0]);
    await eventually(async () => expect(receiver.received).toHaveLength(1), 10_000);
    const [message] = receiver.received;
    expect(verifyWebhook(secret, message.body, String(message.headers[SIGNATURE_HEADER]), clock.now())).toBe(true);
    expect(JSON.parse(message.body)).toMatchObject({
      type: 'FIGURES_AGING',
      status: 'AGING',
      facilityId: deVeste.id,
      regionCode: 'TW',
      requestId: null,
    });
    // A secret-address shelter: ids and codes only.
    expect(message.body).not.toMatch(/Veste|Enschede|Teststraat/);
    const [{ notices }] = await database.dataSource.query(
      `SELECT count(*)::int AS notices FROM stale_figure_notices WHERE facility_id = $1`,
      [deVeste.id],
    );
    expect(notices).toBe(1);
  }, 60_000);

  it('one tap "klopt nog" and the nudge goes', async () => {
    clock.set(local('8T04:05'));
    const confirmed = dataOf(
      await gql<Record<string, { capacity: { freshness: string } }>>(api.url, CONFIRM, {
        token: await staffOfDeVeste(),
        variables: { id: deVeste.id },
      }),
      'confirmCapacity',
    );
    expect(confirmed.capacity.freshness).toBe('FRESH');
    const after = await gql<Record<string, Nudge[]>>(api.url, NUDGES, { token: await staffOfDeVeste() });
    expect(after.errors).toBeUndefined();
    expect(after.data?.figuresNudges).toEqual([]);
    expect((await sweepBy(1)).reduce((a, b) => a + b, 0)).toBe(0);
  }, 60_000);

  it("at 05:00 Zorg Twente's night shift confirms all three of its facilities at once, and cannot confirm Anders'", async () => {
    clock.set(local('8T05:00'));
    const staff = await staffOfZorgTwente();
    const nudges = dataOf(await gql<Record<string, Nudge[]>>(api.url, NUDGES, { token: staff }), 'figuresNudges');
    expect(nudges.map((n) => n.freshness)).toEqual(['STALE', 'STALE', 'STALE']);

    const all = dataOf(await gql<Record<string, ConfirmAll>>(api.url, CONFIRM_ALL, { token: staff }), 'confirmAllCapacity');
    expect(all.confirmed.map((f) => f.id).sort()).toEqual(zorgTwente.map((f) => f.id).sort());
    expect(
      all.confirmed.every((f) => f.capacity.freshness === 'FRESH' && f.capacity.confirmedAt === clock.now().toISOString()),
    ).toBe(true);
    expect(all.refused).toEqual([]);
    expect(dataOf(await gql<Record<string, Nudge[]>>(api.url, NUDGES, { token: staff }), 'figuresNudges')).toEqual([]);

    // Audited as confirmCapacity is: one row per facility, by this person.
    const audited: { facility_id: string }[] = await database.dataSource.query(
      `SELECT facility_id FROM audit_log WHERE action = 'capacity.confirm' AND actor_sub = 'zt-nachtdienst' AND at = $1`,
      [clock.now()],
    );
    expect(audited.map((row) => row.facility_id).sort()).toEqual(zorgTwente.map((f) => f.id).sort());

    // Naming Anders' facility beside its own: its own is confirmed, Anders' refused and said so.
    const mixed = dataOf(
      await gql<Record<string, ConfirmAll>>(api.url, CONFIRM_ALL, {
        token: staff,
        variables: { ids: [zorgTwente[0].id, anders.id] },
      }),
      'confirmAllCapacity',
    );
    expect(mixed.confirmed.map((f) => f.id)).toEqual([zorgTwente[0].id]);
    expect(mixed.refused).toEqual([
      {
        facilityId: anders.id,
        code: 'FORBIDDEN',
        message: expect.stringMatching(/only change the capacity of your own facilities/),
      },
    ]);
    const [{ confirmed_at }] = await database.dataSource.query('SELECT confirmed_at FROM capacity WHERE facility_id = $1', [
      anders.id,
    ]);
    expect(confirmed_at).toEqual(local('7T20:00'));
  }, 60_000);

  it('refuses a bad confirmAllCapacity with the field named, and the operation to anyone but shelter staff', async () => {
    const staff = await staffOfZorgTwente();
    const bad = await gql(api.url, CONFIRM_ALL, { token: staff, variables: { ids: ['not-an-id'] } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'facilityIds' });
    const empty = await gql(api.url, CONFIRM_ALL, { token: staff, variables: { ids: [] } });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'facilityIds' });
    const admin = await gql(api.url, CONFIRM_ALL, { token: await token.admin() });
    expect(admin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }, 60_000);

  it("the Twente planner sees the region's stale share rise through the night and drop after the confirmations", async () => {
    clock.set(local('8T06:30'));
    const planner = await tokenFor({ role: Role.PLANNER, org: 'regio-twente', regions: ['TW'] });
    const points = dataOf(
      await gql<Record<string, Point[]>>(api.url, HISTORY, {
        token: planner,
        variables: { from: local('7T22:00').toISOString(), to: local('8T07:00').toISOString(), regions: ['TW'], bucket: 'HOUR' },
      }),
      'staleShareHistory',
    );
    const byHour = new Map(points.map((p) => [new Date(p.at).toISOString(), p]));
    const at = (dayTime: string) => byHour.get(local(dayTime).toISOString());
    expect(points.every((p) => p.regionCode === 'TW' && p.facilities === 5)).toBe(true);
    // At 23:00 all five were confirmed within 3 hours.
    expect(at('7T22:00')).toMatchObject({ stale: 0, aging: 0, staleShare: 0 });
    // At 04:00 the four not confirmed since 20:00 are 8 hours old: stale; De Veste (23:00) aging.
    expect(at('8T03:00')).toMatchObject({ stale: 4, aging: 1, staleShare: 0.8 });
    // At 05:00 De Veste (04:05) and Zorg Twente's three (05:00) are confirmed: only Anders is stale.
    expect(at('8T04:00')).toMatchObject({ stale: 1, aging: 0, staleShare: 0.2 });
    // The last bucket ends now (06:30), not in the future.
    expect(points).toHaveLength(9);
    expect(at('8T06:00')).toMatchObject({ stale: 1, staleShare: 0.2 });

    // The same figures as a file for a spreadsheet.
    const csv = await fetch(
      `${api.url}/export/stale-share-history.csv?from=${local('8T03:00').toISOString()}&to=${local('8T05:00').toISOString()}&bucket=HOUR&regionCodes=TW`,
      { headers: { authorization: `Bearer ${planner}` } },
    );
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split('\r\n')).toEqual([
      'bucketStart,region,facilities,stale,aging,staleShare',
      `${local('8T03:00').toISOString()},TW,5,4,1,0.8`,
      `${local('8T04:00').toISOString()},TW,5,1,0,0.2`,
    ]);

    // The live figure agrees with the replayed one.
    const overview = await gql<{ capacityOverview: { staleShare: number; facilities: number }[] }>(
      api.url,
      `{ capacityOverview(regionCodes: ["TW"]) { staleShare facilities } }`,
      { token: planner },
    );
    expect(overview.data?.capacityOverview).toEqual([{ staleShare: 0.2, facilities: 5 }]);
  }, 60_000);

  it("at 08:05 De Veste's 04:05 confirmation is four hours old: nudged again, once", async () => {
    clock.set(local('8T08:05'));
    // Zorg Twente confirmed at 05:00 (fresh) and Anders' stale period was announced at 04:00: only De Veste's new period is news.
    expect((await Promise.all([sweepBy(1), sweepBy(1)])).flat().reduce((a, b) => a + b, 0)).toBe(1);
    await eventually(async () => expect(receiver.received).toHaveLength(2), 10_000);
    expect(JSON.parse(receiver.received[1].body)).toMatchObject({ type: 'FIGURES_AGING', facilityId: deVeste.id });
    const nudges = dataOf(
      await gql<Record<string, Nudge[]>>(api.url, NUDGES, { token: await staffOfDeVeste() }),
      'figuresNudges',
    );
    expect(nudges).toEqual([{ facility: { id: deVeste.id, name: 'De Veste' }, freshness: 'AGING', hoursOld: 4 }]);
  }, 60_000);

  it('keeps the history to planners and refuses an unknown region by name', async () => {
    const variables = { from: local('7T22:00').toISOString(), to: local('8T06:00').toISOString(), regions: ['XX'] };
    const staff = await gql(api.url, HISTORY, { token: await staffOfDeVeste(), variables });
    expect(staff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const planner = await tokenFor({ role: Role.PLANNER, org: 'regio-twente', regions: ['TW'] });
    const unknown = await gql(api.url, HISTORY, { token: planner, variables });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCodes' });
  }, 60_000);
});
