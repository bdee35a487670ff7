import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer } from '@opvangplek/access/access.decorators';
import type { Viewer } from '@opvangplek/access/viewer';
import { ShelterType } from '@opvangplek/domain';
import { EVENT_BUS, EventChannel, eventIterator, type EventBus } from '@opvangplek/platform/events';
import { FacilityModel } from '@opvangplek/registry/models/facility.model';
import { RegistryService } from '@opvangplek/registry/registry.service';
import { isCapacityChangedEvent } from './capacity.events';
import { CapacityService } from './capacity.service';
import { UpdateCapacityInput } from './dto/update-capacity.input';

@Resolver(() => FacilityModel)
export class CapacityResolver {
  constructor(
    private readonly capacity: CapacityService,
    private readonly registry: RegistryService,
    @Inject(EVENT_BUS) private readonly events: EventBus,
  ) {}

  @Mutation(() => FacilityModel, { description: "Shelter staff set their facility's counts." })
  updateCapacity(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateCapacityInput): Promise<FacilityModel> {
    return this.capacity.update(viewer, input);
  }

  @Mutation(() => FacilityModel, { description: '"Still true": confirms the counts without changing them.' })
  confirmCapacity(
    @CurrentViewer() viewer: Viewer,
    @Args('facilityId', { type: () => ID }) facilityId: string,
  ): Promise<FacilityModel> {
    return this.capacity.confirm(viewer, facilityId);
  }

  @Subscription(() => FacilityModel, {
    description: 'A facility whose capacity changed (from any API process), optionally only in these regions and kinds.',
    resolve: (facility: FacilityModel) => facility,
  })
  capacityChanged(
    @CurrentViewer() viewer: Viewer,
    @Args('regionCodes', { type: () => [ID], nullable: true }) regionCodes?: string[] | null,
    @Args('types', { type: () => [ShelterType], nullable: true }) types?: ShelterType[] | null,
  ): AsyncIterableIterator<FacilityModel> {
    return eventIterator(this.events, EventChannel.CapacityChanged, async (payload) => {
      if (!isCapacityChangedEvent(payload)) return undefined;
      if (regionCodes?.length && !regionCodes.includes(payload.regionCode)) return undefined;
      if (types?.length && !types.includes(payload.type)) return undefined;
      // Re-read as this subscriber: what they may see (addresses) is decided per viewer, and a
      // secret-address facility is followed live only by those who may locate it (its staff).
      return (await this.registry.facilityToFollow(viewer, payload.facilityId)) ?? undefined;
    });
  }
}
