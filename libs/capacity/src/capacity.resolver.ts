import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer, type Viewer } from '@opvangplek/access';
import { ShelterType } from '@opvangplek/domain';
import { CapacitySummaryModel } from './models/capacity-summary.model';
import {
  CLOCK,
  type Clock,
  InvalidInputError,
  EVENT_BUS,
  EventChannel,
  eventIterator,
  type EventBus,
} from '@opvangplek/platform';
import { FacilityModel } from '@opvangplek/registry';
import { CapacityFeed } from './capacity-feed';
import { isCapacityChangedEvent } from './capacity.events';
import { CapacityService } from './capacity.service';
import { FacilityViews } from './facility-views.service';
import { RegisterReader } from './register-reader';
import { UpdateCapacityInput } from './dto/update-capacity.input';
import { ConfirmAllCapacityResultModel } from './models/confirm-all-capacity.model';
import { FiguresNudgeModel } from './models/figures-nudge.model';

const MAX_FILTER_VALUES = 100;

@Resolver(() => FacilityModel)
export class CapacityResolver {
  constructor(
    private readonly capacity: CapacityService,
    private readonly views: FacilityViews,
    private readonly reader: RegisterReader,
    private readonly feed: CapacityFeed,
    @Inject(EVENT_BUS) private readonly events: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
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

  @Mutation(() => ConfirmAllCapacityResultModel, {
    description:
      '"Alles klopt nog": confirms the counts of every facility on your token (or of those of them named in facilityIds) at once, each as confirmCapacity would; lists what was confirmed and what was refused, and why.',
  })
  confirmAllCapacity(
    @CurrentViewer() viewer: Viewer,
    @Args('facilityIds', { type: () => [ID], nullable: true }) facilityIds?: string[] | null,
  ): Promise<ConfirmAllCapacityResultModel> {
    return this.capacity.confirmAll(viewer, facilityIds);
  }

  @Query(() => [FiguresNudgeModel], {
    description:
      'Your facilities whose figures are AGING, STALE or never confirmed: the shelter desk asks "klopt het nog?" (issue 18). Empty when all are fresh.',
  })
  figuresNudges(@CurrentViewer() viewer: Viewer): Promise<FiguresNudgeModel[]> {
    return this.capacity.figuresNudges(viewer);
  }

  @Subscription(() => FacilityModel, {
    description:
      'A facility whose capacity changed (from any API process), optionally only in these regions and kinds. A secret-address facility only to those who may locate it (its staff); everyone else follows it in regionCapacityChanged.',
    resolve: (facility: FacilityModel) => facility,
  })
  capacityChanged(
    @CurrentViewer() viewer: Viewer,
    @Args('regionCodes', { type: () => [ID], nullable: true }) regionCodes?: string[] | null,
    @Args('types', { type: () => [ShelterType], nullable: true }) types?: ShelterType[] | null,
    @Args('current', {
      type: () => Boolean,
      nullable: true,
      description:
        'First send every facility this subscription follows as it is now (a client that reconnects: what changed while it was away is in that state), then the changes.',
    })
    current?: boolean | null,
  ): AsyncIterableIterator<FacilityModel> {
    if ((regionCodes?.length ?? 0) > MAX_FILTER_VALUES) {
      throw new InvalidInputError('regionCodes', `regionCodes may hold at most ${MAX_FILTER_VALUES} codes`);
    }
    const now = () => this.clock.now();
    return eventIterator(
      this.events,
      EventChannel.CapacityChanged,
      async (payload) => {
        if (!isCapacityChangedEvent(payload)) return undefined;
        if (regionCodes?.length && !regionCodes.includes(payload.regionCode)) return undefined;
        if (types?.length && !types.includes(payload.type)) return undefined;
        // Read once per event in this process (CapacityFeed); what this subscriber may see of it
        // (addresses, counts, whether a secret facility is followed at all) is derived without the database.
        const facility = await this.feed.changedFacility(payload);
        return (facility && this.views.viewToFollow(viewer, facility, now())) ?? undefined;
      },
      {
        // The same view a change would send, of every facility followed, read after subscribing:
        // a change made meanwhile is in it or comes after it.
        initial: current
          ? async () =>
              (await this.reader.load({ regionCodes, types }))
                .map((facility) => this.views.viewToFollow(viewer, facility, now()))
                .filter((view): view is FacilityModel => view !== null)
          : undefined,
      },
    );
  }

  @Subscription(() => CapacitySummaryModel, {
    description:
      "The places of a region × kind (as capacityOverview gives them) each time they change, optionally only these regions and kinds: secret-address facilities' changes reach those who may not locate them only this way, in a band that changes only when their last free place is taken or the first frees (issue 12).",
    resolve: (summary: CapacitySummaryModel) => summary,
  })
  regionCapacityChanged(
    @Args('regionCodes', { type: () => [ID], nullable: true }) regionCodes?: string[] | null,
    @Args('types', { type: () => [ShelterType], nullable: true }) types?: ShelterType[] | null,
  ): AsyncIterableIterator<CapacitySummaryModel> {
    if ((regionCodes?.length ?? 0) > MAX_FILTER_VALUES) {
      throw new InvalidInputError('regionCodes', `regionCodes may hold at most ${MAX_FILTER_VALUES} codes`);
    }
    const release = this.feed.followAggregates();
    const iterator = eventIterator(this.events, EventChannel.CapacityChanged, async (payload) => {
      if (!isCapacityChangedEvent(payload)) return undefined;
      // Asked for every event, before this subscriber's filter: the feed compares each region × kind
      // with what it last sent, so it must see every change (see CapacityFeed.changedAggregate).
      const summary = await this.feed.changedAggregate(payload);
      if (!summary) return undefined;
      if (regionCodes?.length && !regionCodes.includes(summary.regionCode)) return undefined;
      if (types?.length && !types.includes(summary.type)) return undefined;
      const { regionCode: _code, ...model } = summary;
      return model;
    });
    const finish = iterator.return!.bind(iterator);
    iterator.return = async (value?: unknown) => {
      release();
      return finish(value);
    };
    return iterator;
  }
}
