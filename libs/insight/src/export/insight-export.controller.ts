import { Controller, Get, Query, Res } from '@nestjs/common';
import { AccessOperation } from '@opvangplek/access/access.decorators';
import { ShelterType, TimeBucket } from '@opvangplek/domain';
import { InsightService } from '../insight.service';
import type { CapacitySummaryModel } from '../models/capacity-summary.model';
import type { OccupancyPointModel } from '../models/occupancy-point.model';
import type { StatisticCountModel } from '../models/placement-statistics.model';
import type { UnmetDemandModel } from '../models/unmet-demand.model';
import { type CsvCell, type CsvColumn, toCsv } from './csv';
import { enumListParam, enumParam, instantParam, integerParam, listParam, type QueryString } from './export-params';

type CsvResponse = { setHeader(name: string, value: string): void; send(body: string): void };

/**
 * The planner figures as CSV files for spreadsheets (issue 6): the same data, arguments and
 * authorization as the GraphQL queries they mirror (@AccessOperation names the query), sent with
 * `Authorization: Bearer`. Never cached: they are counts of vulnerable people.
 */
@Controller('export')
export class InsightExportController {
  constructor(private readonly insight: InsightService) {}

  @Get('capacity-overview.csv')
  @AccessOperation('capacityOverview')
  async capacityOverview(@Query() query: QueryString, @Res() response: CsvResponse): Promise<void> {
    const rows = await this.insight.capacityOverview(listParam(query, 'regionCodes'), enumListParam(query, 'types', ShelterType));
    send(response, 'capacity-overview.csv', toCsv(CAPACITY_COLUMNS, rows));
  }

  @Get('occupancy-history.csv')
  @AccessOperation('occupancyHistory')
  async occupancyHistory(@Query() query: QueryString, @Res() response: CsvResponse): Promise<void> {
    const points = await this.insight.occupancyHistory({
      from: instantParam(query, 'from'),
      to: instantParam(query, 'to'),
      bucket: enumParam(query, 'bucket', TimeBucket),
      regionCodes: listParam(query, 'regionCodes'),
      types: enumListParam(query, 'types', ShelterType),
    });
    send(response, 'occupancy-history.csv', toCsv(OCCUPANCY_COLUMNS, points));
  }

  @Get('unmet-demand.csv')
  @AccessOperation('unmetDemand')
  async unmetDemand(@Query() query: QueryString, @Res() response: CsvResponse): Promise<void> {
    const report = await this.insight.unmetDemand({
      from: instantParam(query, 'from'),
      to: instantParam(query, 'to'),
      regionCodes: listParam(query, 'regionCodes'),
    });
    send(response, 'unmet-demand.csv', toCsv(MEASURE_COLUMNS, unmetDemandMeasures(report)));
  }

  @Get('placement-statistics.csv')
  @AccessOperation('placementStatistics')
  async placementStatistics(@Query() query: QueryString, @Res() response: CsvResponse): Promise<void> {
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
    ];
    send(response, `placement-statistics-${year}.csv`, toCsv(STATISTICS_COLUMNS, rows));
  }
}

function send(response: CsvResponse, filename: string, body: string): void {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  response.setHeader('Cache-Control', 'no-store');
  response.send(body);
}

const CAPACITY_COLUMNS: CsvColumn<CapacitySummaryModel>[] = [
  { header: 'region', value: (r) => r.region.code },
  { header: 'regionName', value: (r) => r.region.name },
  { header: 'type', value: (r) => r.type },
  { header: 'facilities', value: (r) => r.facilities },
  { header: 'total', value: (r) => r.total },
  { header: 'occupied', value: (r) => r.occupied },
  { header: 'held', value: (r) => r.held },
  { header: 'outOfService', value: (r) => r.outOfService },
  { header: 'available', value: (r) => r.available },
  { header: 'staleShare', value: (r) => r.staleShare },
];

const OCCUPANCY_COLUMNS: CsvColumn<OccupancyPointModel>[] = [
  { header: 'bucketStart', value: (p) => p.at },
  { header: 'region', value: (p) => p.regionCode },
  { header: 'type', value: (p) => p.type },
  { header: 'total', value: (p) => p.total },
  { header: 'occupied', value: (p) => p.occupied },
  { header: 'held', value: (p) => p.held },
  { header: 'outOfService', value: (p) => p.outOfService },
  { header: 'available', value: (p) => p.available },
  { header: 'peakOccupied', value: (p) => p.peakOccupied },
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

const MEASURE_COLUMNS: CsvColumn<Measure>[] = [
  { header: 'measure', value: (m) => m.measure },
  { header: 'region', value: (m) => m.region ?? null },
  { header: 'type', value: (m) => m.type ?? null },
  { header: 'reason', value: (m) => m.reason ?? null },
  { header: 'need', value: (m) => m.need ?? null },
  { header: 'value', value: (m) => m.value },
  // Set for counts of requests only; a suppressed count has an empty value and `true` here.
  { header: 'suppressed', value: (m) => m.suppressed ?? null },
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

const STATISTICS_COLUMNS: CsvColumn<{ dimension: string; key: string; count: number | null; suppressed: boolean }>[] = [
  { header: 'dimension', value: (c) => c.dimension },
  { header: 'key', value: (c) => c.key },
  { header: 'count', value: (c) => c.count },
  { header: 'suppressed', value: (c) => c.suppressed },
];
