/**
 * Match reasons and history notes as codes beside their English sentences, and the request list's
 * own filters (urgency, only mine, newest first). Over GraphQL against the app with its worker, on
 * a fixed clock: Tuesday 1 December 2026, 10:00 in Amsterdam.
 */
import { Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import { DUTCH_WOMAN, facilityOf, PlacementClient, startPlacementApp, stopApp, token } from './support';

const TUESDAY_MORNING = new Date('2026-12-01T09:00:00.000Z');

const HISTORY = `query History($id: ID!) {
  placementRequest(id: $id) {
    history {
      status note noteCode
      noteParams { reason places heldUntil waitingReason offered { facilityName places } }
    }
  }
}`;
interface NoteView {
  status: string;
  note: string | null;
  noteCode: string | null;
  noteParams: {
    reason: string | null;
    places: number | null;
    heldUntil: string | null;
    waitingReason: string | null;
    offered: { facilityName: string; places: number }[] | null;
  } | null;
}

const MATCH = `query Match($profile: VictimProfileInput!) {
  matchFacilities(profile: $profile) {
    matches { facility { id } reasons reasonCodes { code params { kind places days at authority } } }
  }
}`;
interface MatchView {
  facility: { id: string };
  reasons: string[];
  reasonCodes: { code: string; params: Record<string, unknown> }[];
}

const LIST = `query List($filter: PlacementRequestFilter, $first: Int, $after: String) {
  placementRequests(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id urgency } }
  }
}`;
interface ListView {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; urgency: string } }[];
}

describe('codes beside the English words, and the request list filters', () => {
  const clock = new FixedClock(TUESDAY_MORNING);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let vo: { id: string };
  let coordinator: string;
  let voStaff: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    [vo] = await insertFacilities(
      database.dataSource,
      [facilityOf(ShelterType.VROUWENOPVANG, 6, { total: 10, maxStayDays: 90 })],
      { now: TUESDAY_MORNING },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator(['RR']);
    voStaff = await token.staff(vo.id);
  });
  afterAll(() => stopApp(api, database));

  async function historyOf(id: string): Promise<NoteView[]> {
    const response = await gql<{ placementRequest: { history: NoteView[] } }>(api.url, HISTORY, {
      token: coordinator,
      variables: { id },
    });
    expect(response.errors).toBeUndefined();
    return response.data!.placementRequest.history;
  }

  async function list(tokenValue: string, filter: Record<string, unknown>, first = 50, after: string | null = null) {
    return gql<{ placementRequests: ListView }>(api.url, LIST, { token: tokenValue, variables: { filter, first, after } });
  }

  it('matchFacilities gives each reason as a code with its values, in the order of the English reasons', async () => {
    const response = await gql<{ matchFacilities: { matches: MatchView[] } }>(api.url, MATCH, {
      token: coordinator,
      variables: { profile: DUTCH_WOMAN },
    });
    expect(response.errors).toBeUndefined();
    const match = response.data!.matchFacilities.matches.find((m) => m.facility.id === vo.id)!;
    expect(match.reasonCodes).toHaveLength(match.reasons.length);
    const codes = match.reasonCodes.map((reason) => reason.code);
    expect(codes).toEqual(expect.arrayContaining(['SPECIALISED_KIND', 'PLACEABLE_NOW', 'FREE_PLACES', 'MAX_STAY']));
    const param = (code: string) => match.reasonCodes.find((reason) => reason.code === code)!.params;
    expect(param('SPECIALISED_KIND')).toMatchObject({ kind: 'VROUWENOPVANG' });
    expect(param('FREE_PLACES')).toMatchObject({ places: 6 });
    expect(param('MAX_STAY')).toMatchObject({ days: 90 });
    expect(match.reasons[codes.indexOf('FREE_PLACES')]).toBe('6 free places');
  });

  it('a declined offer is OFFERED then DECLINED with the typed reason as a parameter, sealed at rest with the note', async () => {
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    await client.decline(voStaff, request.id, 'geen plek voor haar hond');
    await client.waitForStatus(coordinator, request.id, ['OFFERED', 'WAITING'], 10_000, (r) =>
      r.history.some((step) => step.note?.startsWith('declined:')),
    );

    const history = await historyOf(request.id);
    const offered = history.find((step) => step.noteCode === 'OFFERED')!;
    expect(offered.noteParams!.offered).toEqual([{ facilityName: expect.any(String), places: 1 }]);
    expect(offered.note).toBe(`offered: ${offered.noteParams!.offered![0].facilityName} (1)`);
    const declined = history.find((step) => step.noteCode === 'DECLINED')!;
    expect(declined).toMatchObject({
      note: 'declined: geen plek voor haar hond',
      noteParams: { reason: 'geen plek voor haar hond' },
    });
    // A step without a note has neither code nor values.
    expect(history[0]).toMatchObject({ status: 'RECEIVED', note: null, noteCode: null, noteParams: null });

    const rows: { note_code: string; note: string; note_params: string }[] = await database.dataSource.query(
      `SELECT note_code, note, note_params FROM placement_events WHERE request_id = $1 AND note_code = 'DECLINED'`,
      [request.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].note_params).toMatch(/^v1\./);
    expect(rows[0].note_params).not.toContain('hond');
    expect(rows[0].note).not.toContain('hond');
  });

  it('a history row from before codes still reads: its English note, no code', async () => {
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'PLANNED' });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    await database.dataSource.query(
      `UPDATE placement_events SET note_code = NULL, note_params = NULL WHERE request_id = $1 AND note_code = 'OFFERED'`,
      [request.id],
    );
    const offered = (await historyOf(request.id)).find((step) => step.status === 'OFFERED')!;
    expect(offered).toMatchObject({ noteCode: null, noteParams: null });
    expect(offered.note).toMatch(/^offered: .+ \(1\)$/);
    await client.cancel(coordinator, request.id);
  });

  describe('placementRequests(filter)', () => {
    const sub = { anna: 'anna@avim-rotterdam', bram: 'bram@avim-rotterdam' };
    let anna: string;
    let bram: string;
    let otherTeam: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      anna = await tokenFor({ sub: sub.anna, role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] });
      bram = await tokenFor({ sub: sub.bram, role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] });
      // The same subject in another organisation's token: mine must not reach Anna's requests through it.
      otherTeam = await tokenFor({ sub: sub.anna, role: Role.POLICE, org: 'avim-utrecht', regions: ['UTR'] });
      const noodbed = (tokenValue: string) => client.noodbed(tokenValue, { profile: DUTCH_WOMAN });
      // Anna's first, then Bram's, then Anna's second: a minute apart.
      ids.annaFirst = (await noodbed(anna)).id;
      clock.advance(60_000);
      ids.bram = (await noodbed(bram)).id;
      clock.advance(60_000);
      ids.annaSecond = (await noodbed(anna)).id;
    });

    const idsOf = (view: ListView) => view.edges.map((edge) => edge.node.id);

    it('mine: only the requests the caller submitted; without it, all the organisation’s', async () => {
      const mine = (await list(anna, { mine: true })).data!.placementRequests;
      expect(idsOf(mine).sort()).toEqual([ids.annaFirst, ids.annaSecond].sort());
      expect(mine.totalCount).toBe(2);
      const all = (await list(anna, {})).data!.placementRequests;
      expect(idsOf(all)).toEqual(expect.arrayContaining([ids.annaFirst, ids.bram, ids.annaSecond]));
      expect(idsOf((await list(anna, { mine: false })).data!.placementRequests)).toEqual(idsOf(all));
    });

    it('mine never widens what a caller sees: the same subject in another organisation sees none of these', async () => {
      const theirs = (await list(otherTeam, { mine: true })).data!.placementRequests;
      expect(idsOf(theirs)).toEqual([]);
      expect(theirs.totalCount).toBe(0);
    });

    it('urgency: only the requests of those urgencies', async () => {
      const acute = (await list(coordinator, { urgency: ['ACUTE'] })).data!.placementRequests;
      expect(acute.edges.every((edge) => edge.node.urgency === 'ACUTE')).toBe(true);
      expect(idsOf(acute)).toEqual(expect.arrayContaining([ids.annaFirst, ids.bram, ids.annaSecond]));
      const planned = (await list(coordinator, { urgency: ['PLANNED'] })).data!.placementRequests;
      expect(planned.totalCount).toBeGreaterThan(0);
      expect(idsOf(planned)).not.toEqual(expect.arrayContaining([ids.annaFirst]));
    });

    it('order: oldest first by default, newest first on request, and pages follow the order', async () => {
      const oldest = idsOf((await list(anna, {})).data!.placementRequests);
      expect(oldest).toEqual([ids.annaFirst, ids.bram, ids.annaSecond]);
      const newest = idsOf((await list(anna, { order: 'NEWEST_FIRST' })).data!.placementRequests);
      expect(newest).toEqual([ids.annaSecond, ids.bram, ids.annaFirst]);

      const first = (await list(anna, { order: 'NEWEST_FIRST' }, 2)).data!.placementRequests;
      expect(idsOf(first)).toEqual([ids.annaSecond, ids.bram]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await list(anna, { order: 'NEWEST_FIRST' }, 2, first.pageInfo.endCursor)).data!.placementRequests;
      expect(idsOf(second)).toEqual([ids.annaFirst]);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it('bad filter input is an error naming the field', async () => {
      for (const [filter, field] of [
        [{ urgency: ['SOON'] }, 'urgency'],
        [{ order: 'RANDOM' }, 'order'],
        [{ mine: 'yes' }, 'mine'],
      ] as const) {
        const response = await list(anna, filter);
        expect(response.data?.placementRequests).toBeFalsy();
        expect(response.errors![0].message).toContain(`filter.${field}`);
      }
    });
  });
});
