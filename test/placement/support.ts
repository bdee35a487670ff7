/**
 * Shared helpers for the placement specs: the GraphQL operations as a client sends them, a small
 * client that fails loudly on errors, polling with a deadline, and direct reads of capacity rows.
 */
import { type Eligibility, PLACING_AUTHORITY_BY_TYPE, Role, ShelterType, type VictimProfile } from '@opvangplek/domain';
import type { Clock } from '@opvangplek/platform/clock';
import { FIELD_CIPHER, type FieldCipher } from '@opvangplek/platform/crypto/field-cipher';
import { type PlacementRequestEntity, sealRequestColumns, SweepJob } from '@opvangplek/placement';
import type { LoadableFacility } from '@opvangplek/registry';
import type { DataSource } from 'typeorm';
import { ANY_ADULT, newFacility } from '../support/factories';
import { gql, type GraphQLResponse } from '../support/graphql-client';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';

export const REQUEST_FIELDS = `
  id status urgency regionCode types groupSize groupId clientReference createdAt
  facility { id type name }
  allocations { facility { id type } places state accepted }
  offerExpiresAt placedAt stayEndsAt overstay
  waitingReason waitingForAuthority nextAttemptAt escalated
  history { status at by note }`;

const LINKED = `bridge { id status types facility { id type } } followUp { ${REQUEST_FIELDS} }`;

export const REQUEST_PLACEMENT = `mutation Request($input: PlacementRequestInput!) {
  requestPlacement(input: $input) { ${REQUEST_FIELDS} }
}`;
export const REQUEST_NOODBED = `mutation Noodbed($input: NoodbedRequestInput!) {
  requestNoodbed(input: $input) { ${REQUEST_FIELDS} ${LINKED} }
}`;
export const PLACEMENT_REQUEST = `query Get($id: ID!) { placementRequest(id: $id) { ${REQUEST_FIELDS} ${LINKED} } }`;
export const PLACEMENT_REQUESTS = `query List($filter: PlacementRequestFilter, $first: Int) {
  placementRequests(filter: $filter, first: $first) { totalCount edges { node { ${REQUEST_FIELDS} } } }
}`;
export const RESPOND = `mutation Respond($input: OfferResponseInput!) { respondToOffer(input: $input) { ${REQUEST_FIELDS} } }`;
export const ARRIVE = `mutation Arrive($id: ID!) { confirmArrival(requestId: $id) { ${REQUEST_FIELDS} } }`;
export const END = `mutation End($id: ID!, $reason: String!) { endPlacement(requestId: $id, reason: $reason) { ${REQUEST_FIELDS} } }`;
export const CANCEL = `mutation Cancel($id: ID!, $reason: String!) {
  cancelPlacementRequest(requestId: $id, reason: $reason) { ${REQUEST_FIELDS} }
}`;

export type Status = 'RECEIVED' | 'MATCHING' | 'WAITING' | 'OFFERED' | 'ACCEPTED' | 'PLACED' | 'ENDED' | 'CANCELLED';

export interface HistoryEntry {
  status: Status;
  at: string;
  by: string;
  note: string | null;
}

export interface RequestView {
  id: string;
  status: Status;
  urgency: string;
  regionCode: string;
  types: ShelterType[];
  groupSize: number;
  groupId: string | null;
  clientReference: string | null;
  createdAt: string;
  facility: { id: string; type: ShelterType; name: string } | null;
  allocations: {
    facility: { id: string; type: ShelterType };
    places: number;
    state: 'HELD' | 'OCCUPIED' | 'RELEASED';
    accepted: boolean;
  }[];
  offerExpiresAt: string | null;
  placedAt: string | null;
  stayEndsAt: string | null;
  overstay: boolean;
  waitingReason: string | null;
  waitingForAuthority: string | null;
  nextAttemptAt: string | null;
  escalated: boolean;
  history: HistoryEntry[];
  bridge?: { id: string; status: Status; types: ShelterType[]; facility: { id: string; type: ShelterType } | null } | null;
  followUp?: RequestView | null;
}

/** A profile as the GraphQL input takes it. */
export type ProfileInput = Record<string, unknown>;

/** A Dutch woman, sexual exploitation: vrouwenopvang is the place. */
export const DUTCH_WOMAN: ProfileInput = {
  gender: 'FEMALE',
  age: 29,
  exploitationTypes: ['SEXUAL'],
  residenceStatus: 'DUTCH',
  b8Status: 'NOT_APPLICABLE',
};

/** A Nigerian woman in the B8/3 bedenktijd since 27 November 2026: COSM is the place. */
export const WOMAN_IN_BEDENKTIJD: ProfileInput = {
  gender: 'FEMALE',
  age: 24,
  exploitationTypes: ['SEXUAL'],
  residenceStatus: 'NO_LAWFUL_RESIDENCE',
  b8Status: 'BEDENKTIJD',
  bedenktijdStart: '2026-11-27',
  aangifte: 'NONE',
  languages: ['en'],
};

/** A Polish man, labour exploitation (an NLA raid): NLA crisis shelter is the place. */
export const POLISH_WORKER: ProfileInput = {
  gender: 'MALE',
  age: 34,
  exploitationTypes: ['LABOUR'],
  residenceStatus: 'EU_CITIZEN',
  languages: ['pl'],
};

/** A facility of `type` with `free` free places (of `total`), open to any adult unless overridden. */
export function facilityOf(
  type: ShelterType,
  free: number,
  overrides: Omit<Partial<LoadableFacility>, 'eligibility'> & { eligibility?: Partial<Eligibility>; total?: number } = {},
): LoadableFacility {
  const { total = free + 4, eligibility, ...rest } = overrides;
  return newFacility({
    type,
    placingAuthority: PLACING_AUTHORITY_BY_TYPE[type],
    ...rest,
    eligibility: { ...ANY_ADULT, ...eligibility },
    capacity: { total, occupied: total - free, held: 0, outOfService: 0 },
  });
}

/** Saturday 28 November 2026, 23:00 in Amsterdam (CET, UTC+1): CoMensha is closed until Monday 09:00. */
export const SATURDAY_NIGHT = new Date('2026-11-28T22:00:00.000Z');
/** Monday 30 November 2026, 09:00 in Amsterdam: CoMensha's next opening after SATURDAY_NIGHT. */
export const MONDAY_OPENING = new Date('2026-11-30T08:00:00.000Z');

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DAY = 24 * HOUR;

export interface Counts {
  total: number;
  occupied: number;
  held: number;
  outOfService: number;
}

/** The capacity row as stored. */
export async function capacityOf(dataSource: DataSource, facilityId: string): Promise<Counts> {
  const [row] = await dataSource.query(
    'SELECT total, occupied, held, out_of_service AS "outOfService" FROM capacity WHERE facility_id = $1',
    [facilityId],
  );
  if (!row) throw new Error(`no capacity row for facility ${facilityId}`);
  return row as Counts;
}

/** Held places over all facilities: the all-or-nothing checks compare it before and after. */
export async function totalHeld(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query('SELECT COALESCE(SUM(held), 0)::int AS held FROM capacity');
  return row.held as number;
}

/** The hold rows of a request, as stored. */
export async function holdsOf(dataSource: DataSource, requestId: string) {
  return (await dataSource.query(
    'SELECT facility_id AS "facilityId", places, state FROM placement_holds WHERE request_id = $1 ORDER BY places DESC, facility_id',
    [requestId],
  )) as { facilityId: string; places: number; state: string }[];
}

/** Starts the API with the placement worker in this process, on the given clock; sweeps only when a test says so. */
export function startPlacementApp(databaseUrl: string, clock: Clock, env: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp(databaseUrl, { clock, withWorker: true, env: { SWEEP_SECONDS: '3600', ...env } });
}

/**
 * Stops the app, then drops the database once the app's queue connections have really gone.
 * pg-pool's end() resolves while its clients are still disconnecting; dropping the database WITH
 * (FORCE) at that moment terminates them, and BullMQ re-emits that as an unhandled 'error' that
 * fails the suite. So poll (with a deadline) until only this test's own connections remain.
 */
export async function stopApp(api: TestApp | undefined, database: TestDatabase | undefined): Promise<void> {
  await api?.close();
  if (!database) return;
  const deadline = Date.now() + 5_000;
  for (;;) {
    const [{ n }] = await database.dataSource.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'opvangplek'",
    );
    if (n === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await database.drop();
}

/**
 * A request's profile and facts as `api` seals them (request-sealing.ts), for a row a test writes
 * with SQL: the database holds profiles sealed only (issue 12).
 */
export function sealedProfile(api: TestApp, requestId: string, profile: ProfileInput): { profile: string; facts: string } {
  const request = {
    id: requestId,
    profile: profile as unknown as VictimProfile,
    members: null,
    facts: null,
    responsibleMunicipality: null,
  };
  const sealed = sealRequestColumns(api.app.get<FieldCipher>(FIELD_CIPHER), request as PlacementRequestEntity);
  return { profile: sealed.sealedProfile!, facts: sealed.sealedFacts! };
}

export function sweep(api: TestApp) {
  return api.app.get(SweepJob).sweep();
}

export const token = {
  coordinator: (regions = ['RR']) => tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-rijnmond', regions }),
  comensha: () => tokenFor({ role: Role.COMENSHA, org: 'comensha' }),
  nla: () => tokenFor({ role: Role.NLA, org: 'nla-toezicht' }),
  police: (org = 'avim-rotterdam') => tokenFor({ role: Role.POLICE, org, regions: ['RR'] }),
  staff: (...facilityIds: string[]) => tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds }),
  planner: () => tokenFor({ role: Role.PLANNER, org: 'gemeente-rotterdam', regions: ['RR'] }),
  admin: () => tokenFor({ role: Role.ADMIN, org: 'beheer' }),
};

/** Fails with the server's errors instead of a confusing `undefined` further on. */
export function dataOf<T>(response: GraphQLResponse<Record<string, T>>, field: string): T {
  if (response.errors?.length || !response.data?.[field]) {
    throw new Error(`${field} failed: ${JSON.stringify(response.errors ?? response.data)}`);
  }
  return response.data[field];
}

/** The calls a test makes, as one client per app. */
export class PlacementClient {
  constructor(readonly url: string) {}

  raw(query: string, tokenValue: string, variables: Record<string, unknown>) {
    return gql<Record<string, RequestView>>(this.url, query, { token: tokenValue, variables });
  }

  async request(tokenValue: string, input: Record<string, unknown>): Promise<RequestView> {
    return dataOf(
      await this.raw(REQUEST_PLACEMENT, tokenValue, { input: { urgency: 'URGENT', regionCode: 'RR', ...input } }),
      'requestPlacement',
    );
  }

  async noodbed(tokenValue: string, input: Record<string, unknown>): Promise<RequestView> {
    return dataOf(await this.raw(REQUEST_NOODBED, tokenValue, { input: { regionCode: 'RR', ...input } }), 'requestNoodbed');
  }

  async get(tokenValue: string, id: string): Promise<RequestView> {
    return dataOf(await this.raw(PLACEMENT_REQUEST, tokenValue, { id }), 'placementRequest');
  }

  async list(tokenValue: string, filter: Record<string, unknown>): Promise<{ totalCount: number; nodes: RequestView[] }> {
    const response = await gql<{ placementRequests: { totalCount: number; edges: { node: RequestView }[] } }>(
      this.url,
      PLACEMENT_REQUESTS,
      { token: tokenValue, variables: { filter, first: 200 } },
    );
    if (response.errors?.length) throw new Error(`placementRequests failed: ${JSON.stringify(response.errors)}`);
    const { totalCount, edges } = response.data!.placementRequests;
    return { totalCount, nodes: edges.map((edge) => edge.node) };
  }

  async accept(tokenValue: string, requestId: string): Promise<RequestView> {
    return dataOf(await this.raw(RESPOND, tokenValue, { input: { requestId, accept: true } }), 'respondToOffer');
  }

  async decline(tokenValue: string, requestId: string, declineReason: string): Promise<RequestView> {
    return dataOf(await this.raw(RESPOND, tokenValue, { input: { requestId, accept: false, declineReason } }), 'respondToOffer');
  }

  /** A request made by `requester`, offered, accepted by the offered facility's staff and arrived at: her stay. */
  async placed(requester: string, input: Record<string, unknown>): Promise<RequestView> {
    const submitted = await this.request(requester, input);
    const offered = await this.waitForStatus(requester, submitted.id, ['OFFERED']);
    const staff = await token.staff(offered.facility!.id);
    await this.accept(staff, submitted.id);
    return this.arrive(staff, submitted.id);
  }

  async arrive(tokenValue: string, id: string): Promise<RequestView> {
    return dataOf(await this.raw(ARRIVE, tokenValue, { id }), 'confirmArrival');
  }

  async end(tokenValue: string, id: string, reason = 'moved to independent housing'): Promise<RequestView> {
    return dataOf(await this.raw(END, tokenValue, { id, reason }), 'endPlacement');
  }

  async cancel(tokenValue: string, id: string, reason = 'no longer needed'): Promise<RequestView> {
    return dataOf(await this.raw(CANCEL, tokenValue, { id, reason }), 'cancelPlacementRequest');
  }

  /**
   * Polls until the request is in one of `statuses` (jobs run asynchronously in the worker), or
   * fails with the last state seen. `until` can demand more than the status (e.g. a new facility).
   */
  async waitForStatus(
    tokenValue: string,
    id: string,
    statuses: Status[],
    timeoutMs = 10_000,
    until: (request: RequestView) => boolean = () => true,
  ): Promise<RequestView> {
    const deadline = Date.now() + timeoutMs;
    let last: RequestView | undefined;
    for (;;) {
      last = await this.get(tokenValue, id);
      if (statuses.includes(last.status) && until(last)) return last;
      if (Date.now() > deadline) {
        throw new Error(
          `request ${id} did not reach ${statuses.join('/')} within ${timeoutMs} ms; last seen ${last.status}: ${JSON.stringify(last.history)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * Sweeps, and sweeps again every 250 ms, until the request reaches one of `statuses`. After the
 * clock moves, one sweep is not always enough: a job that started at the old time (a re-try of
 * waiting requests after a capacity change) may finish after the sweep, leaving a request due
 * but WAITING until the next sweep, as the periodic sweep would do in production.
 */
export async function sweepUntil(
  api: TestApp,
  client: PlacementClient,
  tokenValue: string,
  id: string,
  statuses: Status[],
  until: (request: RequestView) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<RequestView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await sweep(api);
    try {
      return await client.waitForStatus(tokenValue, id, statuses, 250, until);
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/**
 * Retries an assertion until it passes or the deadline is reached (then its last failure stands).
 * For reads that may catch a request in a harmless re-try (a change that frees a place re-tries
 * the waiting requests that could use it, so a WAITING request is briefly MATCHING).
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The statuses in a request's history, in order. */
export function statusesOf(request: Pick<RequestView, 'history'>): Status[] {
  return request.history.map((entry) => entry.status);
}

const UPDATE_CAPACITY = `mutation Update($input: UpdateCapacityInput!) { updateCapacity(input: $input) { id } }`;

/**
 * Shelter staff set a facility's counts (updateCapacity), based on the version stored now; held
 * places stay as they are. Fails loudly on errors.
 */
export async function setCapacity(
  api: TestApp,
  dataSource: DataSource,
  facilityId: string,
  counts: { total: number; occupied: number; outOfService?: number },
): Promise<void> {
  // As staff on a phone do: a CONFLICT (the service held a place for someone between our read and
  // our write) is read again and sent again; anything else fails the test.
  for (let attempt = 1; ; attempt++) {
    const [{ version }] = await dataSource.query('SELECT version FROM capacity WHERE facility_id = $1', [facilityId]);
    const response = await gql<{ updateCapacity: { id: string } }>(api.url, UPDATE_CAPACITY, {
      token: await token.staff(facilityId),
      variables: { input: { facilityId, outOfService: 0, ...counts, expectedVersion: version } },
    });
    if (!response.errors?.length) return;
    if (response.errors[0].extensions?.code !== 'CONFLICT' || attempt === 3)
      throw new Error(`updateCapacity failed: ${JSON.stringify(response.errors)}`);
  }
}

/** Shelter staff report a facility full: every place not held is occupied. */
export async function fillUp(api: TestApp, dataSource: DataSource, facilityId: string): Promise<void> {
  const { total, held } = await capacityOf(dataSource, facilityId);
  await setCapacity(api, dataSource, facilityId, { total, occupied: total - held, outOfService: 0 });
}
