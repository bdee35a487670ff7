import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type Viewer } from '@opvangplek/access';
import { FacilityFilterInput } from './dto/facility-filter.input';
import { FacilityModel } from './models/facility.model';
import { MunicipalityDirectoryService } from './municipality-directory.service';
import { RegionModel } from './models/region.model';
import { RegistryService } from './registry.service';

@Resolver()
export class RegistryResolver {
  constructor(private readonly registry: RegistryService) {}

  @Query(() => [RegionModel], { description: 'The 35 centrumgemeente regions.' })
  regions(): Promise<RegionModel[]> {
    return this.registry.regions();
  }

  @Query(() => [FacilityModel], { description: 'Facilities with live capacity, optionally filtered.' })
  facilities(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => FacilityFilterInput, nullable: true }) filter?: FacilityFilterInput | null,
  ): Promise<FacilityModel[]> {
    return this.registry.facilities(viewer, filter ?? {});
  }

  @Query(() => FacilityModel, { nullable: true, description: 'One facility, or null when there is none with this id.' })
  facility(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<FacilityModel | null> {
    return this.registry.facility(viewer, id);
  }
}

@Resolver(() => RegionModel)
export class RegionFieldsResolver {
  constructor(private readonly directory: MunicipalityDirectoryService) {}

  @ResolveField(() => [String], {
    description:
      "The region's municipalities (CBS names, 2026) from the municipality list; until the official division (RegioAtlas/VWS) is loaded, part of it is derived.",
  })
  async municipalities(@Parent() region: RegionModel): Promise<string[]> {
    return (await this.directory.directory())
      .municipalities()
      .filter((municipality) => municipality.regionCode === region.code)
      .map((municipality) => municipality.name)
      .sort((a, b) => a.localeCompare(b, 'nl'));
  }
}
