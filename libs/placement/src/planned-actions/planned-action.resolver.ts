import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type Viewer } from '@opvangplek/access';
import { PlannedActionStatus } from '@opvangplek/domain';
import { PlannedActionInput } from './dto/planned-action.input';
import { FacilityReservationModel, PlannedActionModel } from './models/planned-action.model';
import { PlannedActionMapper } from './planned-action.mapper';
import { PlannedActionsService } from './planned-actions.service';

@Resolver(() => PlannedActionModel)
export class PlannedActionResolver {
  constructor(
    private readonly actions: PlannedActionsService,
    private readonly mapper: PlannedActionMapper,
  ) {}

  @Mutation(() => PlannedActionModel, {
    description:
      'Reserves places for a planned action (via the zorgcoördinator, 003:493-496) and answers at once whether everyone expected can be sheltered, and where the shortfall is.',
  })
  async planAction(@CurrentViewer() viewer: Viewer, @Args('input') input: PlannedActionInput): Promise<PlannedActionModel> {
    return (await this.mapper.render(viewer, [await this.actions.plan(viewer, input)]))[0];
  }

  @Mutation(() => PlannedActionModel, {
    description: 'Calls the action off: every reserved place at once, and its requests no shelter accepted yet. Safe to repeat.',
  })
  async cancelPlannedAction(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<PlannedActionModel> {
    return (await this.mapper.render(viewer, [await this.actions.cancel(viewer, id, reason)]))[0];
  }

  @Query(() => PlannedActionModel, { nullable: true, description: 'One planned action, or null when there is none you may see.' })
  async plannedAction(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PlannedActionModel | null> {
    const action = await this.actions.get(viewer, id);
    return action ? (await this.mapper.render(viewer, [action]))[0] : null;
  }

  @Query(() => [PlannedActionModel], { description: 'Planned actions you may see, soonest first.' })
  async plannedActions(
    @CurrentViewer() viewer: Viewer,
    @Args('status', { type: () => [PlannedActionStatus], nullable: true }) status?: PlannedActionStatus[] | null,
  ): Promise<PlannedActionModel[]> {
    return this.mapper.render(viewer, await this.actions.list(viewer, status ?? null));
  }

  @Query(() => [FacilityReservationModel], {
    description: 'Shelter staff: places reserved at your facility for planned actions, with their windows (empty for others).',
  })
  async facilityReservations(
    @CurrentViewer() viewer: Viewer,
    @Args('facilityId', { type: () => ID }) facilityId: string,
  ): Promise<FacilityReservationModel[]> {
    return (await this.actions.reservedPlaces(viewer, facilityId)).map((reservation) => ({
      facilityId: reservation.facilityId,
      places: reservation.places - reservation.converted - reservation.notHeld,
      startsAt: reservation.startsAt,
      endsAt: reservation.endsAt,
    }));
  }
}
