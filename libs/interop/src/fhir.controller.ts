import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { AccessOperation, HttpViewer, type Viewer } from '@opvangplek/access';
import { CLOCK, type Clock, InvalidInputError, Public } from '@opvangplek/platform';
import { assertOnly, MAX_PAGE_SIZE, type QueryString, wholeNumberParam } from './interop-params';
import type { ExportedFacility } from './mapping/exported-facility';
import { capabilityStatement, FHIR_CONTENT_TYPE, searchsetBundle, toFhirHealthcareService, toFhirLocation } from './mapping/fhir';
import { RegisterExportService } from './register-export.service';

type FhirRequest = { protocol: string; get(name: string): string | undefined };
type FhirResponse = { setHeader(name: string, value: string): void; send(body: string): void };

const SEARCH_PARAMETERS = ['region', '_count', '_offset', '_format'];
/** When what the CapabilityStatement says last changed. */
const CAPABILITY_DATE = '2026-12-06';
/** `_format` values that ask for what we answer (FHIR R4 http.html#mime-type). */
const JSON_FORMATS = ['json', 'application/json', 'application/fhir+json'];

/**
 * The register as HL7 FHIR R4 (issue 18): `GET /fhir/Location` and `GET /fhir/HealthcareService`
 * answer a searchset Bundle, one resource per facility, as `application/fhir+json`. The `facilities`
 * query's roles and view (@AccessOperation), with `Authorization: Bearer`; errors are an
 * OperationOutcome (FhirErrorAnswer); `GET /fhir/metadata` is the CapabilityStatement. Search parameters: `region` (codes), `_count` (entries per
 * page, up to 1000), `_offset` (where the page starts; the `next` link carries it), `_format=json`.
 */
@Controller('fhir')
export class FhirController {
  constructor(
    private readonly register: RegisterExportService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** What a FHIR client asks first: which resources and search parameters there are. Public: it names no facility. */
  @Public()
  @Get('metadata')
  metadata(@Res() response: FhirResponse): void {
    response.setHeader('Content-Type', `${FHIR_CONTENT_TYPE}; charset=utf-8`);
    response.send(JSON.stringify(capabilityStatement(CAPABILITY_DATE)));
  }

  @Get('Location')
  @AccessOperation('facilities')
  locations(
    @HttpViewer() viewer: Viewer,
    @Query() query: QueryString,
    @Req() request: FhirRequest,
    @Res() response: FhirResponse,
  ) {
    return this.search(viewer, query, request, response, 'Location', toFhirLocation);
  }

  @Get('HealthcareService')
  @AccessOperation('facilities')
  healthcareServices(
    @HttpViewer() viewer: Viewer,
    @Query() query: QueryString,
    @Req() request: FhirRequest,
    @Res() response: FhirResponse,
  ) {
    return this.search(viewer, query, request, response, 'HealthcareService', toFhirHealthcareService);
  }

  private async search<R extends { resourceType: string; id: string }>(
    viewer: Viewer,
    query: QueryString,
    request: FhirRequest,
    response: FhirResponse,
    resourceType: string,
    toResource: (facility: ExportedFacility) => R,
  ): Promise<void> {
    assertOnly(query, SEARCH_PARAMETERS);
    if (query._format !== undefined && !JSON_FORMATS.includes(String(query._format)))
      throw new InvalidInputError('_format', `_format may be ${JSON_FORMATS.join(', ')}: this server answers JSON only.`);
    const regionCodes = await this.register.regionCodes(query, 'region');
    const count = wholeNumberParam(query, '_count', { min: 0, max: MAX_PAGE_SIZE, fallback: MAX_PAGE_SIZE });
    const offset = wholeNumberParam(query, '_offset', { min: 0, max: 1_000_000, fallback: 0 });
    const facilities = await this.register.facilities(viewer, regionCodes);
    const baseUrl = `${request.protocol}://${request.get('host') ?? 'localhost'}/fhir`;
    const urlAt = (at: number) => {
      const search = new URLSearchParams();
      if (regionCodes) search.set('region', regionCodes.join(','));
      search.set('_count', String(count));
      search.set('_offset', String(at));
      return `${baseUrl}/${resourceType}?${search.toString()}`;
    };
    const bundle = searchsetBundle(facilities.slice(offset, offset + count).map(toResource), {
      total: facilities.length,
      baseUrl,
      selfUrl: urlAt(offset),
      nextUrl: count > 0 && offset + count < facilities.length ? urlAt(offset + count) : null,
      now: this.clock.now(),
    });
    response.setHeader('Content-Type', `${FHIR_CONTENT_TYPE}; charset=utf-8`);
    response.setHeader('Cache-Control', 'no-store');
    response.send(JSON.stringify(bundle));
  }
}
