/**
 * Red team, issue 15, F5 and F12, as the people who live them:
 * - F5: a shelter whose parallel offer another shelter accepted first must never read the request as
 *   "she is coming to you": no facility (never its own), the request shown as it stood when it was
 *   taken elsewhere, by query and in the subscription and its `after:` replay; nothing of the others.
 * - F12: the shelter on a phone whose answer got lost sends the same answer again (and the
 *   coordinator the same cancellation): the request as it is now, `treatedAsRetry: true`, not an
 *   error, and nothing changes a second time. A different action is still refused as before.
 */
import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import type { Client } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import { insertFacilities } from '../support/factories';
import { collect, gql, wsClient } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import {
  capacityOf,
  DUTCH_WOMAN,
  eventually,
  facilityOf,
  holdsOf,
  PlacementClient,
  REQUEST_FIELDS,
  type RequestView,
  startPlacementApp,
  stopApp,
  token,
} from './support';

const TUESDAY_NIGHT = new Date('2026-12-01T02:00:00.000Z'); // 03:00 in Amsterdam
const women = { genders: [Gender.FEMALE] };

const FIELDS = `${REQUEST_FIELDS} sequence treatedAsRetry parallelOffer { alsoOfferedTo takenElsewhereAt }`;
const GET = `query Get($id: ID!) { placementRequest(id: $id) { ${FIELDS} } }`;
const RESPOND = `mutation Respond($input: OfferResponseInput!) { respondToOffer(input: $input) { ${FIELDS} } }`;
const CANCEL = `mutation Cancel($requestId: ID!, $reason: String!) { cancelPlacementRequest(requestId: $requestId, reason: $reason) { ${FIELDS} } }`;
const UPDATES = `subscription Updates($id: ID, $after: ID) { placementRequestUpdated(id: $id, after: $after) { ${FIELDS} } }`;

type View = RequestView & {
  sequence: string;
  treatedAsRetry: boolean | null;
  parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
};
type Answer<K extends string> = {
  data?: Record<K, View> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
};

describe('red team, issue 15: answers to offers that were taken elsewhere, or whose reply got lost', () => {
  const clock = new FixedClock(TUESDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let shelters: { id: string }[];
  let coordinator: string;
  const sockets: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Four women's shelters open round the clock; more free places rank higher, so the best three are known.
    shelters = await insertFacilities(
      database.dataSource,
      [8, 6, 4, 2].map((free) => facilityOf(ShelterType.VROUWENOPVANG, free, { total: 12, eligibility: women })),
      { now: TUESDAY_NIGHT },
    );
    // ACUTE goes to three shelters at once; URGENT to one at a time.
    api = await startPlacementApp(database.url, clock, { PARALLEL_OFFERS_ACUTE: '3' });
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator(['RR']);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await stopApp(api, database);
  });

  const get = async (tokenValue: string, id: string): Promise<View | null> => {
    const response = await gql<{ placementRequest: View | null }>(api.url, GET, { token: tokenValue, variables: { id } });
    if (response.errors?.length) throw new Error(JSON.stringify(response.errors));
    return response.data!.placementRequest;
  };
  const respond = (tokenValue: string, requestId: string, accept: boolean, declineReason?: string) =>
    gql<{ respondToOffer: View }>(api.url, RESPOND, {
      token: tokenValue,
      variables: { input: { requestId, accept, ...(declineReason ? { declineReason } : {}) } },
    }) as Promise<Answer<'respondToOffer'>>;
  const cancel = (tokenValue: string, requestId: string, reason: string) =>
    gql<{ cancelPlacementRequest: View }>(api.url, CANCEL, { token: tokenValue, variables: { requestId, reason } }) as Promise<
      Answer<'cancelPlacementRequest'>
    >;
  const heldAt = async (dataSource: DataSource, requestId: string) =>
    (await holdsOf(dataSource, requestId)).filter((hold) => hold.state === 'HELD').map((hold) => hold.facilityId);
  const historyStatuses = async (id: string) => (await get(coordinator, id))!.history.map((step) => step.status);

  async function offered(urgency: 'ACUTE' | 'URGENT'): Promise<string> {
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    await eventually(async () => expect(await heldAt(database.dataSource, request.id)).toHaveLength(urgency === 'ACUTE' ? 3 : 1));
    return request.id;
  }

  describe('F5: the night shelter whose parallel offer another shelter accepted first', () => {
    it('red team, issue 15, F5: by query she is never shown as coming to us — no facility, not our own — even after she arrived elsewhere', async () => {
      const id = await offered('ACUTE');
      const [best, second, third] = shelters;
      const secondStaff = await token.staff(second.id);
      const won = await respond(secondStaff, id, true);
      expect(won.errors).toBeUndefined();
      expect(won.data!.respondToOffer).toMatchObject({ status: 'ACCEPTED', facility: { id: second.id } });

      for (const shelter of [best, third]) {
        const ours = await token.staff(shelter.id);
        const seen = (await get(ours, id))!;
        // We are told when it was taken and that our place is free again; not that she is coming here.
        expect(seen).toMatchObject({
          status: 'ACCEPTED',
          facility: null,
          offerExpiresAt: null,
          placedAt: null,
          parallelOffer: { alsoOfferedTo: 2, takenElsewhereAt: TUESDAY_NIGHT.toISOString() },
        });
        expect(seen.allocations).toEqual([
          expect.objectContaining({ facility: expect.objectContaining({ id: shelter.id }), state: 'RELEASED' }),
        ]);
        expect(JSON.stringify(seen)).not.toContain(second.id);
      }

      // She arrives at the shelter that accepted: the others still read it as taken elsewhere, no more.
      await client.arrive(secondStaff, id);
      const afterArrival = (await get(await token.staff(best.id), id))!;
      expect(afterArrival).toMatchObject({ status: 'ACCEPTED', facility: null, placedAt: null, stayEndsAt: null });
      expect(afterArrival.history.map((step) => step.status)).not.toContain('PLACED');
      // The shelter she went to, and the coordinator, see where she is.
      expect(await get(secondStaff, id)).toMatchObject({ status: 'PLACED', facility: { id: second.id } });
      expect(await get(coordinator, id)).toMatchObject({ status: 'PLACED', facility: { id: second.id } });
      await client.end(secondStaff, id);
    });

    it('red team, issue 15, F5: the subscription and its after: replay never tell us she is coming to us', async () => {
      const [best, second] = shelters;
      const ours = await token.staff(best.id);
      const socket = wsClient(api.url, ours);
      sockets.push(socket);
      const id = await offered('ACUTE');
      const live = collect<{ placementRequestUpdated: View }>(socket, UPDATES, { id });
      // Give the subscription a moment to be registered before the other shelter answers.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await respond(await token.staff(second.id), id, true)).errors).toBeUndefined();

      // Live: the update that it was taken elsewhere.
      await live.waitFor(1);
      await eventually(async () =>
        expect(live.received.at(-1)?.data?.placementRequestUpdated.parallelOffer?.takenElsewhereAt).toBe(
          TUESDAY_NIGHT.toISOString(),
        ),
      );
      for (const message of live.received) {
        const update = message.data!.placementRequestUpdated;
        if (update.parallelOffer?.takenElsewhereAt) expect(update).toMatchObject({ status: 'ACCEPTED', facility: null });
        expect(JSON.stringify(update)).not.toContain(second.id);
      }

      // A phone that was offline replays from the start: the same answer.
      const replay = collect<{ placementRequestUpdated: View }>(socket, UPDATES, { after: '0' });
      await eventually(async () =>
        expect(replay.received.some((message) => message.data?.placementRequestUpdated.id === id)).toBe(true),
      );
      const replayed = replay.received.find((message) => message.data?.placementRequestUpdated.id === id)!.data!
        .placementRequestUpdated;
      expect(replayed).toMatchObject({
        status: 'ACCEPTED',
        facility: null,
        parallelOffer: { takenElsewhereAt: TUESDAY_NIGHT.toISOString() },
      });
      expect(JSON.stringify(replayed)).not.toContain(second.id);
      await client.cancel(coordinator, id, 'test cleanup');
    });
  });

  describe('F12: the shelter on a phone whose answer got lost sends it again', () => {
    it('red team, issue 15, F12: accepting again after our acceptance went through answers with the request as it is, not CONFLICT', async () => {
      const id = await offered('URGENT');
      const [best] = shelters;
      const ours = await token.staff(best.id);
      const before = await capacityOf(database.dataSource, best.id);
      const first = await respond(ours, id, true);
      expect(first.errors).toBeUndefined();
      expect(first.data!.respondToOffer.treatedAsRetry).toBe(false);

      const again = await respond(ours, id, true);
      expect(again.errors).toBeUndefined();
      expect(again.data!.respondToOffer).toMatchObject({
        id,
        status: 'ACCEPTED',
        facility: { id: best.id },
        treatedAsRetry: true,
        offerExpiresAt: first.data!.respondToOffer.offerExpiresAt,
      });
      // Nothing happened twice: one acceptance in her history, one place held.
      expect((await historyStatuses(id)).filter((status) => status === 'ACCEPTED')).toHaveLength(1);
      expect(await capacityOf(database.dataSource, best.id)).toEqual(before);
      expect(await heldAt(database.dataSource, id)).toEqual([best.id]);

      // A different action is refused as before: declining what we accepted.
      const decline = await respond(ours, id, false, 'changed our mind');
      expect(decline.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
      await client.cancel(coordinator, id, 'test cleanup');
    });

    it('red team, issue 15, F12: declining again after our decline went through is not "no such request": it is the request as our decline left it', async () => {
      const id = await offered('URGENT');
      const [best, second] = shelters;
      const ours = await token.staff(best.id);
      const first = await respond(ours, id, false, 'geen plek voor haar kinderen');
      expect(first.errors).toBeUndefined();
      expect(first.data!.respondToOffer).toMatchObject({ status: 'MATCHING', facility: null });
      // Meanwhile she is offered to the next shelter.
      await client.waitForStatus(coordinator, id, ['OFFERED'], 10_000, (r) => r.facility?.id === second.id);

      const again = await respond(ours, id, false, 'geen plek voor haar kinderen');
      expect(again.errors).toBeUndefined();
      const answer = again.data!.respondToOffer;
      expect(answer).toMatchObject({ id, status: 'MATCHING', facility: null, offerExpiresAt: null, treatedAsRetry: true });
      // No more than the first answer showed: not where she is offered now.
      expect(answer.history).toEqual(first.data!.respondToOffer.history);
      expect(answer.allocations).toEqual([
        expect.objectContaining({ facility: expect.objectContaining({ id: best.id }), state: 'RELEASED' }),
      ]);
      expect(JSON.stringify(answer)).not.toContain(second.id);
      // The decline counted once: the next shelter's offer stands.
      expect(await heldAt(database.dataSource, id)).toEqual([second.id]);
      expect((await historyStatuses(id)).filter((status) => status === 'MATCHING')).toHaveLength(2);

      // A different action is refused: accepting after our own decline as before; another decline
      // as what it is, our first answer standing (red team, stop 31: NOT_FOUND misled).
      const accept = await respond(ours, id, true);
      expect(accept.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      const otherReason = await respond(ours, id, false, 'toch iets anders');
      expect(otherReason.errors?.[0]).toMatchObject({
        message: expect.stringContaining('declined this offer already'),
        extensions: { code: 'CONFLICT' },
      });
      expect(JSON.stringify(otherReason)).not.toContain(second.id);
      // A shelter that was never offered her learns nothing either.
      const stranger = await respond(await token.staff(shelters[3].id), id, false, 'vol');
      expect(stranger.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      await client.cancel(coordinator, id, 'test cleanup');
    });

    it('red team, issue 15, F12: declining our share of a parallel offer again answers as the first decline did, not NOT_FOUND', async () => {
      const id = await offered('ACUTE');
      const [best, second, third] = shelters;
      const ours = await token.staff(best.id);
      const first = await respond(ours, id, false, 'vol');
      expect(first.errors).toBeUndefined();
      expect(first.data!.respondToOffer).toMatchObject({ status: 'OFFERED', facility: null });

      const again = await respond(ours, id, false, 'vol');
      expect(again.errors).toBeUndefined();
      expect(again.data!.respondToOffer).toMatchObject({ id, status: 'OFFERED', facility: null, treatedAsRetry: true });
      expect(again.data!.respondToOffer.history).toEqual(first.data!.respondToOffer.history);
      expect((await heldAt(database.dataSource, id)).sort()).toEqual([second.id, third.id].sort());
      await client.cancel(coordinator, id, 'test cleanup');
    });
  });

  describe('F12: the coordinator whose cancellation answer got lost sends it again', () => {
    it('red team, issue 15, F12: cancelling again answers with the cancelled request, not CONFLICT; another reason, or someone else’s cancel, is refused as before', async () => {
      const id = await offered('URGENT');
      const first = await cancel(coordinator, id, 'zij is bij familie');
      expect(first.errors).toBeUndefined();
      expect(first.data!.cancelPlacementRequest).toMatchObject({ status: 'CANCELLED', treatedAsRetry: false });

      const again = await cancel(coordinator, id, 'zij is bij familie');
      expect(again.errors).toBeUndefined();
      expect(again.data!.cancelPlacementRequest).toMatchObject({ id, status: 'CANCELLED', treatedAsRetry: true });
      expect((await historyStatuses(id)).filter((status) => status === 'CANCELLED')).toHaveLength(1);

      // Not the same cancellation (another reason), or not the same person: refused as before.
      const otherReason = await cancel(coordinator, id, 'toch iets anders');
      expect(otherReason.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
      const colleague = await tokenFor({
        role: Role.ZORGCOORDINATOR,
        org: 'zc-rijnmond',
        regions: ['RR'],
        sub: 'collega@zc-rijnmond',
      });
      const other = await cancel(colleague, id, 'zij is bij familie');
      expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    });
  });
});
