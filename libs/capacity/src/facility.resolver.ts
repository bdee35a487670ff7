import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type Viewer } from '@opvangplek/access';
import { FacilityModel } from '@opvangplek/registry';
import { FacilityFilterInput } from './dto/facility-filter.input';
import { FacilityViews } from './facility-views.service';

/** The register's facilities with their live capacity: read here, where the counts are kept. */
@Resolver()
export class FacilityResolver {
  constructor(private readonly views: FacilityViews) {}

  @Query(() => [FacilityModel], { description: 'Facilities with live capacity, optionally filtered.' })
  facilities(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => FacilityFilterInput, nullable: true }) filter?: FacilityFilterInput | null,
  ): Promise<FacilityModel[]> {
    return this.views.facilities(viewer, filter ?? {});
  }

  @Query(() => FacilityModel, { nullable: true, description: 'One facility, or null when there is none with this id.' })
  facility(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<FacilityModel | null> {
    return this.views.facility(viewer, id);
  }
}
