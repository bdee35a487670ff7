/**
 * The placement workflow in the medium tier: the API's and the worker's placement providers on a
 * private database and a FixedClock (test/support/medium-harness.ts), driven through
 * PlacementRequestsService as the resolvers call it, with the caller as a Viewer (what the auth
 * guard makes of a token). Answers are read as the GraphQL client of the e2e specs reads them
 * (`RequestView`, dates as ISO strings), so an assertion ported from an e2e spec keeps its words.
 *
 * No polling: after a call that queues work, `settle()` runs the queued jobs through the real
 * PlacementProcessor, and `expectStatus` reads the request and fails at once, with its history,
 * when it is not where the rule says it must be.
 */
import type { DynamicModule } from '@nestjs/common';
import { AccessModule, type Viewer } from '@opvangplek/access';
import { CapacityModule } from '@opvangplek/capacity';
import { CapacityService } from '@opvangplek/capacity/capacity.service';
import { Role } from '@opvangplek/domain';
import type { FixedClock } from '@opvangplek/platform';
import {
  PlacementJobsModule,
  PlacementModule,
  PlacementRequestsService,
  SweepJob,
  type SweepReport,
} from '@opvangplek/placement';
import type { DataSource } from 'typeorm';
import { type Medium, startMedium } from '../support/medium-harness';
import type { TestDatabase } from '../support/test-database';
import { capacityOf, type RequestView, type Status } from './support';

/** A caller as the auth guard makes it from a dev token (tokens.ts): the same subject, role, org and scope. */
function viewerOf(role: Role, org: string, scope: { regions?: string[]; facilityIds?: string[] } = {}): Viewer {
  return {
    sub: `dev-${role.toLowerCase()}@${org}`,
    role,
    org,
    regions: scope.regions ?? [],
    facilityIds: scope.facilityIds ?? [],
  };
}

/** The callers of the placement specs, as `token` in support.ts names them. */
export const viewer = {
  coordinator: (regions = ['RR']) => viewerOf(Role.ZORGCOORDINATOR, 'zc-rijnmond', { regions }),
  comensha: () => viewerOf(Role.COMENSHA, 'comensha'),
  nla: () => viewerOf(Role.NLA, 'nla-toezicht'),
  police: (org = 'avim-rotterdam') => viewerOf(Role.POLICE, org, { regions: ['RR'] }),
  staff: (...facilityIds: string[]) => viewerOf(Role.SHELTER_STAFF, 'testzorg', { facilityIds }),
  planner: () => viewerOf(Role.PLANNER, 'gemeente-rotterdam', { regions: ['RR'] }),
  admin: () => viewerOf(Role.ADMIN, 'beheer'),
  of: viewerOf,
};

const iso = (value: Date | string | null | undefined): string | null =>
  value == null ? null : value instanceof Date ? value.toISOString() : value;

type Model = Awaited<ReturnType<PlacementRequestsService['get']>> & object;

/** A request as the e2e specs' GraphQL selection (REQUEST_FIELDS and the linked requests) reads it. */
export function asView(model: Model): RequestView & { waitingForOrganisation: string | null } {
  return {
    id: model.id,
    status: model.status as Status,
    urgency: model.urgency,
    regionCode: model.regionCode,
    types: model.types,
    groupSize: model.groupSize,
    groupId: model.groupId,
    clientReference: model.clientReference,
    createdAt: iso(model.createdAt)!,
    facility: model.facility ? { id: model.facility.id, type: model.facility.type, name: model.facility.name } : null,
    allocations: model.allocations.map((allocation) => ({
      facility: { id: allocation.facility.id, type: allocation.facility.type },
      places: allocation.places,
      state: allocation.state as 'HELD' | 'OCCUPIED' | 'RELEASED',
      accepted: allocation.accepted,
    })),
    offerExpiresAt: iso(model.offerExpiresAt),
    placedAt: iso(model.placedAt),
    stayEndsAt: iso(model.stayEndsAt),
    overstay: model.overstay,
    waitingReason: model.waitingReason ?? null,
    waitingForAuthority: model.waitingForAuthority ?? null,
    waitingForOrganisation: model.waitingForOrganisation ?? null,
    nextAttemptAt: iso(model.nextAttemptAt),
    escalated: model.escalated,
    history: model.history.map((entry) => ({
      status: entry.status as Status,
      at: iso(entry.at)!,
      by: entry.by,
      note: entry.note,
    })),
    bridge: model.bridge
      ? {
          id: model.bridge.id,
          status: model.bridge.status as Status,
          types: model.bridge.types,
          facility: model.bridge.facility ? { id: model.bridge.facility.id, type: model.bridge.facility.type } : null,
        }
      : null,
    followUp: model.followUp ? asView(model.followUp) : null,
  };
}

export type MediumView = ReturnType<typeof asView>;

/**
 * A request with what the case-over-time specs select besides (profile-changes.e2e-spec.ts's EXTRA):
 * its profile version, its transfers, and each step's note code and values.
 */
export function asCase(model: Model) {
  const view = asView(model);
  return {
    ...view,
    profileVersion: model.profileVersion,
    transferReason: model.transferReason ?? null,
    transfer: model.transfer
      ? { id: model.transfer.id, status: model.transfer.status as Status, transferReason: model.transfer.transferReason ?? null }
      : null,
    transferOf: model.transferOf ? { id: model.transferOf.id, status: model.transferOf.status as Status } : null,
    history: model.history.map((entry, i) => ({
      ...view.history[i],
      noteCode: (entry.noteCode as string | null) ?? null,
      noteParams: entry.noteParams
        ? {
            fields: entry.noteParams.fields ?? null,
            version: entry.noteParams.version ?? null,
            transferReason: (entry.noteParams.transferReason as string | undefined) ?? null,
            at: iso(entry.noteParams.at),
          }
        : null,
    })),
  };
}

export type CaseView = ReturnType<typeof asCase>;

/**
 * The placement providers (AccessModule, PlacementModule, PlacementJobsModule, CapacityModule: as the
 * standalone process has them) on a new private database; `arrange` inserts the spec's facilities first.
 */
export async function startPlacementMedium(
  clock: FixedClock,
  options: {
    env?: Record<string, string>;
    arrange?: (database: TestDatabase) => Promise<void>;
    /** More feature modules (e.g. NotificationsModule for webhook subscriptions). */
    imports?: DynamicModule['imports'];
  } = {},
): Promise<PlacementMedium> {
  const medium = await startMedium({
    clock,
    // AccessModule signs the audit rows the workflow writes (AuditRowSigner), as in the API process.
    imports: [AccessModule, PlacementModule, PlacementJobsModule, CapacityModule, ...(options.imports ?? [])],
    env: options.env,
    arrange: options.arrange,
  });
  return new PlacementMedium(medium);
}

/** The calls a placement spec makes, as the resolvers make them; each answer as the client reads it. */
export class PlacementMedium {
  readonly requests: PlacementRequestsService;
  readonly dataSource: DataSource;

  constructor(readonly medium: Medium) {
    this.requests = medium.get(PlacementRequestsService);
    this.dataSource = medium.database.dataSource;
  }

  close(): Promise<void> {
    return this.medium.close();
  }

  /** Runs the queued jobs that are due on the clock until none is left (the worker, drained). */
  settle(): Promise<number> {
    return this.medium.settle();
  }

  /** One sweep, as the worker's timer runs it; the jobs it queues run at the next `settle()`. */
  sweep(): Promise<SweepReport> {
    return this.medium.get(SweepJob).sweep();
  }

  async request(caller: Viewer, input: Record<string, unknown>): Promise<MediumView> {
    return asView(await this.requests.submit(caller, { urgency: 'URGENT', regionCode: 'RR', ...input } as never));
  }

  async noodbed(caller: Viewer, input: Record<string, unknown>): Promise<MediumView> {
    return asView(await this.requests.requestNoodbed(caller, { regionCode: 'RR', ...input } as never));
  }

  /** The request as `caller` sees it; null when they may not see it (placementRequest answers null). */
  async find(caller: Viewer, id: string): Promise<MediumView | null> {
    const model = await this.requests.get(caller, id);
    return model ? asView(model) : null;
  }

  async get(caller: Viewer, id: string): Promise<MediumView> {
    const view = await this.find(caller, id);
    if (!view) throw new Error(`request ${id} is not visible to ${caller.sub}`);
    return view;
  }

  async list(caller: Viewer, filter: Record<string, unknown>, first = 50): Promise<{ totalCount: number; nodes: MediumView[] }> {
    const page = await this.requests.list(caller, filter as never, first);
    return { totalCount: page.totalCount, nodes: page.edges.map((edge) => asView(edge.node)) };
  }

  async accept(caller: Viewer, requestId: string): Promise<MediumView> {
    return asView(await this.requests.respondToOffer(caller, { requestId, accept: true }));
  }

  async decline(caller: Viewer, requestId: string, declineReason: string): Promise<MediumView> {
    return asView(await this.requests.respondToOffer(caller, { requestId, accept: false, declineReason }));
  }

  async arrive(caller: Viewer, id: string): Promise<MediumView> {
    return asView(await this.requests.confirmArrival(caller, id));
  }

  async end(caller: Viewer, id: string, reason = 'moved to independent housing'): Promise<MediumView> {
    return asView(await this.requests.endPlacement(caller, id, reason));
  }

  async cancel(caller: Viewer, id: string, reason = 'no longer needed'): Promise<MediumView> {
    return asView(await this.requests.cancel(caller, id, reason));
  }

  async assign(caller: Viewer, requestId: string, facilityId: string, reason: string | null = null): Promise<MediumView> {
    return asView(await this.requests.assignPlacement(caller, requestId, facilityId, reason));
  }

  async returnRequest(caller: Viewer, requestId: string, reason: string): Promise<MediumView> {
    return asView(await this.requests.returnRequest(caller, requestId, reason));
  }

  candidates(caller: Viewer, requestId: string, first: number | null = null) {
    return this.requests.candidates(caller, requestId, first);
  }

  /**
   * Runs the queued jobs, then reads the request: it must be in one of `statuses` (and satisfy
   * `until`), or the spec fails here with the status and history it found. The medium tier's
   * `waitForStatus`: what the worker leaves once its queue is drained, without a deadline.
   */
  async expectStatus(
    caller: Viewer,
    id: string,
    statuses: Status[],
    until: (request: MediumView) => boolean = () => true,
  ): Promise<MediumView> {
    await this.settle();
    const request = await this.get(caller, id);
    if (!statuses.includes(request.status) || !until(request))
      throw new Error(
        `request ${id} is ${request.status} after its jobs ran, not ${statuses.join('/')}${statuses.includes(request.status) ? ' as required' : ''}: ${JSON.stringify(request.history)}`,
      );
    return request;
  }

  /** Shelter staff set a facility's counts on the version stored now (updateCapacity); held places stay. */
  async setCapacity(facilityId: string, counts: { total: number; occupied: number; outOfService?: number }): Promise<void> {
    const [{ version }] = await this.dataSource.query('SELECT version FROM capacity WHERE facility_id = $1', [facilityId]);
    await this.medium
      .get(CapacityService)
      .update(viewer.staff(facilityId), { facilityId, outOfService: 0, ...counts, expectedVersion: version });
  }

  /** Shelter staff report a facility full: every place not held is occupied. */
  async fillUp(facilityId: string): Promise<void> {
    const { total, held } = await capacityOf(this.dataSource, facilityId);
    await this.setCapacity(facilityId, { total, occupied: total - held, outOfService: 0 });
  }
}
