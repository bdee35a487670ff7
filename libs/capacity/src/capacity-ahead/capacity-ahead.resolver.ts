import { Context, Info, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { CapacityAhead } from '@opvangplek/domain';
import { CapacityModel } from '@opvangplek/registry';
import { CapacityAheadService, type FacilityForAhead } from './capacity-ahead.service';

/** One batch per GraphQL operation: the board's 200 facilities cost one read, not 200. */
interface Batch {
  context: object;
  waiting: Map<string, { facility: FacilityForAhead; settle: Array<(ahead: CapacityAhead | undefined) => void> }>;
  done: Map<string, Promise<CapacityAhead | undefined>>;
}

/**
 * `Capacity.expectedFree24h` / `expectedFree72h` (issue 18). Beside the counts, so they follow the
 * counts' visibility: a secret-address facility's capacity, and with it these, reach its own staff
 * only (issue 12). Resolved only when asked, and null in a subscription: `capacityChanged` sends
 * each subscriber a view derived without the database (CapacityFeed), one read per event whatever
 * the number of subscribers, and a read of stays per subscriber would undo that. The bed board keeps
 * the figures of its last read.
 */
@Resolver(() => CapacityModel)
export class CapacityAheadResolver {
  private readonly batches = new WeakMap<object, Batch>();

  constructor(private readonly capacityAhead: CapacityAheadService) {}

  @ResolveField('expectedFree24h', () => Int, {
    nullable: true,
    description:
      'Places expected free 24 hours from now: free now, plus stays expected to end and planned departures, less planned actions’ reservations then; places held now (offers, accepted arrivals) stay taken (issue 18). Null in subscriptions (capacityChanged follows the counts of now): read facility or facilities for it.',
  })
  async expectedFree24h(
    @Parent() capacity: CapacityModel,
    @Context() context: object,
    @Info() info: GraphQLResolveInfo,
  ): Promise<number | null> {
    return (await this.aheadOf(capacity, context, info))?.expectedFree24h ?? null;
  }

  @ResolveField('expectedFree72h', () => Int, {
    nullable: true,
    description: 'As expectedFree24h, 72 hours from now; null in subscriptions.',
  })
  async expectedFree72h(
    @Parent() capacity: CapacityModel,
    @Context() context: object,
    @Info() info: GraphQLResolveInfo,
  ): Promise<number | null> {
    return (await this.aheadOf(capacity, context, info))?.expectedFree72h ?? null;
  }

  private aheadOf(capacity: CapacityModel, context: object, info: GraphQLResolveInfo): Promise<CapacityAhead | undefined> {
    const id = capacity.facilityId;
    if (!id || info.operation.operation === 'subscription') return Promise.resolve(undefined);
    let batch = this.batches.get(context);
    if (!batch) {
      batch = { context, waiting: new Map(), done: new Map() };
      this.batches.set(context, batch);
    }
    const known = batch.done.get(id);
    if (known) return known;
    const current = batch;
    const promise = new Promise<CapacityAhead | undefined>((settle) => {
      const entry = current.waiting.get(id) ?? { facility: { id, capacity }, settle: [] };
      entry.settle.push(settle);
      current.waiting.set(id, entry);
      // The sibling fields of a list resolve in the same turn: read them all together after it.
      if (current.waiting.size === 1 && entry.settle.length === 1) setImmediate(() => void this.flush(current));
    });
    batch.done.set(id, promise);
    return promise;
  }

  private async flush(batch: Batch): Promise<void> {
    const entries = [...batch.waiting.values()];
    batch.waiting.clear();
    // One batch per turn: a later operation in the same context (a socket's next one) reads again.
    if (this.batches.get(batch.context) === batch) this.batches.delete(batch.context);
    try {
      const aheads = await this.capacityAhead.ofFacilities(entries.map((entry) => entry.facility));
      for (const entry of entries) for (const settle of entry.settle) settle(aheads.get(entry.facility.id));
    } catch {
      // A figure ahead is a forecast: when it cannot be read, the counts of now still answer.
      for (const entry of entries) for (const settle of entry.settle) settle(undefined);
    }
  }
}
