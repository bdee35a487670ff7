import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { audit, auditInsert, type AuditActor, type AuditEntry, type AuditRecord, type Viewer } from '@opvangplek/access';
import type { LedgerActor } from '@opvangplek/capacity';
import {
  DeclineReason,
  OfferAnswer,
  assertTransition,
  type PlacementNote,
  PlacementNoteCode,
  placementNoteSentence,
  placementNoteParamsFromJson,
  type PlacementNoteParams,
  PlacementStatus,
  type ShelterType,
  type Urgency,
  bedenktijdEndsAt,
} from '@opvangplek/domain';
import {
  CLOCK,
  type Clock,
  FIELD_CIPHER,
  type FieldCipher,
  NOTE_CIPHER,
  type NoteCipher,
  ConflictError,
  EVENT_BUS,
  EventChannel,
  type EventBus,
  asOneStatement,
  isUniqueViolation,
  type Statement,
} from '@opvangplek/platform';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { In, IsNull, LessThanOrEqual, MoreThanOrEqual, Not } from 'typeorm';
import { type Changes, noChanges, type PendingRecords, type PlacementEventRow } from './placement-changes';
import { scopeRequests } from './placement-access';
import { PlacementEventEntity } from './placement-event.entity';
import { HoldState, PlacementHoldEntity } from './placement-hold.entity';
import { PlacementRequestEntity } from './placement-request.entity';
import { ProfileChangeEntity } from './profile-change.entity';
import type { PlacementRequestUpdatedEvent } from './placement.events';
import { clientReferenceLookups, openRequestColumns, sealRequestColumns } from './request-sealing';
import { WebhookOutbox, WebhookQueue } from '@opvangplek/notifications';

/** TypeORM's INSERT of `values` into `entity`'s table, as a statement to run with others (`asOneStatement`). */
function insertStatement(
  manager: EntityManager,
  entity: typeof PlacementRequestEntity | typeof PlacementEventEntity,
  values: object | object[],
): Statement {
  const [sql, params] = manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(values)
    .updateEntity(false)
    .getQueryAndParameters();
  return { sql, params };
}

/** The columns a caller chooses for a new request; the repository sets the rest to their initial values. */
/** The purpose of the implicit-retry lookup values (their own key, FieldCipher.lookup). */
const IMPLICIT_RETRY_LOOKUP = 'placement_requests.implicit_retry';

/** One request per organisation and clientReference (migration SealedClientReference). */
const CLIENT_REFERENCE_UNIQUE = 'placement_requests_client_reference_uq';

export type NewPlacementRequest = Pick<
  PlacementRequestEntity,
  | 'status'
  | 'urgency'
  | 'regionCode'
  | 'profile'
  | 'groupSize'
  | 'types'
  | 'clientReference'
  | 'requestedBy'
  | 'requestedByRole'
  | 'requestedByOrg'
  | 'routeDecided'
  | 'responsibleMunicipality'
  | 'groupId'
  | 'members'
> &
  Partial<Pick<PlacementRequestEntity, 'parallelOffers'>>;

/**
 * The request that follows a stay: the open one if any, else the newest. A stay may have been
 * followed by a transfer that was cancelled and then by another (one open at a time).
 */
function latestFollowUp(
  query: SelectQueryBuilder<PlacementRequestEntity>,
  bridgeId: string,
): SelectQueryBuilder<PlacementRequestEntity> {
  return query
    .where('r.bridgeRequestId = :bridgeId', { bridgeId })
    .orderBy(`CASE WHEN r.status IN ('ENDED', 'CANCELLED') THEN 1 ELSE 0 END`, 'ASC')
    .addOrderBy('r.createdAt', 'DESC')
    .addOrderBy('r.id', 'DESC');
}

/** The fields kept sealed in the database (request-sealing.ts), given and read in clear. */
type PlainField = 'profile' | 'members' | 'facts' | 'responsibleMunicipality' | 'clientReference';

/** A new hold row: RETURNING fills in its id and createdAt. */
export type NewPlacementHold = Pick<PlacementHoldEntity, 'requestId' | 'facilityId' | 'places' | 'state' | 'expiresAt'> &
  /** When it was offered, on the service's clock (the response figures time answers from it); default the database's. */
  Partial<Pick<PlacementHoldEntity, 'parallel' | 'createdAt'>>;

/** A page of requests as the list asks for it (validated by the caller). */
export interface RequestPageQuery {
  statuses: string[];
  authority?: string | null;
  regionCodes?: string[] | null;
  escalated?: boolean | null;
  kinds?: ShelterType[] | null;
  urgencies?: Urgency[] | null;
  /** Only the requests this token subject submitted. */
  requestedBy?: string | null;
  newestFirst?: boolean;
  first: number;
  after: { at: Date; id: string } | null;
}

const BATCH = 500;

/**
 * The only way into the placement tables (placement_requests, placement_holds, placement_events),
 * and the unit of work around them: `inTransaction` writes a transaction's history and audit rows
 * just before it commits and announces what changed only after (immich: every query in a
 * repository; services never hold the DataSource).
 */
@Injectable()
export class PlacementRepository {
  private readonly logger = new Logger(PlacementRepository.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_BUS) private readonly events: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTE_CIPHER) private readonly notes: NoteCipher,
    @Inject(FIELD_CIPHER) private readonly fields: FieldCipher,
    private readonly webhooks: WebhookOutbox,
    private readonly webhookQueue: WebhookQueue,
  ) {}

  /** A loaded request with its personal data opened (the database holds it sealed). */
  private async opened<T extends PlacementRequestEntity | null>(loading: Promise<T>): Promise<T> {
    return openRequestColumns(this.fields, await loading);
  }

  private async openedAll(loading: Promise<PlacementRequestEntity[]>): Promise<PlacementRequestEntity[]> {
    return (await loading).map((request) => openRequestColumns(this.fields, request));
  }

  // ---------------------------------------------------------------------------------------------
  // Transactions

  /**
   * Runs `work` in a transaction and, only after it commits, announces what changed and runs the
   * follow-up enqueues. A failed enqueue is logged, not thrown: the sweep finds the request again.
   */
  async inTransaction<T>(work: (manager: EntityManager, changes: Changes) => Promise<T>): Promise<T> {
    return (await this.inTransactionWithChanges(work)).result;
  }

  /** `inTransaction`, also returning what the transaction changed and recorded. */
  async inTransactionWithChanges<T>(
    work: (manager: EntityManager, changes: Changes) => Promise<T>,
  ): Promise<{ result: T; changes: Changes }> {
    const changes = noChanges();
    const result = await this.dataSource.transaction(async (manager) => {
      const value = await work(manager, changes);
      await this.writeRecords(manager, changes);
      return value;
    });
    await this.announce(changes);
    return { result, changes };
  }

  /** A plain transaction: nothing recorded or announced (the retention's erasure). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Runs `work` in a transaction holding the advisory lock `key`; false, without running it, when another holds it. */
  /** Records a completed sweep (sweep-run.entity.ts), finished now by the database's clock. */
  async recordSweep(name: string, durationMs: number, report: Record<string, number>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sweep_runs (name, finished_at, duration_ms, report) VALUES ($1, now(), $2, $3)
       ON CONFLICT (name) DO UPDATE SET finished_at = EXCLUDED.finished_at, duration_ms = EXCLUDED.duration_ms, report = EXCLUDED.report`,
      [name, Math.round(durationMs), report],
    );
  }

  /**
   * Runs `work` while holding a transaction-scoped advisory lock: false when another process holds it
   * (`wait`: wait for it instead).
   */
  async underAdvisoryLock(
    key: number,
    work: (manager: EntityManager) => Promise<void>,
    options: { wait?: boolean } = {},
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const lock = options.wait ? 'SELECT pg_advisory_xact_lock($1), true AS ok' : 'SELECT pg_try_advisory_xact_lock($1) AS ok';
      const [{ ok }] = await manager.query(lock, [key]);
      if (!ok) return false;
      await work(manager);
      return true;
    });
  }

  async announce(changes: Changes): Promise<void> {
    const publish = async (channel: EventChannel, payload: object) =>
      this.events.publish(channel, payload).catch((error: Error) => this.logger.warn(`event not published: ${error.message}`));
    const latest = new Map(changes.requests.map((request) => [request.id, request]));
    // Independent of each other (other channels, other jobs), so sent together: the caller waits
    // for the slowest round trip, not for the sum of them.
    await Promise.all([
      ...[...latest.values()].map((request) => {
        const event: PlacementRequestUpdatedEvent = { requestId: request.id, status: request.status };
        return publish(EventChannel.PlacementRequestUpdated, event);
      }),
      ...changes.capacity.map((capacity) =>
        publish(EventChannel.CapacityChanged, {
          facilityId: capacity.facilityId,
          regionCode: capacity.regionCode,
          type: capacity.type,
          version: capacity.version,
        }),
      ),
      ...changes.after.map((after) =>
        after().catch((error: Error) =>
          this.logger.warn(`follow-up work not queued (the sweep will catch up): ${error.message}`),
        ),
      ),
    ]);
  }

  /**
   * The pending history and audit rows of `changes` as the statements that insert them (none when
   * there are none), moved to its `recorded`: the caller runs them with the rest of its writes.
   */
  private takeRecords(manager: EntityManager, changes: Changes): Statement[] {
    const events = changes.records.events.splice(0);
    const audits = auditInsert(manager.connection, changes.records.audits.splice(0));
    changes.recorded.push(...events);
    return [...(events.length > 0 ? [insertStatement(manager, PlacementEventEntity, events)] : []), ...(audits ? [audits] : [])];
  }

  /** Writes a transaction's pending history and audit rows (one statement for both), and its webhook outbox rows. */
  private async writeRecords(manager: EntityManager, changes: Changes): Promise<void> {
    const records = this.takeRecords(manager, changes);
    if (records.length > 0) {
      const statement = asOneStatement(records, () => 'SELECT 1');
      await manager.query(statement.sql, statement.params);
    }
    const deliveries = await this.webhooks.record(manager, changes.notifications.splice(0));
    if (deliveries.length > 0) changes.after.push(() => this.webhookQueue.enqueueAll(deliveries));
  }

  // ---------------------------------------------------------------------------------------------
  // Requests: reading and locking

  /** Request `id`; in `manager`'s transaction when given (a transaction must not wait for a second pool connection). */
  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<PlacementRequestEntity | null> {
    return this.opened(manager.getRepository(PlacementRequestEntity).findOne({ where: { id } }));
  }

  /** Whether `viewer` may see request `id` (placement-access), in `manager`'s transaction when given. */
  async isVisible(viewer: Viewer, id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const query = scopeRequests(
      manager.getRepository(PlacementRequestEntity).createQueryBuilder('r').where('r.id = :id', { id }),
      viewer,
    );
    return (await query.getCount()) > 0;
  }

  /** A page of the requests `viewer` may see, oldest first unless asked otherwise, and how many there are in all. */
  async page(viewer: Viewer, page: RequestPageQuery): Promise<{ rows: PlacementRequestEntity[]; totalCount: number }> {
    const query = scopeRequests(this.dataSource.getRepository(PlacementRequestEntity).createQueryBuilder('r'), viewer);
    if (page.statuses.length) query.andWhere('r.status IN (:...statuses)', { statuses: page.statuses });
    if (page.authority) query.andWhere('r.waitingForAuthority = :authority', { authority: page.authority });
    if (page.regionCodes?.length) query.andWhere('r.regionCode IN (:...regionCodes)', { regionCodes: page.regionCodes });
    if (page.escalated != null) query.andWhere('r.escalated = :escalated', { escalated: page.escalated });
    if (page.kinds?.length) query.andWhere('r.waitingForKind IN (:...kinds)', { kinds: page.kinds });
    if (page.urgencies?.length) query.andWhere('r.urgency IN (:...urgencies)', { urgencies: page.urgencies });
    // One person, however an identity provider spells the subject (as the separation of duties compares it).
    if (page.requestedBy != null)
      query.andWhere('lower(trim(r.requestedBy)) = lower(trim(:requestedBy))', { requestedBy: page.requestedBy });
    const totalCount = await query.clone().getCount();
    const direction = page.newestFirst ? 'DESC' : 'ASC';
    if (page.after)
      query.andWhere(`(r.createdAt, r.id) ${page.newestFirst ? '<' : '>'} (:afterAt, :afterId)`, {
        afterAt: page.after.at,
        afterId: page.after.id,
      });
    const rows = await this.openedAll(
      query
        .orderBy('r.createdAt', direction)
        .addOrderBy('r.id', direction)
        .take(page.first + 1)
        .getMany(),
    );
    return { rows, totalCount };
  }

  /** The id of the onward request that follows `bridgeId`, if there is one. */
  async followUpIdOf(bridgeId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const followUp = await latestFollowUp(manager.getRepository(PlacementRequestEntity).createQueryBuilder('r'), bridgeId)
      .select('r.id')
      .getOne();
    return followUp?.id ?? null;
  }

  /**
   * The first request of the chain `id` belongs to (noodbed → onward, stay → transfer, each
   * following its `bridgeRequestId`): one person, whichever request of her chain is named.
   */
  async chainRootOf(id: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE chain(id, bridge, depth) AS (
         SELECT id, bridge_request_id, 0 FROM placement_requests WHERE id = $1
         UNION ALL
         SELECT r.id, r.bridge_request_id, c.depth + 1 FROM placement_requests r JOIN chain c ON r.id = c.bridge WHERE c.depth < 100
       )
       SELECT id FROM chain ORDER BY depth DESC LIMIT 1`,
      [id],
    );
    return rows[0]?.id ?? id;
  }

  /** The ids of every request that has followed `bridgeId` (transfers and onward requests, old ones too). */
  async followUpIdsOf(bridgeId: string): Promise<string[]> {
    const rows = await this.dataSource.manager
      .getRepository(PlacementRequestEntity)
      .find({ select: { id: true }, where: { bridgeRequestId: bridgeId } });
    return rows.map((row) => row.id);
  }

  /** Whether a request that follows `bridgeId` is still open (a transfer or an onward request): one move at a time. */
  async hasOpenFollowUp(manager: EntityManager, bridgeId: string): Promise<boolean> {
    const open = await manager
      .getRepository(PlacementRequestEntity)
      .count({ where: { bridgeRequestId: bridgeId, status: Not(In([PlacementStatus.ENDED, PlacementStatus.CANCELLED])) } });
    return open > 0;
  }

  /** The other parts of a group request. */
  groupParts(groupId: string, exceptId: string): Promise<PlacementRequestEntity[]> {
    return this.openedAll(
      this.dataSource
        .getRepository(PlacementRequestEntity)
        .find({ where: { groupId, id: Not(exceptId) }, order: { createdAt: 'ASC' } }),
    );
  }

  /** Sets the group of a request created as a group's first part. */
  async setGroup(id: string, groupId: string): Promise<void> {
    await this.dataSource.getRepository(PlacementRequestEntity).update({ id }, { groupId });
  }

  async hasFollowUp(manager: EntityManager, bridgeId: string): Promise<boolean> {
    return (await manager.getRepository(PlacementRequestEntity).count({ where: { bridgeRequestId: bridgeId } })) > 0;
  }

  lock(manager: EntityManager, id: string): Promise<PlacementRequestEntity | null> {
    return this.lockWhere(manager, id);
  }

  /** Request `id` locked, if it still matches `where` (a condition read before, checked again under the lock). */
  lockWhere(manager: EntityManager, id: string, where?: object): Promise<PlacementRequestEntity | null> {
    const query = manager
      .getRepository(PlacementRequestEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id });
    if (where) query.andWhere(where);
    return this.opened(query.getOne());
  }

  /** The onward request of `bridgeId`, locked (see `FollowUps.lockFollowUpOf` for the lock order). */
  lockFollowUpOf(manager: EntityManager, bridgeId: string): Promise<PlacementRequestEntity | null> {
    return this.opened(
      latestFollowUp(manager.getRepository(PlacementRequestEntity).createQueryBuilder('r'), bridgeId)
        .setLock('pessimistic_write')
        .getOne(),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Requests: writing

  /**
   * Inserts a new request with its first history rows, in one transaction, unless its
   * clientReference was used before by the same organisation: then the first submission stands
   * and is returned, with `changes: null`. Nothing is announced here (the caller decides).
   *
   * The reference is found by its keyed lookup value (request-sealing.ts), never by its text, and
   * the unique index on (organisation, lookup) decides between processes inserting the same
   * reference at once: the INSERT of all but one does nothing, and they read the one that did.
   *
   * Key rotation: the lookup is written under the current key. A request stored before NOTES_KEY
   * was rotated has its lookup under a previous key (until the sweep reseals it, which rewrites
   * the lookup too), where the unique index cannot see a retry; so while a previous key is
   * configured, the previous keys' lookups are looked for first. That stays race-free: a row moved
   * to the current key meanwhile is caught by the index instead. (Every process must be given the
   * new key at once, as for the seals: a process that does not know the current key would write
   * its own lookup under the old one.)
   */
  async insertRequest(
    fields: NewPlacementRequest,
    history: { status: PlacementStatus; actor: LedgerActor }[],
    /** Without a clientReference: the canonical submission (implicit-retry.ts) and how far back a retry of it is looked for. */
    implicitRetry: { canonical: string; since: Date } | null = null,
  ): Promise<{ request: PlacementRequestEntity; changes: Changes | null }> {
    const changes = noChanges();
    const lookups =
      fields.clientReference === null ? [] : clientReferenceLookups(this.fields, fields.requestedByOrg, fields.clientReference);
    const implicitKeys =
      implicitRetry && lookups.length === 0
        ? this.fields.lookups(IMPLICIT_RETRY_LOOKUP, [fields.requestedByOrg, implicitRetry.canonical])
        : [];
    const request = this.newRequest(this.dataSource.manager, fields);
    if (implicitKeys.length > 0) request.implicitRetryKey = implicitKeys[0];
    try {
      const earlier =
        lookups.length > 1 || implicitKeys.length > 0
          ? await this.dataSource.transaction(async (manager) => {
              const found = await this.earlierSubmission(manager, fields, lookups, implicitKeys, implicitRetry);
              if (!found) await this.insertNew(manager, request, history, changes);
              return found;
            })
          : await this.insertNew(this.dataSource.manager, request, history, changes).then(() => null);
      return earlier ? { request: earlier, changes: null } : { request, changes };
    } catch (error) {
      // The reference was taken meanwhile (a retry racing the first call): the first submission stands.
      if (!isUniqueViolation(error, CLIENT_REFERENCE_UNIQUE)) throw error;
      const existing = await this.findByReference(this.dataSource.manager, fields.requestedByOrg, lookups);
      if (!existing) throw new ConflictError('This request could not be stored; please submit it again.');
      return { request: existing, changes: null };
    }
  }

  /**
   * The stored request a submission repeats, looked for before inserting: under an older key's
   * lookup value of its clientReference, or (without one) the same submission by the same caller in
   * the implicit-retry window. That one waits for any other submission of it (an advisory lock held
   * to commit), so two at once are never both stored.
   */
  private async earlierSubmission(
    manager: EntityManager,
    fields: NewPlacementRequest,
    lookups: string[],
    implicitKeys: string[],
    implicitRetry: { canonical: string; since: Date } | null,
  ): Promise<PlacementRequestEntity | null> {
    if (lookups.length > 1) {
      const earlier = await this.findByReference(manager, fields.requestedByOrg, lookups.slice(1));
      if (earlier) return earlier;
    }
    if (implicitKeys.length === 0) return null;
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 15))', [implicitKeys[0]]);
    return this.opened(
      manager.getRepository(PlacementRequestEntity).findOne({
        where: {
          requestedByOrg: fields.requestedByOrg,
          implicitRetryKey: In(implicitKeys),
          createdAt: MoreThanOrEqual(implicitRetry!.since),
          // One cancelled since is not what a resend asks for: the caller withdrew it (red team, issue 15).
          status: Not(PlacementStatus.CANCELLED),
        },
        order: { createdAt: 'DESC' },
      }),
    );
  }

  /**
   * Inserts a new request with its history and audit rows as one statement (`asOneStatement`):
   * one round trip where a transaction of its own took five, and the police's noodbed call waits
   * for it (issue 16). A clientReference taken already fails it whole, with nothing written.
   */
  private async insertNew(
    manager: EntityManager,
    request: PlacementRequestEntity,
    history: { status: PlacementStatus; actor: LedgerActor }[],
    changes: Changes,
  ): Promise<void> {
    for (const step of history) await this.record(manager, request, step.status, step.actor, null, changes.records);
    const requestInsert = insertStatement(manager, PlacementRequestEntity, request);
    const statement = asOneStatement(
      [{ ...requestInsert, sql: `${requestInsert.sql} RETURNING "updated_at"` }, ...this.takeRecords(manager, changes)],
      ([stored]) => `SELECT updated_at FROM ${stored}`,
    );
    const [row] = (await manager.query(statement.sql, statement.params)) as { updated_at: Date }[];
    request.updatedAt = row.updated_at;
  }

  /** `org`'s request stored under `clientReference`, opened; null when there is none. */
  findByClientReference(org: string, clientReference: string): Promise<PlacementRequestEntity | null> {
    return this.findByReference(this.dataSource.manager, org, clientReferenceLookups(this.fields, org, clientReference));
  }

  /** `org`'s request stored under one of `lookups` (a clientReference's lookup values), opened. */
  private findByReference(manager: EntityManager, org: string, lookups: string[]): Promise<PlacementRequestEntity | null> {
    return this.opened(
      manager
        .getRepository(PlacementRequestEntity)
        .findOne({ where: { requestedByOrg: org, clientReferenceLookup: In(lookups) } }),
    );
  }

  /** Inserts an onward request (`FollowUps.openFollowUp`). */
  async insertFollowUp(manager: EntityManager, fields: Partial<PlacementRequestEntity>): Promise<PlacementRequestEntity> {
    const followUp = this.newRequest(manager, fields);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(PlacementRequestEntity)
      .values(followUp)
      .returning('"updated_at"')
      .updateEntity(false)
      .execute();
    followUp.updatedAt = (inserted.raw[0] as { updated_at: Date }).updated_at;
    return followUp;
  }

  /**
   * A new request: every column given, so the stored row is known without reading it back
   * (RETURNING gives the rest), and its personal data sealed. The id is chosen here, not by the
   * database: the sealed columns are bound to it.
   */
  private newRequest(manager: EntityManager, fields: Partial<PlacementRequestEntity>): PlacementRequestEntity {
    const request = manager.getRepository(PlacementRequestEntity).create({
      profileErasedAt: null,
      groupId: null,
      attempt: 0,
      toldAttempt: null,
      facilityId: null,
      offerExpiresAt: null,
      waitingReason: null,
      waitingForAuthority: null,
      waitingForOrganisation: null,
      waitingForKind: null,
      returnedTypes: [],
      routeDecided: false,
      nextAttemptAt: null,
      skippedFacilityIds: [],
      placedAt: null,
      stayEndsAt: null,
      stayAlertAt: null,
      overstay: false,
      endedAt: null,
      escalated: false,
      escalatedAt: null,
      bridgeRequestId: null,
      transferReason: null,
      profileVersion: 1,
      bedenktijdAlerted: false,
      parallelOffers: null,
      createdAt: this.clock.now(),
      ...fields,
    });
    request.id = randomUUID();
    Object.assign(request, this.plainColumns(fields));
    request.bedenktijdEndsAt = bedenktijdEndsAt(request.profile);
    Object.assign(request, sealRequestColumns(this.fields, request));
    return request;
  }

  /** Writes a loaded request's columns back: one UPDATE (a repository `save` would SELECT it first). */
  async persist(manager: EntityManager, request: PlacementRequestEntity): Promise<void> {
    const {
      id,
      createdAt: _createdAt,
      updatedAt: _updatedAt,
      profile: _profile,
      members: _members,
      facts: _facts,
      responsibleMunicipality: _responsibleMunicipality,
      clientReference: _clientReference,
      ...columns
    } = request;
    // Resealed at every write: a value sealed under a key since replaced moves to the current one.
    const sealed = sealRequestColumns(this.fields, request);
    await manager.getRepository(PlacementRequestEntity).update({ id }, { ...columns, ...sealed }); // sets updated_at too
    Object.assign(request, sealed);
  }

  /** The plain (unsealed) personal fields given for a new request: `create` keeps columns only. */
  private plainColumns(fields: Partial<Pick<PlacementRequestEntity, PlainField>>): Pick<PlacementRequestEntity, PlainField> {
    return {
      profile: fields.profile ?? null,
      members: fields.members ?? null,
      facts: fields.facts ?? null,
      responsibleMunicipality: fields.responsibleMunicipality ?? null,
      clientReference: fields.clientReference ?? null,
    };
  }

  /** Changes a request's status (checked by the domain state machine), saves it and records the history. */
  async transition(
    manager: EntityManager,
    changes: Changes,
    request: PlacementRequestEntity,
    to: PlacementStatus,
    actor: LedgerActor,
    note: PlacementNote | null,
  ): Promise<void> {
    assertTransition(request.status, to);
    request.status = to;
    await this.persist(manager, request);
    await this.record(manager, request, to, actor, note, changes.records);
    changes.requests.push(request);
  }

  /**
   * Appends a history row and its audit row. With `pending` (a transaction's records), they are
   * written with the transaction's other records just before it commits; without, at once.
   */
  async record(
    manager: EntityManager,
    request: PlacementRequestEntity,
    status: PlacementStatus,
    actor: LedgerActor,
    note: PlacementNote | null,
    pending?: PendingRecords,
  ): Promise<void> {
    const at = this.clock.now();
    // Free text is sealed before it is stored (encrypted at rest): the English note (at most 500
    // characters) and the note's parameters, which hold what a person typed. The waiting reason
    // and the note's code are codes, kept in the clear so the planners' figures can count them,
    // as are a stay's end and how many left (the outcome table).
    const leaving = note?.code === PlacementNoteCode.ENDED || note?.code === PlacementNoteCode.LEFT;
    const event: PlacementEventRow = {
      requestId: request.id,
      status,
      at,
      by: actor.by,
      waitingReason: status === PlacementStatus.WAITING ? request.waitingReason : null,
      note: note === null ? null : this.notes.seal(placementNoteSentence(note).slice(0, 500)),
      noteCode: note?.code ?? null,
      noteParams: note === null ? null : this.notes.seal(JSON.stringify(note.params)),
      outcome: leaving ? (note.params.outcome ?? null) : null,
      people: leaving ? (note.params.places ?? null) : null,
    };
    // The audit log gets the fact (who, what status), never the free-text note.
    const audited: AuditEntry = {
      actor: { sub: actor.by, role: actor.role, org: actor.org },
      record: { action: 'placement.status', requestId: request.id, detail: status },
      at,
    };
    if (pending) {
      pending.events.push(event);
      pending.audits.push(audited);
      return;
    }
    await manager.getRepository(PlacementEventEntity).insert(event);
    await audit(manager, audited.actor, audited.record, at);
  }

  /**
   * Appends one change to a request's profile history, sealed (what changed from what to what, and
   * why, is about the person), and its audit row with the names of the fields only.
   */
  async recordProfileChange(
    manager: EntityManager,
    pending: PendingRecords,
    change: { requestId: string; version: number; actor: LedgerActor; fields: string[]; sealable: object },
  ): Promise<void> {
    const at = this.clock.now();
    await manager.getRepository(ProfileChangeEntity).insert({
      requestId: change.requestId,
      version: change.version,
      at,
      by: change.actor.by,
      fields: change.fields,
      change: this.notes.seal(JSON.stringify(change.sealable)),
    });
    pending.audits.push({
      actor: { sub: change.actor.by, role: change.actor.role, org: change.actor.org },
      record: {
        action: 'profile.update',
        requestId: change.requestId,
        detail: `v${change.version}: ${change.fields.join(', ')}`,
      },
      at,
    });
  }

  /** The sealed profile history of a request, opened (oldest first). */
  async profileChangesOf(requestId: string): Promise<(Omit<ProfileChangeEntity, 'change'> & { change: unknown })[]> {
    const rows = await this.dataSource
      .getRepository(ProfileChangeEntity)
      .find({ where: { requestId }, order: { version: 'ASC' } });
    return rows.map((row) => ({
      ...row,
      change: row.change === null ? null : (JSON.parse(this.notes.open(row.change)) as unknown),
    }));
  }

  /** Saves a request whose profile was erased, and clears the free-text notes of its history. */
  async saveErased(manager: EntityManager, request: PlacementRequestEntity): Promise<void> {
    await this.persist(manager, request);
    await manager
      .getRepository(PlacementEventEntity)
      .update({ requestId: request.id }, { note: null, noteCode: null, noteParams: null });
    // Her profile's history goes with the profile: only the field names and who changed them remain.
    await manager.getRepository(ProfileChangeEntity).update({ requestId: request.id }, { change: null });
  }

  /** An audit row outside any transaction: a read of personal data (who, why). */
  async auditAccess(actor: AuditActor, record: AuditRecord): Promise<void> {
    await audit(this.dataSource.manager, actor, record, this.clock.now());
  }

  // ---------------------------------------------------------------------------------------------
  // History and holds

  /**
   * The requests with a history step after `after` (or only `requestId`), by their latest step,
   * oldest first: what a subscriber that was away since `after` missed. At most `limit`.
   */
  async changedSince(after: string, requestId: string | null, limit: number): Promise<string[]> {
    const rows: { requestId: string }[] = await this.dataSource.query(
      `SELECT request_id AS "requestId" FROM placement_events
        WHERE id > $1::bigint AND ($2::uuid IS NULL OR request_id = $2::uuid)
        GROUP BY request_id ORDER BY max(id) LIMIT $3`,
      [after, requestId, limit],
    );
    return rows.map((row) => row.requestId);
  }

  /** The reason a history step was given (sealed at rest), or null when it has none. */
  reasonOf(event: Pick<PlacementEventEntity, 'noteParams'>): string | null {
    if (event.noteParams === null) return null;
    const params: PlacementNoteParams = placementNoteParamsFromJson(this.notes.open(event.noteParams));
    return params.reason ?? null;
  }

  /** The request's history, oldest first; inside a transaction, on its connection (`manager`). */
  eventsOf(requestId: string, manager: EntityManager = this.dataSource.manager): Promise<PlacementEventEntity[]> {
    return manager.getRepository(PlacementEventEntity).find({ where: { requestId }, order: { id: 'ASC' } });
  }

  holdsOf(requestId: string): Promise<PlacementHoldEntity[]> {
    return this.dataSource.getRepository(PlacementHoldEntity).find({ where: { requestId }, order: { createdAt: 'ASC' } });
  }

  /** How many of the request's holds in `states` are at one of `facilityIds`. */
  countHoldsAt(
    requestId: string,
    states: HoldState[],
    facilityIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    return manager.getRepository(PlacementHoldEntity).count({
      where: { requestId, state: In(states), facilityId: In(facilityIds) },
    });
  }

  /**
   * When another facility's acceptance took this parallel offer from `facilityIds` (the latest, if
   * several), or null when it did not: those facilities' staff then hold nothing live here.
   */
  async takenElsewhereAt(manager: EntityManager, requestId: string, facilityIds: string[]): Promise<Date | null> {
    if (facilityIds.length === 0) return null;
    const holds = await manager.getRepository(PlacementHoldEntity).find({
      where: { requestId, facilityId: In(facilityIds), takenElsewhereAt: Not(IsNull()) },
      order: { takenElsewhereAt: 'DESC' },
      take: 1,
    });
    return holds[0]?.takenElsewhereAt ?? null;
  }

  holdsIn(manager: EntityManager, requestId: string, states: HoldState[]): Promise<PlacementHoldEntity[]> {
    return manager.getRepository(PlacementHoldEntity).find({ where: { requestId, state: In(states) } });
  }

  /** Inserts the holds in one statement; RETURNING fills in each hold's id and createdAt. */
  async insertHolds(manager: EntityManager, rows: NewPlacementHold[]): Promise<PlacementHoldEntity[]> {
    const holds = rows.map((row) => manager.getRepository(PlacementHoldEntity).create(row));
    await manager.getRepository(PlacementHoldEntity).insert(holds);
    return holds;
  }

  /** Holds an offer's places until `until` instead of the usual answer time (a planned action's window). */
  async extendHolds(manager: EntityManager, holdIds: string[], until: Date): Promise<void> {
    if (holdIds.length === 0) return;
    await manager.getRepository(PlacementHoldEntity).update({ id: In(holdIds) }, { expiresAt: until });
  }

  async markHoldReleased(manager: EntityManager, holdId: string): Promise<void> {
    await manager.getRepository(PlacementHoldEntity).update({ id: holdId }, { state: HoldState.RELEASED });
  }

  /** A parallel offer's hold another facility's acceptance released: when that was, for its staff to see. */
  async markHoldTakenElsewhere(manager: EntityManager, holdId: string, at: Date): Promise<void> {
    await manager.getRepository(PlacementHoldEntity).update({ id: holdId }, { takenElsewhereAt: at });
  }

  async markHoldAccepted(manager: EntityManager, holdId: string, at: Date, arriveBy: Date): Promise<void> {
    await manager
      .getRepository(PlacementHoldEntity)
      .update({ id: holdId }, { acceptedAt: at, expiresAt: arriveBy, answer: OfferAnswer.ACCEPTED, answeredAt: at });
  }

  /**
   * Records how facilities answered a request's open offer (issue 18): its held shares not yet
   * accepted, at `facilityIds` (null: every such share). A decline is timed; a lapse is no answer.
   */
  async markOffersAnswered(
    manager: EntityManager,
    requestId: string,
    answer: OfferAnswer.DECLINED | OfferAnswer.LAPSED,
    at: Date,
    options: { facilityIds: string[] | null; declineReason?: DeclineReason },
  ): Promise<void> {
    await manager.query(
      `UPDATE placement_holds
          SET answer = $2, answered_at = $3, decline_reason = $4
        WHERE request_id = $1 AND state = 'HELD' AND accepted_at IS NULL AND answer IS NULL
          AND ($5::uuid[] IS NULL OR facility_id = ANY($5::uuid[]))`,
      [
        requestId,
        answer,
        answer === OfferAnswer.DECLINED ? at : null,
        answer === OfferAnswer.DECLINED ? (options.declineReason ?? DeclineReason.NOT_CODED) : null,
        options.facilityIds,
      ],
    );
  }

  /** Some of an occupied share left: the places still there. */
  async shrinkHold(manager: EntityManager, holdId: string, places: number): Promise<void> {
    await manager.getRepository(PlacementHoldEntity).update({ id: holdId }, { places });
  }

  /** Accepted shares of a placed group that never arrived by their time (the sweep releases them). */
  overdueShares(now: Date): Promise<PlacementHoldEntity[]> {
    return this.dataSource
      .getRepository(PlacementHoldEntity)
      .createQueryBuilder('h')
      .innerJoin(PlacementRequestEntity, 'r', 'r.id = h.request_id')
      .where('h.state = :held AND h.expires_at <= :now AND r.status = :placed', {
        held: HoldState.HELD,
        now,
        placed: PlacementStatus.PLACED,
      })
      .take(BATCH)
      .getMany();
  }

  async markHoldOccupied(manager: EntityManager, holdId: string): Promise<void> {
    await manager.getRepository(PlacementHoldEntity).update({ id: holdId }, { state: HoldState.OCCUPIED, expiresAt: null });
  }

  // ---------------------------------------------------------------------------------------------
  // What the jobs look for

  lapsedOffers(manager: EntityManager, now: Date): Promise<PlacementRequestEntity[]> {
    return this.openedAll(
      manager.getRepository(PlacementRequestEntity).find({
        // An accepted place she never arrived at lapses like an offer (domain.md §5a).
        where: { status: In([PlacementStatus.OFFERED, PlacementStatus.ACCEPTED]), offerExpiresAt: LessThanOrEqual(now) },
        take: BATCH,
      }),
    );
  }

  dueWaiting(manager: EntityManager, now: Date): Promise<PlacementRequestEntity[]> {
    return this.openedAll(
      manager.getRepository(PlacementRequestEntity).find({
        where: { status: PlacementStatus.WAITING, nextAttemptAt: LessThanOrEqual(now) },
        take: BATCH,
      }),
    );
  }

  /**
   * Requests whose job was lost: received or matching untouched for `lostAfterMs`, or waiting for
   * capacity untried for `retryAfterMs`. Measured against the database's own time: `updated_at` is
   * written by the database, and a lost job is a fact of the machines (wall time), not of the
   * service's clock (which a test or a simulation sets elsewhere).
   */
  lost(manager: EntityManager, lostAfterMs: number, retryAfterMs: number): Promise<PlacementRequestEntity[]> {
    return this.openedAll(
      manager
        .getRepository(PlacementRequestEntity)
        .createQueryBuilder('r')
        .where('(r.status IN (:...active) AND r.updatedAt < now() - make_interval(secs => :lostAfterSeconds))', {
          active: [PlacementStatus.RECEIVED, PlacementStatus.MATCHING],
          lostAfterSeconds: lostAfterMs / 1000,
        })
        .orWhere(
          '(r.status = :waiting AND r.nextAttemptAt IS NULL AND r.updatedAt < now() - make_interval(secs => :retryAfterSeconds))',
          { waiting: PlacementStatus.WAITING, retryAfterSeconds: retryAfterMs / 1000 },
        )
        .take(BATCH)
        .getMany(),
    );
  }

  /** The ids of (at most a batch of) the requests matching `where`. */
  async idsWhere(where: object): Promise<string[]> {
    const rows = await this.dataSource.getRepository(PlacementRequestEntity).find({ where, select: { id: true }, take: BATCH });
    return rows.map((row) => row.id);
  }

  /**
   * Requests with a value sealed under a key other than the current one (after NOTES_KEY was
   * rotated), at most a batch: `resealed` moves them to the current key.
   */
  async staleSealedIds(): Promise<string[]> {
    const current = `${this.fields.sealedPrefix}%`;
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM placement_requests
        WHERE profile NOT LIKE $1 OR members NOT LIKE $1 OR facts NOT LIKE $1 OR responsible_municipality NOT LIKE $1
           OR client_reference NOT LIKE $1
        LIMIT ${BATCH}`,
      [current],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Seals a locked request's personal data again under the current key. Only the sealed columns
   * are written, and updated_at is left alone: nothing about the request changed. The
   * clientReference's lookup moves to the current key with its seal (the seal's key id says which
   * key the lookup is under: they are always written together).
   */
  async reseal(manager: EntityManager, request: PlacementRequestEntity): Promise<void> {
    const sealed = sealRequestColumns(this.fields, request);
    await manager
      .createQueryBuilder()
      .update(PlacementRequestEntity)
      .set({ ...sealed, updatedAt: () => '"updated_at"' })
      .where('id = :id', { id: request.id })
      .execute();
    Object.assign(request, sealed);
  }

  /**
   * Reseals under the current key a batch of history notes sealed under another (after a NOTES_KEY
   * rotation, or from before notes named their key); how many it resealed.
   */
  async resealNotes(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; note: string | null; params: string | null }[] = await manager.query(
        `SELECT id, note, note_params AS params FROM placement_events
          WHERE note NOT LIKE $1 OR note_params NOT LIKE $1
          ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [`${this.notes.sealedPrefix}%`],
      );
      const reseal = (sealed: string | null) => (sealed === null ? null : this.notes.seal(this.notes.open(sealed)));
      for (const row of rows) {
        await manager
          .getRepository(PlacementEventEntity)
          .update({ id: row.id }, { note: reseal(row.note), noteParams: reseal(row.params) });
      }
      // The sealed profile history is under the notes key too.
      const changes: { id: string; change: string }[] = await manager.query(
        `SELECT id, change FROM placement_profile_changes
          WHERE change NOT LIKE $1
          ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [`${this.notes.sealedPrefix}%`],
      );
      for (const row of changes)
        await manager.getRepository(ProfileChangeEntity).update({ id: row.id }, { change: reseal(row.change) });
      return rows.length + changes.length;
    });
  }

  /**
   * Forgets the implicit-retry keys of requests made before `before` (issue 15): past its window a key
   * never matches again, and kept for ever it would tie every keyless submission to its caller.
   * Plain SQL on purpose: forgetting a key is no change of the request (no history, no event), so
   * `updated_at`, which the reconciler reads, stays as it was. Returns how many were cleared.
   */
  async clearImplicitRetryKeys(before: Date): Promise<number> {
    const [, cleared]: [unknown, number] = await this.dataSource.query(
      `UPDATE placement_requests SET implicit_retry_key = NULL WHERE implicit_retry_key IS NOT NULL AND created_at < $1`,
      [before],
    );
    return cleared;
  }

  /** Ended or cancelled requests, profile not yet erased, that ended by `before` (at most a batch). */
  erasableIds(before: Date): Promise<string[]> {
    return this.idsWhere({
      status: In([PlacementStatus.ENDED, PlacementStatus.CANCELLED]),
      profileErasedAt: IsNull(),
      endedAt: LessThanOrEqual(before),
    });
  }

  /** Waiting requests that could be placed in one of `types` (any, without), most urgent and oldest first. */
  waiting(types?: readonly string[]): Promise<Pick<PlacementRequestEntity, 'id' | 'attempt' | 'urgency'>[]> {
    const query = this.dataSource
      .getRepository(PlacementRequestEntity)
      .createQueryBuilder('r')
      .select(['r.id', 'r.attempt', 'r.urgency'])
      .where('r.status = :waiting', { waiting: PlacementStatus.WAITING });
    if (types) query.andWhere("(r.types = '{}' OR r.types && CAST(:types AS shelter_type[]))", { types: [...new Set(types)] });
    return query.orderBy('r.urgency', 'ASC').addOrderBy('r.createdAt', 'ASC').take(200).getMany();
  }
}
