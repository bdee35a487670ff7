import { Controller, Get, Query, Res } from '@nestjs/common';
import { AccessOperation, HttpViewer, type Viewer } from '@opvangplek/access';
import { type AvailabilityBand, DeclineReason, ShelterType, TimeBucket } from '@opvangplek/domain';
import { RegionDirectory } from '@opvangplek/registry';
import { InsightService } from '../insight.service';
import type { CapacitySummaryModel } from '@opvangplek/capacity';
import type { OccupancyPointModel } from '../models/occupancy-point.model';
import type { StatisticCountModel } from '../models/placement-statistics.model';
import type { StaleSharePointModel } from '../models/stale-share-point.model';
import type { UnmetDemandModel } from '../models/unmet-demand.model';
import type { OfferResponseFiguresModel, OfferResponsesModel } from '../models/offer-responses.model';
import { type CsvCell, type CsvColumn, type CsvDialect, toCsv } from './csv';
import {
  availabilityWords,
  dimensionWords,
  kindWords,
  measureWords,
  needWords,
  reasonWords,
  statisticKeyWords,
} from './dutch-words';
import { enumListParam, enumParam, formatParam, instantParam, integerParam, listParam, type QueryString } from './export-params';

type CsvResponse = { setHeader(name: string, value: string): void; send(body: string): void };

/**
 * The planner figures as CSV files for spreadsheets (issue 6): the same data, arguments and
 * authorization as the GraphQL queries they mirror (@AccessOperation names the query), sent with
 * `Authorization: Bearer`. Never cached: they are counts of vulnerable people. Each takes
 * `?format=excel-nl` for Dutch Excel (semicolons, BOM, Amsterdam times, words beside the codes);
 * without it the file is the standard, machine-readable one.
 */
@Controller('export')
export class InsightExportController {
  constructor(
    private readonly insight: InsightService,
    private readonly regionDirectory: RegionDirectory,
  ) {}

  @Get('capacity-overview.csv')
  @AccessOperation('capacityOverview')
  async capacityOverview(@Query() query: QueryString, @Res() response: CsvResponse): Promise<void> {
    const format = formatParam(query);
    const rows = await this.insight.capacityOverview(listParam(query, 'regionCodes'), enumListParam(query, 'types', ShelterType));
    send(response, 'capacity-overview.csv', toCsv(CAPACITY_COLUMNS, rows, format), format);
  }

  @Get('occupancy-history.csv')
  @AccessOperation('occupancyHistory')
  async occupancyHistory(@Query() query: QueryString, @Res() response: CsvResponse): Promise<void> {
    const format = formatParam(query);
    const points = await this.insight.occupancyHistory({
      from: instantParam(query, 'from'),
      to: instantParam(query, 'to'),
      bucket: enumParam(query, 'bucket', TimeBucket),
      regionCodes: listParam(query, 'regionCodes'),
      types: enumListParam(query, 'types', ShelterType),
    });
    const names = await this.regionNames();
    const columns = OCCUPANCY_COLUMNS(names);
    send(response, 'occupancy-history.csv', toCsv(columns, points, format), format);
  }

  @Get('stale-share-history.csv')
  @AccessOperation('staleShareHistory')
  async staleShareHistory(@Query() query: QueryString, @Res() response: CsvResponse): Promise<void> {
    const format = formatParam(query);
    const points = await this.insight.staleShareHistory({
      from: instantParam(query, 'from'),
      to: instantParam(query, 'to'),
      bucket: enumParam(query, 'bucket', TimeBucket),
      regionCodes: listParam(query, 'regionCodes'),
    });
    const columns = STALE_SHARE_COLUMNS(await this.regionNames());
    send(response, 'stale-share-history.csv', toCsv(columns, points, format), format);
  }

  @Get('unmet-demand.csv')
  @AccessOperation('unmetDemand')
  async unmetDemand(@Query() query: QueryString, @Res() response: CsvResponse): Promise<void> {
    const format = formatParam(query);
    const report = await this.insight.unmetDemand({
      from: instantParam(query, 'from'),
      to: instantParam(query, 'to'),
      regionCodes: listParam(query, 'regionCodes'),
    });
    const columns = MEASURE_COLUMNS(await this.regionNames());
    send(response, 'unmet-demand.csv', toCsv(columns, unmetDemandMeasures(report), format), format);
  }

  @Get('offer-responses.csv')
  @AccessOperation('offerResponses')
  async offerResponses(@HttpViewer() viewer: Viewer, @Query() query: QueryString, @Res() response: CsvResponse): Promise<void> {
    const format = formatParam(query);
    const report = await this.insight.offerResponses(viewer, {
      from: instantParam(query, 'from'),
      to: instantParam(query, 'to'),
      regionCodes: listParam(query, 'regionCodes'),
      types: enumListParam(query, 'types', ShelterType),
    });
    const columns = OFFER_RESPONSE_COLUMNS(await this.regionNames());
    send(response, 'offer-responses.csv', toCsv(columns, offerResponseLines(report), format), format);
  }

  @Get('placement-statistics.csv')
  @AccessOperation('placementStatistics')
  async placementStatistics(@Query() query: QueryString, @Res() response: CsvResponse): Promise<void> {
    const format = formatParam(query);
    const year = integerParam(query, 'year');
    const statistics = await this.insight.placementStatistics(year);
    const cells = (dimension: string, counts: StatisticCountModel[]) => counts.map((count) => ({ dimension, ...count }));
    const rows = [
      { dimension: 'total', key: 'placements', count: statistics.placements, suppressed: statistics.placements === null },
      ...cells('exploitationType', statistics.byExploitationType),
      ...cells('gender', statistics.byGender),
      ...cells('ageBand', statistics.byAgeBand),
      ...cells('shelterType', statistics.byShelterType),
      ...cells('region', statistics.byRegion),
      { dimension: 'total', key: 'left', count: statistics.left, suppressed: statistics.left === null },
      ...cells('outcome', statistics.byOutcome),
      { dimension: 'total', key: 'transfers', count: statistics.transfers, suppressed: statistics.transfers === null },
      ...cells('transferReason', statistics.transfersByReason),
    ];
    const columns = STATISTICS_COLUMNS(await this.regionNames());
    send(response, `placement-statistics-${year}.csv`, toCsv(columns, rows, format), format);
  }

  @Get('registration-statistics.csv')
  @AccessOperation('registrationStatistics')
  async registrationStatistics(@Query() query: QueryString, @Res() response: CsvResponse): Promise<void> {
    const format = formatParam(query);
    const year = integerParam(query, 'year');
    const statistics = await this.insight.registrationStatistics(year);
    const cells = (dimension: string, counts: StatisticCountModel[]) => counts.map((count) => ({ dimension, ...count }));
    const rows = [
      { dimension: 'total', key: 'registered', count: statistics.registered, suppressed: statistics.registered === null },
      ...cells('exploitationType', statistics.byExploitationType),
      ...cells('gender', statistics.byGender),
      ...cells('ageBand', statistics.byAgeBand),
      ...cells('nationalityGroup', statistics.byNationalityGroup),
      ...cells('signaller', statistics.bySignaller),
      ...cells('region', statistics.byRegion),
      ...cells('placement', statistics.byPlacement),
    ];
    const columns = STATISTICS_COLUMNS(await this.regionNames());
    send(response, `registration-statistics-${year}.csv`, toCsv(columns, rows, format), format);
  }

  private async regionNames(): Promise<RegionName> {
    const names = new Map((await this.regionDirectory.regions()).map((region) => [region.code, region.name]));
    return (code) => (code === null || code === undefined ? null : (names.get(code) ?? null));
  }
}

type RegionName = (code: string | null | undefined) => string | null;

function send(response: CsvResponse, filename: string, body: string, format: CsvDialect): void {
  // The Dutch file says so in its name, so the two never overwrite each other in Downloads.
  const name = format === 'excel-nl' ? filename.replace(/\.csv$/, '-excel.csv') : filename;
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  response.setHeader('Cache-Control', 'no-store');
  response.send(body);
}

const CAPACITY_COLUMNS: CsvColumn<CapacitySummaryModel>[] = [
  { header: 'region', nl: 'regio', value: (r) => r.region.code },
  { header: 'regionName', nl: 'regionaam', value: (r) => r.region.name },
  { header: 'type', value: (r) => r.type },
  { header: 'kind', nl: 'soort', excelOnly: true, value: (r) => kindWords(r.type) },
  { header: 'facilities', nl: 'locaties', value: (r) => r.facilities },
  { header: 'total', nl: 'totaal', value: (r) => r.total },
  { header: 'occupied', nl: 'bezet', value: (r) => r.occupied },
  { header: 'held', nl: 'gereserveerd', value: (r) => r.held },
  { header: 'outOfService', nl: 'buiten gebruik', value: (r) => r.outOfService },
  { header: 'available', nl: 'vrij', value: (r) => r.available },
  { header: 'staleShare', nl: 'aandeel verouderd', value: (r) => r.staleShare },
  // The sums above leave out secret-address facilities (their counts are their staff's only), so a
  // kind with only secret ones would read as 0 places: these say how many were left out and whether
  // they have a place free. Added at the end, so a machine reading by position keeps working; the
  // band is empty where there is no secret facility (the API says NONE there, which is not "full").
  { header: 'secretFacilities', nl: 'locaties met geheim adres (niet in de totalen)', value: (r) => r.secretFacilities },
  { header: 'secretAvailability', nl: 'geheim adres: beschikbaarheid', value: (r) => secretBand(r) },
  {
    header: 'secretAvailabilityWords',
    nl: 'geheim adres: in woorden',
    excelOnly: true,
    value: (r) => availabilityWords(secretBand(r)),
  },
  // Capacity ahead (issue 18), over the facilities with a public address like the sums above; at the
  // end, so a machine reading by position keeps working.
  { header: 'expectedFree24h', nl: 'verwacht vrij over 24 u', value: (r) => r.expectedFree24h ?? null },
  { header: 'expectedFree72h', nl: 'verwacht vrij over 72 u', value: (r) => r.expectedFree72h ?? null },
];

function secretBand(summary: CapacitySummaryModel): AvailabilityBand | null {
  return summary.secretFacilities > 0 ? summary.secretAvailability : null;
}

/**
 * The standard file keeps its columns (a machine reading it by position keeps working); the Dutch
 * one adds words, and says per line whether every facility had recorded figures by then.
 */
const OCCUPANCY_COLUMNS = (regionName: RegionName): CsvColumn<OccupancyPointModel>[] => [
  { header: 'bucketStart', nl: 'begin (Amsterdamse tijd)', value: (p) => p.at },
  { header: 'region', nl: 'regio', value: (p) => p.regionCode },
  { header: 'regionName', nl: 'regionaam', excelOnly: true, value: (p) => regionName(p.regionCode) },
  { header: 'type', value: (p) => p.type },
  { header: 'kind', nl: 'soort', excelOnly: true, value: (p) => kindWords(p.type) },
  { header: 'total', nl: 'totaal', value: (p) => p.total },
  { header: 'occupied', nl: 'bezet', value: (p) => p.occupied },
  { header: 'held', nl: 'gereserveerd', value: (p) => p.held },
  { header: 'outOfService', nl: 'buiten gebruik', value: (p) => p.outOfService },
  { header: 'available', nl: 'vrij', value: (p) => p.available },
  { header: 'peakOccupied', nl: 'hoogste bezetting', value: (p) => p.peakOccupied },
  { header: 'facilities', nl: 'locaties', excelOnly: true, value: (p) => p.facilities },
  { header: 'facilitiesWithHistory', nl: 'locaties met gegevens', excelOnly: true, value: (p) => p.facilitiesWithHistory },
  { header: 'complete', nl: 'volledig', excelOnly: true, value: (p) => p.complete },
];

const STALE_SHARE_COLUMNS = (regionName: RegionName): CsvColumn<StaleSharePointModel>[] => [
  { header: 'bucketStart', nl: 'begin (Amsterdamse tijd)', value: (p) => p.at },
  { header: 'region', nl: 'regio', value: (p) => p.regionCode },
  { header: 'regionName', nl: 'regionaam', excelOnly: true, value: (p) => regionName(p.regionCode) },
  { header: 'facilities', nl: 'locaties', value: (p) => p.facilities },
  { header: 'stale', nl: 'verouderd of nooit bevestigd', value: (p) => p.stale },
  { header: 'aging', nl: 'verouderend', value: (p) => p.aging },
  { header: 'staleShare', nl: 'aandeel verouderd', value: (p) => p.staleShare },
];

type Measure = {
  measure: string;
  region?: string;
  type?: string | null;
  reason?: string;
  need?: string;
  value: CsvCell;
  suppressed?: boolean;
};

const MEASURE_COLUMNS = (regionName: RegionName): CsvColumn<Measure>[] => [
  { header: 'measure', nl: 'maat', value: (m) => m.measure },
  { header: 'measureWords', nl: 'omschrijving', excelOnly: true, value: (m) => measureWords(m.measure) },
  { header: 'region', nl: 'regio', value: (m) => m.region ?? null },
  { header: 'regionName', nl: 'regionaam', excelOnly: true, value: (m) => regionName(m.region) },
  { header: 'type', value: (m) => m.type ?? null },
  { header: 'kind', nl: 'soort', excelOnly: true, value: (m) => kindWords(m.type) },
  { header: 'reason', nl: 'reden', value: (m) => m.reason ?? null },
  { header: 'reasonWords', nl: 'reden in woorden', excelOnly: true, value: (m) => reasonWords(m.reason) },
  { header: 'need', nl: 'behoefte', value: (m) => m.need ?? null },
  { header: 'needWords', nl: 'behoefte in woorden', excelOnly: true, value: (m) => needWords(m.need) },
  { header: 'value', nl: 'waarde', value: (m) => m.value },
  // Set for counts of requests only; a suppressed count has an empty value and `true` here.
  { header: 'suppressed', nl: 'onderdrukt', value: (m) => m.suppressed ?? null },
];

/** The report in long form, one figure per line, so a spreadsheet can pivot it. */
function unmetDemandMeasures(report: UnmetDemandModel): Measure[] {
  const count = (measure: string, value: number | null): Measure => ({ measure, value, suppressed: value === null });
  return [
    { measure: 'from', value: report.from },
    { measure: 'to', value: report.to },
    { measure: 'suppressionThreshold', value: report.suppressionThreshold },
    count('requests', report.requests),
    count('waited', report.waited),
    count('escalated', report.escalated),
    count('noodbedOverstays', report.noodbedOverstays),
    count('placedOutsideRegion', report.placedOutsideRegion),
    count('timeToOfferCount', report.timeToOffer.count),
    { measure: 'timeToOfferMedianMinutes', value: report.timeToOffer.medianMinutes },
    { measure: 'timeToOfferP90Minutes', value: report.timeToOffer.p90Minutes },
    count('timeToPlacementCount', report.timeToPlacement.count),
    { measure: 'timeToPlacementMedianMinutes', value: report.timeToPlacement.medianMinutes },
    { measure: 'timeToPlacementP90Minutes', value: report.timeToPlacement.p90Minutes },
    ...report.byReason.map((r) => ({ measure: 'waitedByReason', reason: r.reason, value: r.requests, suppressed: r.suppressed })),
    ...report.byNeed.map((n) => ({ measure: 'waitedByNeed', need: n.need, value: n.requests, suppressed: n.suppressed })),
    ...report.rows.map((r) => ({
      measure: 'waitedByRegionTypeReason',
      region: r.regionCode,
      type: r.type,
      reason: r.reason,
      value: r.requests,
      suppressed: r.suppressed,
    })),
  ];
}

type StatisticRow = { dimension: string; key: string; count: number | null; suppressed: boolean };

const STATISTICS_COLUMNS = (regionName: RegionName): CsvColumn<StatisticRow>[] => [
  { header: 'dimension', nl: 'naar', value: (c) => c.dimension },
  { header: 'dimensionWords', nl: 'naar in woorden', excelOnly: true, value: (c) => dimensionWords(c.dimension) },
  { header: 'key', nl: 'code', value: (c) => c.key },
  { header: 'keyWords', nl: 'omschrijving', excelOnly: true, value: (c) => statisticKeyWords(c.dimension, c.key, regionName) },
  { header: 'count', nl: 'aantal', value: (c) => c.count },
  { header: 'suppressed', nl: 'onderdrukt', value: (c) => c.suppressed },
];

type OfferResponseLine = {
  level: 'facility' | 'region' | 'secretFacilities';
  facilityId: string | null;
  facilityName: string | null;
  region: string | null;
  type: ShelterType;
  figures: OfferResponseFiguresModel;
};

/** One line per facility, region and kind, and kind of secret-address facilities, as offerResponses answers. */
function offerResponseLines(report: OfferResponsesModel): OfferResponseLine[] {
  return [
    ...report.facilities.map((f) => ({
      level: 'facility' as const,
      facilityId: f.facilityId,
      facilityName: f.facilityName,
      region: f.regionCode,
      type: f.type,
      figures: f.figures,
    })),
    ...report.regions.map((r) => ({
      level: 'region' as const,
      facilityId: null,
      facilityName: null,
      region: r.regionCode,
      type: r.type,
      figures: r.figures,
    })),
    ...report.secretFacilities.map((s) => ({
      level: 'secretFacilities' as const,
      facilityId: null,
      facilityName: null,
      region: null,
      type: s.type,
      figures: s.figures,
    })),
  ];
}

/** A suppressed count is an empty cell, with `suppressed` true on its line or beside it. */
const OFFER_RESPONSE_COLUMNS = (regionName: RegionName): CsvColumn<OfferResponseLine>[] => [
  { header: 'level', nl: 'niveau', value: (l) => l.level },
  { header: 'facilityId', nl: 'locatie-id', value: (l) => l.facilityId },
  { header: 'facilityName', nl: 'locatie', value: (l) => l.facilityName },
  { header: 'region', nl: 'regio', value: (l) => l.region },
  { header: 'regionName', nl: 'regionaam', excelOnly: true, value: (l) => regionName(l.region) },
  { header: 'type', value: (l) => l.type },
  { header: 'kind', nl: 'soort', excelOnly: true, value: (l) => kindWords(l.type) },
  { header: 'suppressed', nl: 'onderdrukt', value: (l) => l.figures.suppressed },
  { header: 'offers', nl: 'aanbiedingen', value: (l) => l.figures.offers },
  { header: 'accepted', nl: 'geaccepteerd', value: (l) => l.figures.accepted },
  { header: 'declined', nl: 'afgewezen', value: (l) => l.figures.declined },
  { header: 'lapsed', nl: 'verlopen', value: (l) => l.figures.lapsed },
  { header: 'withdrawn', nl: 'ingetrokken', value: (l) => l.figures.withdrawn },
  ...Object.values(DeclineReason).map((reason): CsvColumn<OfferResponseLine> => ({
    header: `declined_${reason}`,
    nl: `afgewezen: ${reason}`,
    value: (l) => l.figures.byReason.find((r) => r.reason === reason)?.offers ?? null,
  })),
  { header: 'medianMinutesToRespond', nl: 'mediaan reactietijd (min)', value: (l) => l.figures.minutesToRespond.medianMinutes },
  { header: 'p90MinutesToRespond', nl: 'p90 reactietijd (min)', value: (l) => l.figures.minutesToRespond.p90Minutes },
];
