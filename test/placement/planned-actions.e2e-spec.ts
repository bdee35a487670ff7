/**
 * Planned actions (issue 14): "bij voorbereiding handhavingsactie zorg en opvang slachtoffers
 * expliciet meenemen (via zorgcoördinator)" (003:493-496), so that nobody ends up "op straat"
 * (004:6066-6077). The zorgcoördinator plans an AVIM raid for Thursday night: places are reserved
 * for its window only, become real requests when it starts, and what was not used is given back.
 */
import { ExploitationType, Gender, Role, ShelterType } from '@opvangplek/domain';
import { holdPlaces, releasePlaces } from '@opvangplek/capacity/capacity-ledger';
import { FixedClock } from '@opvangplek/platform/clock';
import { DataSource } from 'typeorm';
import { insertFacilities } from '../support/factories';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import {
  capacityOf,
  DUTCH_WOMAN,
  facilityOf,
  PlacementClient,
  type RequestView,
  startPlacementApp,
  stopApp,
  sweep,
  token,
} from './support';

/** Tuesday 1 December 2026, 10:00 in Amsterdam: the raid is being prepared. */
const TUESDAY_MORNING = new Date('2026-12-01T09:00:00.000Z');
/** Thursday 3 December 2026, 23:00 in Amsterdam: the raid starts. */
const THURSDAY_23 = new Date('2026-12-03T22:00:00.000Z');
/** Friday 4 December 2026, 06:00 in Amsterdam: the window ends. */
const FRIDAY_06 = new Date('2026-12-04T05:00:00.000Z');
/** Later windows, for the scenarios that must not start while the Thursday one is followed. */
const LATER = new Date('2026-12-20T22:00:00.000Z');
const LATER_END = new Date('2026-12-21T05:00:00.000Z');

const ACTION_FIELDS = `id regionCode onBehalfOf onBehalfOfOrganisation plannedByOrganisation startsAt endsAt status
  everyoneSheltered expectedCount reservedCount shortfallCount requestIds cancelledAt
  expected { count gender minor exploitationTypes reserved { facilityId facilityType places converted state } shortfall { count reasons } }`;
const PLAN = `mutation Plan($input: PlannedActionInput!) { planAction(input: $input) { ${ACTION_FIELDS} } }`;
const CANCEL = `mutation Cancel($id: ID!, $reason: String!) { cancelPlannedAction(id: $id, reason: $reason) { ${ACTION_FIELDS} } }`;
const GET = `query Get($id: ID!) { plannedAction(id: $id) { ${ACTION_FIELDS} } }`;
const LIST = `query List { plannedActions { id } }`;
const RESERVATIONS = `query Reserved($facilityId: ID!) { facilityReservations(facilityId: $facilityId) { facilityId places startsAt endsAt } }`;

interface ActionView {
  id: string;
  status: string;
  everyoneSheltered: boolean;
  expectedCount: number;
  reservedCount: number;
  shortfallCount: number;
  requestIds: string[];
  expected: {
    count: number;
    reserved: { facilityId: string; facilityType: string; places: number; converted: number; state: string }[];
    shortfall: { count: number; reasons: string[] };
  }[];
}

const { SEXUAL, LABOUR, OTHER } = ExploitationType;
const women = (count: number) => ({ count, gender: 'FEMALE', exploitationTypes: ['SEXUAL'] });

describe('planned actions', () => {
  const clock = new FixedClock(TUESDAY_MORNING);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let coordinator: string;
  let vrouwenopvang: { id: string };
  let mensOpvang: { id: string };
  let lastPlaces: { id: string };
  let elsewhere: { id: string };

  beforeAll(async () => {
    clock.set(TUESDAY_MORNING);
    database = await createTestDatabase();
    [vrouwenopvang, mensOpvang, lastPlaces, elsewhere] = await insertFacilities(
      database.dataSource,
      [
        // Exactly eight free places for women, 24/7.
        facilityOf(ShelterType.VROUWENOPVANG, 8, {
          total: 12,
          eligibility: { genders: [Gender.FEMALE], exploitationTypes: [SEXUAL] },
        }),
        // VO's places for men (000:2106-2108): two free.
        facilityOf(ShelterType.VROUWENOPVANG, 2, {
          total: 6,
          eligibility: { genders: [Gender.MALE], exploitationTypes: [SEXUAL] },
        }),
        // The last three places for women exploited otherwise (begging and the like, 000:617-626).
        facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 3, {
          total: 6,
          eligibility: { genders: [Gender.FEMALE], exploitationTypes: [OTHER] },
        }),
        // A shelter with no part in any action.
        facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 4, {
          total: 6,
          eligibility: { genders: [Gender.MALE], exploitationTypes: [LABOUR] },
        }),
      ],
      { now: TUESDAY_MORNING },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator(['RR']);
  });
  afterAll(() => stopApp(api, database));

  function call<T = ActionView>(query: string, tokenValue: string, variables: Record<string, unknown>) {
    return gql<Record<string, T>>(api.url, query, { token: tokenValue, variables });
  }

  async function plan(tokenValue: string, input: Record<string, unknown>): Promise<ActionView> {
    const response = await call(PLAN, tokenValue, {
      input: {
        regionCode: 'RR',
        onBehalfOf: 'AVIM',
        onBehalfOfOrganisation: 'avim-rotterdam',
        startsAt: LATER.toISOString(),
        endsAt: LATER_END.toISOString(),
        ...input,
      },
    });
    if (response.errors?.length) throw new Error(JSON.stringify(response.errors));
    return response.data!.planAction;
  }

  async function reservedRows(facilityId: string): Promise<number> {
    const [row] = await database.dataSource.query(
      `SELECT COALESCE(SUM(places - converted), 0)::int AS places FROM action_reservations WHERE facility_id = $1 AND state = 'RESERVED'`,
      [facilityId],
    );
    return row.places as number;
  }

  it('refuses bad input with the field named: a window in the past, an end before the start, count 0 or above 200, an unknown region', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ startsAt: '2026-11-30T22:00:00Z', endsAt: '2026-12-01T05:00:00Z', expected: [women(2)] }, 'input.startsAt'],
      [{ startsAt: THURSDAY_23.toISOString(), endsAt: '2026-12-03T21:00:00Z', expected: [women(2)] }, 'input.endsAt'],
      [{ startsAt: THURSDAY_23.toISOString(), endsAt: '2026-12-10T22:00:00Z', expected: [women(2)] }, 'input.endsAt'],
      [{ expected: [women(0)] }, 'input.expected[0].count'],
      [{ expected: [women(201)] }, 'input.expected[0].count'],
      [{ regionCode: 'XX', expected: [women(2)] }, 'input.regionCode'],
    ];
    for (const [input, field] of cases) {
      const response = await call(PLAN, coordinator, {
        input: {
          regionCode: 'RR',
          onBehalfOf: 'AVIM',
          onBehalfOfOrganisation: 'avim-rotterdam',
          startsAt: LATER,
          endsAt: LATER_END,
          ...input,
        },
      });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await reservedRows(vrouwenopvang.id)).toBe(0);
  });

  it('is arranged via the zorgcoördinator of the region (003:493-496): police and another region may not plan', async () => {
    const police = await token.police();
    const refused = await call(PLAN, police, {
      input: {
        regionCode: 'RR',
        onBehalfOf: 'AVIM',
        onBehalfOfOrganisation: 'avim-rotterdam',
        startsAt: LATER,
        endsAt: LATER_END,
        expected: [women(1)],
      },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const otherRegion = await call(PLAN, await token.coordinator(['ZHZ']), {
      input: {
        regionCode: 'RR',
        onBehalfOf: 'AVIM',
        onBehalfOfOrganisation: 'avim-rotterdam',
        startsAt: LATER,
        endsAt: LATER_END,
        expected: [women(1)],
      },
    });
    expect(otherRegion.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers at once where the shortfall is: four men expected, two places (004:6066-6077)', async () => {
    const action = await plan(coordinator, { expected: [{ count: 4, gender: 'MALE', exploitationTypes: ['SEXUAL'] }] });
    expect(action.everyoneSheltered).toBe(false);
    expect(action.reservedCount).toBe(2);
    expect(action.shortfallCount).toBe(2);
    // The places by facility, the rest by reason.
    const [outline] = action.expected;
    expect(outline.reserved.map((r) => [r.facilityId, r.places])).toEqual([[mensOpvang.id, 2]]);
    expect(outline.shortfall).toEqual({ count: 2, reasons: ['NO_CAPACITY'] });
    await call(CANCEL, coordinator, { id: action.id, reason: 'test done' });
  });

  it('two actions competing for the last three places never get more than three between them', async () => {
    const x = (count: number) => ({ count, gender: 'FEMALE', exploitationTypes: ['OTHER'] });
    const [first, second] = await Promise.all([
      plan(coordinator, { expected: [x(3)] }),
      plan(await token.comensha(), { expected: [x(3)], onBehalfOf: 'KMAR', onBehalfOfOrganisation: 'kmar-schiphol' }),
    ]);
    expect(first.reservedCount + second.reservedCount).toBe(3);
    expect(first.shortfallCount + second.shortfallCount).toBe(3);
    expect(await reservedRows(lastPlaces.id)).toBe(3);
    // Cancelled: every place at once, and again is harmless.
    for (const action of [first, second]) {
      const cancelled = (await call(CANCEL, coordinator, { id: action.id, reason: 'called off' })).data!.cancelPlannedAction;
      expect(cancelled.status).toBe('CANCELLED');
      expect((await call(CANCEL, coordinator, { id: action.id, reason: 'called off' })).data!.cancelPlannedAction.status).toBe(
        'CANCELLED',
      );
    }
    expect(await reservedRows(lastPlaces.id)).toBe(0);
    const again = await plan(coordinator, { expected: [x(3)] });
    expect(again.reservedCount).toBe(3);
    await call(CANCEL, coordinator, { id: again.id, reason: 'test done' });
  });

  it('a planned raid is confidential: another region, a shelter not concerned and a planner see nothing; the planners and the facility concerned do', async () => {
    const action = await plan(coordinator, { expected: [women(2)] });
    const outsiders = [
      await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-zuid-holland-zuid', regions: ['ZHZ'] }),
      await token.staff(elsewhere.id),
      await token.planner(),
      await tokenFor({ role: Role.POLICE, org: 'avim-amsterdam', regions: ['AMS'] }),
      await token.admin(),
    ];
    for (const outsider of outsiders) {
      const one = await call(GET, outsider, { id: action.id });
      expect(one.errors).toBeUndefined();
      expect(one.data!.plannedAction).toBeNull();
      const list = await call<{ id: string }[]>(LIST, outsider, {});
      expect(list.data!.plannedActions).toEqual([]);
      const cancel = await call(CANCEL, outsider, { id: action.id, reason: 'curious' });
      expect(cancel.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const reserved = await call<unknown[]>(RESERVATIONS, outsider, { facilityId: vrouwenopvang.id });
      expect(reserved.data!.facilityReservations).toEqual([]);
    }
    for (const insider of [coordinator, await token.police('avim-rotterdam'), await token.comensha()]) {
      expect((await call(GET, insider, { id: action.id })).data!.plannedAction?.id).toBe(action.id);
    }
    // The shelter concerned sees a count and the window, nothing of the action.
    const staffView = await call<{ places: number; startsAt: string; endsAt: string }[]>(
      RESERVATIONS,
      await token.staff(vrouwenopvang.id),
      {
        facilityId: vrouwenopvang.id,
      },
    );
    expect(staffView.data!.facilityReservations).toEqual([
      { facilityId: vrouwenopvang.id, places: 2, startsAt: LATER.toISOString(), endsAt: LATER_END.toISOString() },
    ]);
    const [audited] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'plannedAction.plan' AND detail LIKE $1`,
      [`action ${action.id}%`],
    );
    expect(audited.n).toBe(1);
    await call(CANCEL, coordinator, { id: action.id, reason: 'test done' });
    const [cancelAudit] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'plannedAction.cancel' AND detail LIKE $1`,
      [`action ${action.id}%`],
    );
    expect(cancelAudit.n).toBe(1);
    expect(await reservedRows(vrouwenopvang.id)).toBe(0);
  });

  it('planned again with the same clientReference (a retry), it is the same action and reserves nothing twice', async () => {
    const x = (count: number) => ({ count, gender: 'FEMALE', exploitationTypes: ['OTHER'] });
    const [first, retry] = await Promise.all([
      plan(coordinator, { expected: [x(1)], clientReference: 'raid-42' }),
      plan(coordinator, { expected: [x(1)], clientReference: 'raid-42' }),
    ]);
    expect(retry.id).toBe(first.id);
    expect(await reservedRows(lastPlaces.id)).toBe(1);
    const bad = await call(PLAN, coordinator, {
      input: {
        regionCode: 'RR',
        onBehalfOf: 'AVIM',
        onBehalfOfOrganisation: 'avim-rotterdam',
        startsAt: LATER,
        endsAt: LATER_END,
        expected: [x(1)],
        clientReference: ' ',
      },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.clientReference' });
    await call(CANCEL, coordinator, { id: first.id, reason: 'test done' });
    expect(await reservedRows(lastPlaces.id)).toBe(0);
  });

  it('counts against capacity only inside its window: before and after it the places can be held, inside not even before the sweep', async () => {
    const x = (count: number) => ({ count, gender: 'FEMALE', exploitationTypes: ['OTHER'] });
    const action = await plan(coordinator, { expected: [x(3)] });
    expect(action.reservedCount).toBe(3);
    const dataSource = api.app.get(DataSource);
    const actor = { by: 'test', role: 'SYSTEM', org: 'test' };
    const holdAt = (at: Date) => dataSource.transaction((manager) => holdPlaces(manager, lastPlaces.id, 1, at, actor));
    const releaseAt = (at: Date) => dataSource.transaction((manager) => releasePlaces(manager, lastPlaces.id, 1, at, actor));
    const before = new Date(LATER.getTime() - 3_600_000);
    expect(await holdAt(before)).not.toBeNull();
    await releaseAt(before);
    expect(await holdAt(new Date(LATER.getTime() + 3_600_000))).toBeNull();
    expect(await holdAt(LATER_END)).not.toBeNull();
    await releaseAt(LATER_END);
    expect((await capacityOf(database.dataSource, lastPlaces.id)).held).toBe(0);
    await call(CANCEL, coordinator, { id: action.id, reason: 'test done' });
  });

  it('cancelled after its start, it gives back the places no shelter accepted and cancels those requests', async () => {
    const action = await plan(coordinator, { expected: [women(2)] });
    clock.set(LATER);
    expect((await sweep(api)).actionsStarted).toBe(1);
    const started = (await call(GET, coordinator, { id: action.id })).data!.plannedAction;
    expect(started.requestIds).toHaveLength(2);
    expect(started.expected[0].reserved).toEqual([
      { facilityId: vrouwenopvang.id, facilityType: 'VROUWENOPVANG', places: 2, converted: 2, state: 'CONVERTED' },
    ]);
    expect((await capacityOf(database.dataSource, vrouwenopvang.id)).held).toBe(2);
    const cancelled = (await call(CANCEL, coordinator, { id: action.id, reason: 'the raid was called off' })).data!
      .cancelPlannedAction;
    expect(cancelled.status).toBe('CANCELLED');
    for (const id of started.requestIds) expect((await client.get(coordinator, id)).status).toBe('CANCELLED');
    expect((await capacityOf(database.dataSource, vrouwenopvang.id)).held).toBe(0);
    clock.set(TUESDAY_MORNING);
  });

  it('a planned action for eight people on Thursday 23:00 reserves only inside its window, turns into eight requests at the start, and releases what was not used (003:493-496)', async () => {
    clock.set(TUESDAY_MORNING);
    const action = await plan(coordinator, {
      startsAt: THURSDAY_23.toISOString(),
      endsAt: FRIDAY_06.toISOString(),
      expected: [women(8)],
    });
    expect(action.everyoneSheltered).toBe(true);
    expect(action.expected[0].reserved).toEqual([
      { facilityId: vrouwenopvang.id, facilityType: 'VROUWENOPVANG', places: 8, converted: 0, state: 'RESERVED' },
    ]);

    // Before the window the places are free for everyone: a woman found on Tuesday is offered one.
    const tuesday = await client.request(coordinator, { profile: DUTCH_WOMAN, clientReference: 'tuesday-woman' });
    const offered = await client.waitForStatus(coordinator, tuesday.id, ['OFFERED']);
    expect(offered.facility?.id).toBe(vrouwenopvang.id);
    await client.cancel(coordinator, tuesday.id, 'she went home');
    expect((await capacityOf(database.dataSource, vrouwenopvang.id)).held).toBe(0);

    // Thursday 23:00: the sweep turns the action into eight requests, each offered a reserved place.
    clock.set(THURSDAY_23);
    const report = await sweep(api);
    expect(report.actionsStarted).toBe(1);
    const started = (await call(GET, coordinator, { id: action.id })).data!.plannedAction;
    expect(started.status).toBe('STARTED');
    expect(started.requestIds).toHaveLength(8);
    expect(started.expected[0].reserved).toEqual([
      { facilityId: vrouwenopvang.id, facilityType: 'VROUWENOPVANG', places: 8, converted: 8, state: 'CONVERTED' },
    ]);
    const requests: RequestView[] = [];
    for (const id of started.requestIds) requests.push(await client.waitForStatus(coordinator, id, ['OFFERED']));
    expect(requests.every((request) => request.facility?.id === vrouwenopvang.id)).toBe(true);
    // Held for the whole window, not the usual two hours: they come in the course of the night.
    expect(requests.map((request) => request.offerExpiresAt)).toEqual(requests.map(() => FRIDAY_06.toISOString()));
    clock.set(new Date(THURSDAY_23.getTime() + 3 * 3_600_000));
    expect((await sweep(api)).lapsed).toBe(0);
    expect((await capacityOf(database.dataSource, vrouwenopvang.id)).held).toBe(8);
    // A second sweep (another process, a retry) doubles nothing.
    expect((await sweep(api)).actionsStarted).toBe(0);
    expect((await call(GET, coordinator, { id: action.id })).data!.plannedAction.requestIds).toHaveLength(8);

    // Inside the window the places are not offered to anyone else.
    const thursday = await client.request(coordinator, { profile: DUTCH_WOMAN, clientReference: 'thursday-woman' });
    const waiting = await client.waitForStatus(coordinator, thursday.id, ['WAITING']);
    expect(waiting.facility).toBeNull();

    // Five women arrive; three expected never came.
    const staff = await token.staff(vrouwenopvang.id);
    for (const request of requests.slice(0, 5)) {
      await client.accept(staff, request.id);
      await client.arrive(staff, request.id);
    }

    // Friday 06:00: the window ends; the three unused places go back, and the waiting woman gets one.
    clock.set(FRIDAY_06);
    expect((await sweep(api)).actionsEnded).toBe(1);
    const ended = (await call(GET, coordinator, { id: action.id })).data!.plannedAction;
    expect(ended.status).toBe('ENDED');
    const statuses = await Promise.all(requests.map(async (request) => (await client.get(coordinator, request.id)).status));
    expect(statuses.filter((status) => status === 'PLACED')).toHaveLength(5);
    expect(statuses.filter((status) => status === 'CANCELLED')).toHaveLength(3);
    const freed = await client.waitForStatus(coordinator, thursday.id, ['OFFERED']);
    expect(freed.facility?.id).toBe(vrouwenopvang.id);
    const counts = await capacityOf(database.dataSource, vrouwenopvang.id);
    expect(counts.occupied).toBe(4 + 5);
    expect(counts.held).toBe(1);
  });
});
