import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AGE_BANDS,
  bucketStarts,
  ExploitationType,
  Gender,
  addDays,
  localDateOf,
  NationalityGroup,
  registrationStatistics,
  registrationsCountedUntil,
  SignallerKind,
  outcomeStatistics,
  transferStatistics,
  placementStatistics,
  publishUnmetDemand,
  exactOfferResponses,
  type OfferResponseTally,
  publishOfferResponses,
  publishOfferResponseSum,
  publishSecretOfferResponses,
  type PublishedOfferResponses,
  Role,
  SMALL_COUNT_THRESHOLD,
  tallyOfferResponses,
  replayOccupancy,
  replayStaleShare,
  ShelterType,
  startOfLocalDay,
  summariseUnmetDemand,
  TimeBucket,
} from '@opvangplek/domain';
import {
  APP_CONFIG,
  type AppConfig,
  CLOCK,
  type Clock,
  FIELD_CIPHER,
  type FieldCipher,
  ForbiddenError,
  InvalidInputError,
} from '@opvangplek/platform';
import type { Viewer } from '@opvangplek/access';
import { regionKindKey, summariseRegionKinds, RegionDirectory } from '@opvangplek/registry';
import type { DataSource } from 'typeorm';
import type { OccupancyPointModel } from './models/occupancy-point.model';
import type { StaleSharePointModel } from './models/stale-share-point.model';
import type { PlacementStatisticsModel } from './models/placement-statistics.model';
import { INSIGHT_OPTIONS, type InsightOptions } from './insight-options';
import type { UnmetDemandModel } from './models/unmet-demand.model';
import { readConfirmations } from './readers/confirmations.reader';
import { readDemand } from './readers/demand.reader';
import { historyFacilities, readRecordedHistory } from './readers/occupancy-history.reader';
import { readLeavings } from './readers/leavings.reader';
import { readPlacements } from './readers/placements.reader';
import { readTransfers } from './readers/transfers.reader';
import { readRegistrations } from './readers/registrations.reader';
import type { RegistrationStatisticsModel } from './models/registration-statistics.model';
import { CapacityAheadService, type CapacitySummaryModel, regionKindAheads, RegisterReader } from '@opvangplek/capacity';
import type { FacilityOfferResponsesModel, MyOfferResponsesModel, OfferResponsesModel } from './models/offer-responses.model';
import { type NamedOfferRecord, readOfferResponses } from './readers/offer-responses.reader';

const MAX_FILTER_VALUES = 100;
/** Points in one occupancy answer (buckets × regions × kinds): a year by day for every region fits. */
export const MAX_OCCUPANCY_POINTS = 60_000;
const MAX_PERIOD_DAYS = 400;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The register's records start here; earlier years have nothing to count. */
const FIRST_STATISTICS_YEAR = 2020;
/** The period a shelter's own figures cover when it asks for none ("uw reactietijd"). */
const OWN_FIGURES_DAYS = 30;

export interface Period {
  from: Date;
  to: Date;
}

/**
 * Aggregates for planners and CoMensha (issue 6). Never returns a facility's identity, a request or
 * a person: sums of places per region and kind, and counts of requests and people with small ones
 * suppressed (small-counts.ts) over periods of at least a day. The arithmetic is the pure domain
 * core's (libs/domain/src/insight); this reads rows and checks the question.
 */
@Injectable()
export class InsightService {
  constructor(
    private readonly register: RegisterReader,
    private readonly regionDirectory: RegionDirectory,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(INSIGHT_OPTIONS) private readonly options: InsightOptions,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    private readonly capacityAhead: CapacityAheadService,
  ) {}

  async capacityOverview(regionCodes?: string[] | null, types?: ShelterType[] | null): Promise<CapacitySummaryModel[]> {
    // An unknown code is said so, not answered with an empty overview (red team F7).
    const facilities = await this.register.load({ regionCodes: await this.knownRegionCodes(regionCodes), types });
    const aheads = regionKindAheads(facilities, await this.capacityAhead.ofFacilities(facilities));
    // Secret-address facilities in a band only (capacity-disclosure.ts): their exact sum, less the
    // public facilities everyone sees, would be one secret facility's live counts (issue 12).
    return summariseRegionKinds(facilities, this.clock.now(), this.config.freshness).map(({ regionCode, ...summary }) => ({
      ...summary,
      ...aheads.get(regionKindKey(regionCode, summary.type)),
    }));
  }

  async occupancyHistory(
    filter: { regionCodes?: string[] | null; types?: ShelterType[] | null; bucket?: TimeBucket | null } & Period,
  ): Promise<OccupancyPointModel[]> {
    const regionCodes = await this.knownRegionCodes(filter.regionCodes);
    const types = filter.types?.length ? filter.types : null;
    const bucket = filter.bucket ?? TimeBucket.DAY;
    // The future has no history yet: the last bucket ends now.
    const { from, to } = this.checkPeriod(filter, { clampToNow: true });
    const starts = bucketStarts(from, to, bucket, MAX_OCCUPANCY_POINTS);
    const facilities = historyFacilities(await this.register.load({ regionCodes, types }));
    const groups = new Set(facilities.map((f) => `${f.regionCode}|${f.type}`)).size;
    if (starts.length * groups > MAX_OCCUPANCY_POINTS) {
      throw new InvalidInputError(
        'bucket',
        `That is ${starts.length} ${bucket.toLowerCase()} buckets for ${groups} regions and kinds, more than ${MAX_OCCUPANCY_POINTS} points: choose a coarser bucket, a shorter period, or fewer regions or kinds.`,
      );
    }
    // Checked before the history is read: a question too fine costs no history scan.
    const history = await readRecordedHistory(this.dataSource, {
      facilityIds: facilities.map((f) => f.facilityId),
      from: starts[0] ?? from,
      to,
    });
    return replayOccupancy(facilities, history.initial, history.changes, starts, to);
  }

  /**
   * Each region's stale share over time (issue 18), replayed from the confirmations in the capacity
   * history with the live figure's own rule (replayStaleShare): no recorder to run, and a past
   * period answers as soon as it is asked. Buckets end at `to` or now, whichever is earlier.
   */
  async staleShareHistory(
    filter: { regionCodes?: string[] | null; bucket?: TimeBucket | null } & Period,
  ): Promise<StaleSharePointModel[]> {
    const regionCodes = await this.knownRegionCodes(filter.regionCodes);
    const bucket = filter.bucket ?? TimeBucket.DAY;
    const { from, to } = this.checkPeriod(filter, { clampToNow: true });
    const starts = bucketStarts(from, to, bucket, MAX_OCCUPANCY_POINTS);
    const regions = regionCodes?.length ?? (await this.regionDirectory.regions()).length;
    if (starts.length * regions > MAX_OCCUPANCY_POINTS) {
      throw new InvalidInputError(
        'bucket',
        `That is ${starts.length} ${bucket.toLowerCase()} buckets for ${regions} regions, more than ${MAX_OCCUPANCY_POINTS} points: choose a coarser bucket, a shorter period, or fewer regions.`,
      );
    }
    const registered = await this.register.load({ regionCodes });
    const facilities = await readConfirmations(this.dataSource, registered, { from: starts[0] ?? from, to });
    return replayStaleShare(facilities, starts, to, this.config.freshness);
  }

  async unmetDemand(filter: { regionCodes?: string[] | null } & Period): Promise<UnmetDemandModel> {
    const regionCodes = await this.knownRegionCodes(filter.regionCodes);
    const days = this.wholeDaysOfRequests(filter);
    const records = await readDemand(this.dataSource, this.cipher, { ...days, regionCodes });
    return { ...days, ...publishUnmetDemand(summariseUnmetDemand(records)) };
  }

  /**
   * Shelters' response figures for CoMensha and planners (issue 18): per region and kind, per
   * public-address facility, and the secret-address facilities of each kind together, nationally
   * and never one by name. A region's figure is shown only where all its facilities' are
   * (offer-responses.ts), so a hidden facility is not its region's figure less the shown ones; the
   * secret lines add up to no shown line. Planners and coordinators ask for their own regions only.
   */
  async offerResponses(
    viewer: Viewer,
    filter: { regionCodes?: string[] | null; types?: ShelterType[] | null } & Period,
  ): Promise<OfferResponsesModel> {
    const regionCodes = this.regionsOf(viewer, await this.knownRegionCodes(filter.regionCodes));
    const types = filter.types?.length ? filter.types : null;
    const days = this.wholeDaysOfRequests(filter);
    // The secret-address facilities are read nationally, whatever regions were asked (publishSecretOfferResponses).
    const [open, secret] = await Promise.all([
      readOfferResponses(this.dataSource, { ...days, regionCodes, types, secretAddress: false }),
      readOfferResponses(this.dataSource, { ...days, regionCodes: null, types, secretAddress: true }),
    ]);
    const records = [...open, ...secret];
    const lines = new Map<string, NamedOfferRecord[]>();
    const add = (key: string, record: NamedOfferRecord) => {
      const line = lines.get(key);
      if (line) line.push(record);
      else lines.set(key, [record]);
    };
    const facilityKey = (id: string) => `facility:${id}`;
    const regionKey = (regionCode: string, type: ShelterType) => `region:${regionCode}|${type}`;
    const secretKey = (type: ShelterType) => `secret:${type}`;
    for (const record of records) {
      if (record.secretAddress) add(secretKey(record.type), record);
      else {
        add(facilityKey(record.facilityId), record);
        add(regionKey(record.regionCode, record.type), record);
      }
    }
    const tallies = new Map<string, OfferResponseTally>([...lines].map(([key, line]) => [key, tallyOfferResponses(line)]));
    const published = new Map<string, PublishedOfferResponses>();
    for (const [key, tally] of tallies) {
      if (key.startsWith('facility:')) published.set(key, publishOfferResponses(tally));
      if (key.startsWith('secret:'))
        published.set(key, publishSecretOfferResponses(tally, new Set(lines.get(key)!.map((r) => r.facilityId)).size));
    }
    for (const key of tallies.keys()) {
      if (!key.startsWith('region:')) continue;
      const parts = [...new Set(lines.get(key)!.map((record) => facilityKey(record.facilityId)))];
      published.set(
        key,
        publishOfferResponseSum(parts.map((part) => ({ tally: tallies.get(part)!, published: published.get(part)! }))),
      );
    }
    const first = (key: string) => lines.get(key)![0];
    const keys = [...lines.keys()].sort();
    return {
      ...days,
      suppressionThreshold: SMALL_COUNT_THRESHOLD,
      regions: keys
        .filter((key) => key.startsWith('region:'))
        .map((key) => ({ regionCode: first(key).regionCode, type: first(key).type, figures: published.get(key)! }))
        .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.type.localeCompare(b.type)),
      facilities: keys
        .filter((key) => key.startsWith('facility:'))
        .map((key) => ({ ...facilityOf(first(key)), figures: published.get(key)! }))
        .sort(
          (a, b) =>
            a.regionCode.localeCompare(b.regionCode) ||
            a.type.localeCompare(b.type) ||
            a.facilityName.localeCompare(b.facilityName),
        ),
      secretFacilities: keys
        .filter((key) => key.startsWith('secret:'))
        .map((key) => ({ type: first(key).type, figures: published.get(key)! })),
    };
  }

  /**
   * A shelter's own figures, exact (its staff saw every one of these offers): "uw reactietijd".
   * Without a period, the last 30 days up to now.
   */
  async myOfferResponses(viewer: Viewer, period: { from?: Date | null; to?: Date | null }): Promise<MyOfferResponsesModel> {
    if (viewer.role !== Role.SHELTER_STAFF) throw new ForbiddenError("Only a facility's own staff see its own response figures.");
    const now = this.clock.now();
    const to = period.to ?? now;
    const from = period.from ?? new Date(to.getTime() - OWN_FIGURES_DAYS * DAY_MS);
    const checked = this.checkPeriod({ from, to }, { clampToNow: true });
    const facilityIds = viewer.facilityIds;
    if (facilityIds.length === 0) return { ...checked, facilities: [] };
    const [facilities, records] = await Promise.all([
      this.register.load({ ids: facilityIds }),
      readOfferResponses(this.dataSource, { ...checked, regionCodes: null, types: null, facilityIds }),
    ]);
    return {
      ...checked,
      facilities: facilities
        .map((facility) => ({
          facilityId: facility.id,
          facilityName: facility.name,
          type: facility.type,
          regionCode: facility.regionCode,
          figures: exactOfferResponses(tallyOfferResponses(records.filter((record) => record.facilityId === facility.id))),
        }))
        .sort((a, b) => a.facilityName.localeCompare(b.facilityName)),
    };
  }

  /** CoMensha and ADMIN: every region; planners and coordinators: their own regions only. */
  private regionsOf(viewer: Viewer, asked: string[] | null): string[] | null {
    if (viewer.role === Role.COMENSHA || viewer.role === Role.ADMIN) return asked;
    const own = viewer.regions.map((code) => code.toUpperCase());
    if (!asked) return own;
    const outside = asked.filter((code) => !own.includes(code.toUpperCase()));
    if (outside.length > 0) {
      throw new ForbiddenError(
        `regionCodes: ${outside.slice(0, 5).join(', ')} ${outside.length > 1 ? 'are' : 'is'} not among your regions (${own.join(', ') || 'none'}).`,
      );
    }
    return asked.map((code) => code.toUpperCase());
  }

  /**
   * The period of a question about requests, as whole Amsterdam days of at least the minimum length:
   * a narrow window isolates one request, and two windows a moment apart would differ by exactly
   * the request made in that moment, singling her out (issue 12).
   */
  private wholeDaysOfRequests(period: Period): Period {
    const { from, to } = this.checkPeriod(period, { clampToNow: false });
    const minimumHours = this.options.minimumPeriodHours;
    if (to.getTime() - from.getTime() < minimumHours * HOUR_MS) {
      throw new InvalidInputError(
        'to',
        `The period from \`from\` to \`to\` must span at least ${minimumHours} hours${minimumHours % 24 === 0 ? ` (${minimumHours / 24} day${minimumHours === 24 ? '' : 's'})` : ''}: a shorter one could single out a request.`,
      );
    }
    return wholeLocalDays(from, to);
  }

  async placementStatistics(year: number): Promise<PlacementStatisticsModel> {
    const { from, to } = this.statisticsYear(year);
    const [placements, leavings, transfers, regions] = await Promise.all([
      readPlacements(this.dataSource, this.cipher, { from, to }),
      readLeavings(this.dataSource, { from, to }),
      readTransfers(this.dataSource, { from, to }),
      this.regionDirectory.regions(),
    ]);
    const statistics = placementStatistics(placements, {
      exploitationTypes: Object.values(ExploitationType),
      genders: Object.values(Gender),
      ageBands: AGE_BANDS,
      types: Object.values(ShelterType),
      regionCodes: regions.map((region) => region.code),
    });
    return { year, ...statistics, ...outcomeStatistics(leavings), ...transferStatistics(transfers) };
  }

  /** People registered with CoMensha in the year, placed or not, with the same suppression (issue 14). */
  async registrationStatistics(year: number): Promise<RegistrationStatisticsModel> {
    const wholeYear = this.statisticsYear(year);
    const until = registrationsCountedUntil(this.clock.now());
    const period = { from: wholeYear.from, to: until < wholeYear.to ? until : wholeYear.to };
    const [people, regions] = await Promise.all([readRegistrations(this.dataSource, period), this.regionDirectory.regions()]);
    const statistics = registrationStatistics(people, {
      exploitationTypes: Object.values(ExploitationType),
      genders: Object.values(Gender),
      ageBands: AGE_BANDS,
      nationalityGroups: Object.values(NationalityGroup),
      signallers: Object.values(SignallerKind),
      regionCodes: regions.map((region) => region.code),
    });
    return { year, countedUntil: period.to, ...statistics };
  }

  /** A year as Amsterdam counts it: from local midnight on 1 January. */
  private statisticsYear(year: number): Period {
    const thisYear = localDateOf(this.clock.now()).year;
    if (!Number.isInteger(year) || year < FIRST_STATISTICS_YEAR || year > thisYear) {
      throw new InvalidInputError('year', `year must be a year from ${FIRST_STATISTICS_YEAR} to ${thisYear}; got ${year}.`);
    }
    return { from: startOfLocalDay({ year, month: 1, day: 1 }), to: startOfLocalDay({ year: year + 1, month: 1, day: 1 }) };
  }

  /** The asked region codes, each one known; null for "every region". */
  private async knownRegionCodes(regionCodes?: string[] | null): Promise<string[] | null> {
    if (!regionCodes?.length) return null;
    if (regionCodes.length > MAX_FILTER_VALUES)
      throw new InvalidInputError('regionCodes', `regionCodes may hold at most ${MAX_FILTER_VALUES} codes`);
    const unknown: string[] = [];
    for (const code of regionCodes) if (!(await this.regionDirectory.isRegion(code))) unknown.push(code);
    if (unknown.length > 0) {
      throw new InvalidInputError(
        'regionCodes',
        `Unknown region code${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).join(', ')}: use the codes of the regions query (e.g. RR, AMS).`,
      );
    }
    return regionCodes;
  }

  private checkPeriod(period: Period, options: { clampToNow: boolean }): Period {
    const now = this.clock.now();
    if (!(period.from < period.to)) throw new InvalidInputError('to', '`to` must be later than `from`.');
    if (period.to.getTime() - period.from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
      throw new InvalidInputError('to', `A period may span at most ${MAX_PERIOD_DAYS} days; ask for several shorter periods.`);
    }
    if (period.from > now) throw new InvalidInputError('from', '`from` is in the future: there is no history there yet.');
    return { from: period.from, to: options.clampToNow && period.to > now ? now : period.to };
  }
}

/** The smallest span of whole Europe/Amsterdam days that holds [from, to). */
function wholeLocalDays(from: Date, to: Date): { from: Date; to: Date } {
  const start = startOfLocalDay(localDateOf(from));
  const lastDay = startOfLocalDay(localDateOf(to));
  return { from: start, to: lastDay.getTime() === to.getTime() ? to : startOfLocalDay(addDays(localDateOf(to), 1)) };
}

function facilityOf(record: NamedOfferRecord): Omit<FacilityOfferResponsesModel, 'figures'> {
  return { facilityId: record.facilityId, facilityName: record.facilityName, type: record.type, regionCode: record.regionCode };
}
