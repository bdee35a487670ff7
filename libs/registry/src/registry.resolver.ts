import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
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
