import { Injectable } from '@nestjs/common';
import type { Viewer } from '@opvangplek/access';
import { FacilityViews } from '@opvangplek/capacity';
import { RegionDirectory } from '@opvangplek/registry';
import { type QueryString, regionCodesParam } from './interop-params';
import type { ExportedFacility } from './mapping/exported-facility';

/**
 * The register as the open standards export it: the `facilities` query's own read and view for this
 * caller (FacilityViews), so roles, anonymity and withheld counts are the API's, not a copy of them.
 */
@Injectable()
export class RegisterExportService {
  constructor(
    private readonly views: FacilityViews,
    private readonly regionDirectory: RegionDirectory,
  ) {}

  /** The `region` parameter, checked against the register's regions. */
  async regionCodes(query: QueryString, name: string): Promise<string[] | null> {
    const known = (await this.regionDirectory.regions()).map((region) => region.code);
    return regionCodesParam(query, name, known);
  }

  /** Every facility the caller may list, in the register's stable order (pages stay put between requests). */
  facilities(viewer: Viewer, regionCodes: string[] | null): Promise<ExportedFacility[]> {
    return this.views.facilities(viewer, { regionCodes });
  }
}
