import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock } from '@opvangplek/platform';
import {
  regionKindKey,
  type RegionKindCapacity,
  sameRegionKindCapacity,
  summariseRegionKinds,
  type SummaryRegion,
  type LoadedFacility,
} from '@opvangplek/registry';
import { CapacityFeedMetrics } from './capacity-feed-metrics';
import type { CapacityChangedEvent } from './capacity.events';
import { RegisterReader } from './register-reader';

export type RegionKindSummary = RegionKindCapacity & { region: SummaryRegion };

/**
 * What the capacity subscriptions of this process need from the database, read once per event
 * however many subscribe (issue 12: 300 subscriptions made one change cost 300 reads). Every
 * subscriber's iterator is handed the same parsed payload object by the event bus (LocalFanOut),
 * so the reads are kept per event object: the first subscriber to handle an event starts the read,
 * the others await that same promise, and the entry goes with the event once all have handled it.
 * What each subscriber then sees is a pure function of that row and its viewer. The reads per
 * event are counted (CapacityFeedMetrics), so production shows they stay at one, not one per subscriber.
 */
@Injectable()
export class CapacityFeed {
  private readonly facilityReads = new WeakMap<object, Promise<LoadedFacility | null>>();
  private readonly aggregateReads = new WeakMap<object, Promise<RegionKindSummary | null>>();
  /** Events some subscriber of this process has handled, counted once each. */
  private readonly handled = new WeakSet<object>();
  /** What this process last sent per region × kind: an aggregate that did not change is not sent. */
  private lastSent = new Map<string, RegionKindSummary>();
  /** Aggregates are compared in the order events arrive, one at a time. */
  private aggregateQueue: Promise<unknown> = Promise.resolve();
  private aggregateSubscribers = 0;
  private baseline: Promise<void> | undefined;

  constructor(
    private readonly reader: RegisterReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: CapacityFeedMetrics,
  ) {}

  /** The facility an event is about, with its live capacity: one read per event in this process. */
  changedFacility(event: CapacityChangedEvent): Promise<LoadedFacility | null> {
    let read = this.facilityReads.get(event);
    if (!read) {
      this.countEvent(event);
      this.metrics.databaseRead('facility');
      read = this.reader.byIds([event.facilityId]).then(([facility]) => facility ?? null);
      this.facilityReads.set(event, read);
    }
    return read;
  }

  /**
   * The aggregate of the event's region × kind after it, or null when it tells nothing new: a hold
   * at a secret facility that leaves a place free anywhere in its region × kind changes nothing a
   * subscriber sees, so nothing is sent, and the moment of the request is not given away either.
   * One read per event in this process. Every aggregate subscriber asks for every event (before
   * its own filter), so the first request for an event comes in the order events arrive.
   */
  changedAggregate(event: CapacityChangedEvent): Promise<RegionKindSummary | null> {
    let read = this.aggregateReads.get(event);
    if (!read) {
      this.countEvent(event);
      const next = this.aggregateQueue.then(() => this.compareAggregate(event));
      this.aggregateQueue = next.catch(() => undefined);
      read = next;
      this.aggregateReads.set(event, read);
    }
    return read;
  }

  /**
   * Counts an aggregate subscriber for as long as it is subscribed. The first after none takes the
   * baseline afresh: what was last sent is stale once no event was compared against it, and a
   * change against a stale baseline would be sent with the next event's timing.
   */
  followAggregates(): () => void {
    if (this.aggregateSubscribers++ === 0) {
      this.lastSent = new Map();
      const taken = this.reader.load({}).then((facilities) => {
        for (const summary of this.summarise(facilities)) {
          const key = regionKindKey(summary.regionCode, summary.type);
          if (!this.lastSent.has(key)) this.lastSent.set(key, summary);
        }
      });
      this.baseline = taken.catch(() => undefined);
      this.aggregateQueue = this.aggregateQueue.then(() => this.baseline);
    }
    let released = false;
    return () => {
      if (!released) this.aggregateSubscribers--;
      released = true;
    };
  }

  /** The current aggregates of these regions and kinds, as capacityOverview answers. */
  summarise(facilities: readonly LoadedFacility[]): RegionKindSummary[] {
    return summariseRegionKinds(facilities, this.clock.now(), this.config.freshness);
  }

  private countEvent(event: CapacityChangedEvent): void {
    if (this.handled.has(event)) return;
    this.handled.add(event);
    this.metrics.eventHandled();
  }

  private async compareAggregate(event: CapacityChangedEvent): Promise<RegionKindSummary | null> {
    this.metrics.databaseRead('aggregate');
    const facilities = await this.reader.load({ regionCodes: [event.regionCode], types: [event.type] });
    const [summary] = this.summarise(facilities);
    if (!summary) return null;
    const key = regionKindKey(summary.regionCode, summary.type);
    if (sameRegionKindCapacity(this.lastSent.get(key), summary)) return null;
    this.lastSent.set(key, summary);
    return summary;
  }
}
