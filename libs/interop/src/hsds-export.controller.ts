import { Controller, Get, Query, Res } from '@nestjs/common';
import { AccessOperation, HttpViewer, type Viewer } from '@opvangplek/access';
import { assertOnly, MAX_PAGE_SIZE, type QueryString, wholeNumberParam } from './interop-params';
import { hsdsPage, toHsdsService } from './mapping/hsds';
import { RegisterExportService } from './register-export.service';

type JsonResponse = { setHeader(name: string, value: string): void; send(body: string): void };

/**
 * The register as Open Referral HSDS 3.1 (issue 18): `GET /export/hsds/services` answers as HSDS's
 * own API answers `GET /services`, a page of fully nested services, each with its `service_capacity`
 * where the caller may see the counts. The `facilities` query's roles and view (@AccessOperation),
 * with `Authorization: Bearer`. Parameters: `region` (codes), `page` (from 1), `per_page`.
 */
@Controller('export/hsds')
export class HsdsExportController {
  constructor(private readonly register: RegisterExportService) {}

  @Get('services')
  @AccessOperation('facilities')
  async services(@HttpViewer() viewer: Viewer, @Query() query: QueryString, @Res() response: JsonResponse): Promise<void> {
    assertOnly(query, ['region', 'page', 'per_page']);
    const regionCodes = await this.register.regionCodes(query, 'region');
    const perPage = wholeNumberParam(query, 'per_page', { min: 1, max: MAX_PAGE_SIZE, fallback: MAX_PAGE_SIZE });
    const page = wholeNumberParam(query, 'page', { min: 1, max: 1_000_000, fallback: 1 });
    const listed = hsdsPage(await this.register.facilities(viewer, regionCodes), page, perPage);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    // Never cached: the answer is this caller's view, and the counts move by the minute.
    response.setHeader('Cache-Control', 'no-store');
    response.send(JSON.stringify({ ...listed, contents: listed.contents.map(toHsdsService) }));
  }
}
