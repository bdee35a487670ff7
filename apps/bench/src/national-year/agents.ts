/**
 * The people around the service, acting over GraphQL as their roles: police, coordinators and the
 * NLA ask; authorities decide their worklists; shelters answer offers, confirm arrivals and end
 * stays. What they see of the service's state they read from the database (a stand-in for the
 * console's worklists and subscriptions; reading is not what is measured).
 */
import { postGraphql } from '../graphql-client';
import type { Arrival } from './demand';

export const REQUEST_NOODBED = `mutation YearNoodbed($input: NoodbedRequestInput!) {
  requestNoodbed(input: $input) { id status facility { id type } followUp { id } }
}`;
export const REQUEST_PLACEMENT = `mutation YearRequest($input: PlacementRequestInput!) {
  requestPlacement(input: $input) { id status }
}`;
export const CANCEL_REQUEST = `mutation YearCancel($requestId: ID!, $reason: String!) {
  cancelPlacementRequest(requestId: $requestId, reason: $reason) { id status }
}`;
export const REQUEST_STATUS = `query YearStatus($id: ID!) { placementRequest(id: $id) { id status } }`;
export const RESPOND = `mutation YearRespond($input: OfferResponseInput!) { respondToOffer(input: $input) { id status } }`;
export const CONFIRM_ARRIVAL = `mutation YearArrive($requestId: ID!) { confirmArrival(requestId: $requestId) { id status } }`;
export const END_PLACEMENT = `mutation YearEnd($requestId: ID!, $reason: String!, $outcome: StayOutcome) {
  endPlacement(requestId: $requestId, reason: $reason, outcome: $outcome) { id status }
}`;
export const CANDIDATES = `query YearCandidates($requestId: ID!) {
  placementCandidates(requestId: $requestId, first: 10) { matches { facility { id } placeableNow decidedBy } }
}`;
export const ASSIGN = `mutation YearAssign($requestId: ID!, $facilityId: ID!, $reason: String) {
  assignPlacement(requestId: $requestId, facilityId: $facilityId, reason: $reason) { id status }
}`;

export const UPDATE_CAPACITY = `mutation YearCapacity($input: UpdateCapacityInput!) { updateCapacity(input: $input) { id } }`;
export const REQUEST_TRANSFER = `mutation YearTransfer($requestId: ID!, $reason: TransferReason!, $regionCode: ID) {
  requestTransfer(requestId: $requestId, reason: $reason, regionCode: $regionCode) { id status }
}`;
export const RECORD_ROUTE_DECISION = `mutation YearRoute($requestId: ID!, $shelter: Boolean!, $reason: String!) {
  recordRouteDecision(requestId: $requestId, shelter: $shelter, reason: $reason) { id status }
}`;
export const PLAN_ACTION = `mutation YearPlan($input: PlannedActionInput!) {
  planAction(input: $input) { id expectedCount reservedCount shortfallCount }
}`;
export type PlanAnswer = { planAction: { id: string; expectedCount: number; reservedCount: number; shortfallCount: number } };

export type NoodbedAnswer = { requestNoodbed: { id: string; status: string; facility: { id: string; type: string } | null } };

/** How a requester asks: the police a noodbed for an adult alone, a request otherwise (a minor, a group, a referral). */
export function askFor(arrival: Arrival): { query: string; variables: Record<string, unknown>; noodbed: boolean } {
  const reference = `year-${arrival.at.getTime()}-${arrival.regionCode}-${arrival.channel}`;
  if (arrival.channel === 'POLICE' && arrival.groupSize === 1 && !arrival.classes.includes('minor')) {
    return {
      query: REQUEST_NOODBED,
      variables: { input: { clientReference: reference, regionCode: arrival.regionCode, profile: arrival.profile } },
      noodbed: true,
    };
  }
  return {
    query: REQUEST_PLACEMENT,
    variables: {
      input: {
        clientReference: reference,
        regionCode: arrival.regionCode,
        urgency: arrival.urgency,
        profile: arrival.profile,
        ...(arrival.groupSize > 1 ? { groupSize: arrival.groupSize } : {}),
        ...(arrival.routeDecided ? { routeDecided: true } : {}),
      },
    },
    noodbed: false,
  };
}

/**
 * An NLA raid announced ahead (003:493-496 lets the NLA plan its own actions): places reserved for the
 * group from its start for a day; the service makes the group's requests when the window starts.
 */
export function planFor(arrival: Arrival): Record<string, unknown> {
  const { profile } = arrival;
  return {
    input: {
      regionCode: arrival.regionCode,
      startsAt: arrival.at.toISOString(),
      endsAt: new Date(arrival.at.getTime() + 24 * 3_600_000).toISOString(),
      onBehalfOf: 'NLA',
      onBehalfOfOrganisation: 'nla',
      clientReference: `year-plan-${arrival.at.getTime()}-${arrival.regionCode}`,
      expected: [
        {
          count: arrival.groupSize,
          gender: profile.gender,
          exploitationTypes: profile.exploitationTypes,
          ...(typeof profile.residenceStatus === 'string' ? { residenceStatus: profile.residenceStatus } : {}),
        },
      ],
    },
  };
}

/** A stay asking to move: for her safety to another region (excluded from matching there), or onward to the next kind. */
export function transferFor(requestId: string, toRegion: string | null): Record<string, unknown> {
  return toRegion ? { requestId, reason: 'SAFETY', regionCode: toRegion } : { requestId, reason: 'MOVE_ON' };
}

/**
 * Whose call it is: a person's (an ask, an answer to an offer, a decision about her) goes before
 * the background's (capacity reports, stays ending), which otherwise pile up after a calm stretch
 * and would hold a new arrival's ask behind them: time no real requester loses.
 */
export type Lane = 'person' | 'background';

/** Calls through a small pool of API processes, at most `limit` at once, counting refusals by message. */
export class Caller {
  private inFlight = 0;
  private readonly waiting: Record<Lane, (() => void)[]> = { person: [], background: [] };
  private turn = 0;
  readonly refusals = new Map<string, number>();
  calls = 0;

  constructor(
    private readonly apiUrls: readonly string[],
    private readonly limit: number,
  ) {}

  async call<T>(token: string, query: string, variables: Record<string, unknown>, lane: Lane = 'person'): Promise<T | undefined> {
    const answer = await this.attempt<T>(token, query, variables, lane);
    return answer.ok ? answer.data : undefined;
  }

  /** Like `call`, but hands back the refusal's message, for callers that act on it (a CONFLICT read again). */
  async attempt<T>(
    token: string,
    query: string,
    variables: Record<string, unknown>,
    lane: Lane = 'person',
  ): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
    if (this.inFlight >= this.limit) await new Promise<void>((resolve) => this.waiting[lane].push(resolve));
    this.inFlight++;
    this.calls++;
    const url = this.apiUrls[this.turn++ % this.apiUrls.length];
    try {
      return { ok: true, data: await postGraphql<T>(url, token, query, variables) };
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error))
        .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>')
        .replace(/version \d+, now \d+/g, 'version <n>, now <m>')
        .slice(0, 160);
      const operation = /(?:mutation|query) (\w+)/.exec(query)?.[1] ?? 'call';
      const key = `${operation}: ${message}`;
      this.refusals.set(key, (this.refusals.get(key) ?? 0) + 1);
      return { ok: false, message };
    } finally {
      this.inFlight--;
      (this.waiting.person.shift() ?? this.waiting.background.shift())?.();
    }
  }

  /** Calls waiting for a slot, by lane. */
  queued(): Record<Lane, number> {
    return { person: this.waiting.person.length, background: this.waiting.background.length };
  }

  async drain(): Promise<void> {
    while (this.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The two ways a person's request comes in, each made once and cancelled before the clock starts:
 * the year's first request met a cold API and worker (their first plan, first match, the noodbed
 * call's inline match), a simulated quarter hour at the measuring speed. Cancelled at once, they
 * hold no place and are no one's request in the run.
 */
export async function warmUp(
  caller: Caller,
  tokens: { coordinator: string; police: string },
  regionCode: string,
  profile: unknown,
): Promise<void> {
  const asks = [
    { token: tokens.coordinator, query: REQUEST_PLACEMENT, field: 'requestPlacement', urgency: 'PLANNED' as string | undefined },
    { token: tokens.police, query: REQUEST_NOODBED, field: 'requestNoodbed', urgency: undefined },
  ];
  for (const ask of asks) {
    const made = await caller.call<Record<string, { id: string }>>(ask.token, ask.query, {
      input: {
        clientReference: `year-warm-up-${ask.field}`,
        regionCode,
        profile,
        ...(ask.urgency ? { urgency: ask.urgency } : {}),
      },
    });
    if (!made) continue;
    const id = made[ask.field].id;
    for (let i = 0; i < 50; i++) {
      const seen = await caller.call<{ placementRequest: { status: string } }>(ask.token, REQUEST_STATUS, { id });
      if (seen && !['RECEIVED', 'MATCHING'].includes(seen.placementRequest.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await caller.call(ask.token, CANCEL_REQUEST, { requestId: id, reason: 'opwarmen vóór de simulatie' });
  }
}
