import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { audit, type Viewer } from '@opvangplek/access';
import {
  isRegistrationProblem,
  localDateOf,
  mayRegisterIn,
  registrationFacts,
  registrationMismatch,
  registrationRegionsVisibleTo,
  startOfLocalDay,
} from '@opvangplek/domain';
import {
  CLOCK,
  type Clock,
  assertUuid,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  isUniqueViolation,
} from '@opvangplek/platform';
import { PlacementRequestsService } from '@opvangplek/placement';
import { RegionDirectory } from '@opvangplek/registry';
import type { DataSource } from 'typeorm';
import type { RegisterVictimInput } from './dto/register-victim.input';
import { VictimRegistrationEntity } from './victim-registration.entity';

const MAX_PAGE = 200;
/** The index that keeps one registration per person of a request chain. */
const ONE_PER_MEMBER = 'victim_registrations_person_member';

export interface RegistrationFilter {
  regionCodes?: string[] | null;
  year?: number | null;
}

export interface RegistrationPage {
  nodes: VictimRegistrationEntity[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
}

/** Reporting victims to CoMensha (002:803) and reading the registration, each viewer within their scope. */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placements: PlacementRequestsService,
    private readonly regions: RegionDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async register(viewer: Viewer, input: RegisterVictimInput): Promise<VictimRegistrationEntity> {
    if (!(await this.regions.isRegion(input.regionCode)))
      throw new InvalidInputError(
        'regionCode',
        `regionCode ${input.regionCode.slice(0, 20)} is not a region: use the codes of the regions query (e.g. RR)`,
      );
    if (!mayRegisterIn(viewer, input.regionCode))
      throw new ForbiddenError(`you report to CoMensha for your own regions only (${viewer.regions.join(', ') || 'none'})`);
    const facts = registrationFacts(input);
    if (isRegistrationProblem(facts)) throw new InvalidInputError(facts.field, facts.message);
    const requestId = input.requestId ?? null;
    let people = 0;
    let personRequestId: string | null = null;
    if (requestId !== null) {
      assertUuid(requestId, 'requestId', 'a placement request id');
      // A request the viewer may not see is not there for them (no hint that it exists).
      const subject = await this.placements.registrationSubject(viewer, requestId);
      if (!subject) throw new NotFoundError(`no placement request ${requestId}`);
      // A move she has not arrived at (open, or called off) is not hers yet: registering her through
      // it would count her in a region she may never reach, and keep her own region from
      // registering her (red team N4, third pass F2).
      if (subject.moveNotArrived)
        throw new ConflictError(
          `placement request ${requestId} is a move she has not arrived at: register her through the request of the place she is or was in`,
        );
      // Counted where she is sheltered through it, whoever registers her (CoMensha may register in
      // any region, but not count her in one she never reached: red team, fourth pass N1).
      if (input.regionCode !== subject.regionCode)
        throw new InvalidInputError(
          'regionCode',
          `regionCode must be the region of the placement request she is registered with (${subject.regionCode})`,
        );
      const mismatch = registrationMismatch(facts, subject.profiles);
      if (mismatch) throw new InvalidInputError(mismatch.field, mismatch.message);
      people = subject.people;
      personRequestId = subject.chainRootId;
    }
    const now = this.clock.now();
    try {
      return await this.dataSource.transaction(async (manager) => {
        let member: number | null = null;
        if (requestId !== null) {
          // Her stay, her transfer and a cancelled transfer are one person: counted by her chain.
          const [{ count }]: { count: number }[] = await manager.query(
            'SELECT count(*)::int AS count FROM victim_registrations WHERE person_request_id = $1',
            [personRequestId],
          );
          if (count >= people)
            throw new ConflictError(
              `placement request ${requestId} is registered with CoMensha already, through it or another request of the same person (${count} of its ${people} ${people === 1 ? 'person' : 'people'})`,
            );
          // The next person of the request; two registering at once collide on the unique index, not double up.
          member = count + 1;
        }
        const saved = await manager.getRepository(VictimRegistrationEntity).save({
          ...facts,
          placementRequestId: requestId,
          personRequestId,
          member,
          registeredByOrg: viewer.org,
          registeredAt: now,
        });
        await audit(
          manager,
          { sub: viewer.sub, role: viewer.role, org: viewer.org },
          { action: 'registration.created', requestId: requestId ?? undefined, detail: `${saved.id} in ${facts.regionCode}` },
          now,
        );
        return saved;
      });
    } catch (error) {
      // Two coordinators registering the same request at once: the unique index decides, not a prior read.
      if (isUniqueViolation(error, ONE_PER_MEMBER))
        throw new ConflictError(
          `someone registered a person of placement request ${requestId} at the same moment: look at victimRegistrations and try again if she is not there`,
        );
      throw error;
    }
  }

  async page(viewer: Viewer, filter: RegistrationFilter, first: number, after: string | null): Promise<RegistrationPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw new InvalidInputError('first', `first must be a whole number from 1 to ${MAX_PAGE}`);
    if ((filter.regionCodes?.length ?? 0) > 100)
      throw new InvalidInputError('regionCodes', 'regionCodes may hold at most 100 codes');
    const cursor = after ? parseCursor(after) : null;
    const period = filter.year != null ? this.yearPeriod(filter.year) : null;
    const visible = registrationRegionsVisibleTo(viewer);
    // The scope is part of the SQL: rows outside it are never read, and the count is of what she may see.
    const conditions = ['($1::text[] IS NULL OR region_code = ANY($1))', '($2::text[] IS NULL OR region_code = ANY($2))'];
    const params: unknown[] = [visible === null ? null : [...visible], filter.regionCodes?.length ? filter.regionCodes : null];
    if (period) {
      params.push(period.from, period.to);
      conditions.push(`registered_at >= $${params.length - 1} AND registered_at < $${params.length}`);
    }
    const where = conditions.join(' AND ');
    const countRows: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) FROM victim_registrations WHERE ${where}`,
      params,
    );
    const pageParams = [...params];
    let pageWhere = where;
    if (cursor) {
      pageParams.push(cursor.at, cursor.id);
      pageWhere += ` AND (registered_at, id) < ($${pageParams.length - 1}, $${pageParams.length}::uuid)`;
    }
    pageParams.push(first + 1);
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM victim_registrations WHERE ${pageWhere} ORDER BY registered_at DESC, id DESC LIMIT $${pageParams.length}`,
      pageParams,
    );
    const rows = ids.length
      ? await this.dataSource
          .getRepository(VictimRegistrationEntity)
          .createQueryBuilder('r')
          .where('r.id IN (:...ids)', { ids: ids.map((row) => row.id) })
          .orderBy('r.registeredAt', 'DESC')
          .addOrderBy('r.id', 'DESC')
          .getMany()
      : [];
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    return {
      nodes,
      endCursor: last ? cursorOf(last) : null,
      hasNextPage: rows.length > first,
      totalCount: Number(countRows[0].count),
    };
  }

  private yearPeriod(year: number): { from: Date; to: Date } {
    const thisYear = localDateOf(this.clock.now()).year;
    if (!Number.isInteger(year) || year < 2020 || year > thisYear)
      throw new InvalidInputError('year', `year must be a year from 2020 to ${thisYear}; got ${year}.`);
    return { from: startOfLocalDay({ year, month: 1, day: 1 }), to: startOfLocalDay({ year: year + 1, month: 1, day: 1 }) };
  }
}

function cursorOf(row: VictimRegistrationEntity): string {
  return Buffer.from(`${row.registeredAt.toISOString()}|${row.id}`).toString('base64url');
}

function parseCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const when = new Date(at ?? '');
  if (!id || Number.isNaN(when.getTime()) || !/^[0-9a-f-]{36}$/i.test(id))
    throw new InvalidInputError('after', 'after must be an endCursor from an earlier page');
  return { at: when, id };
}
