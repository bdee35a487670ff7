import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';
import { checkCapacityDrift, type CapacityDriftReport } from '../capacity-drift.check';
import { PlacementQueue } from '../placement-queue';

/**
 * The drift check in the running service: the sweep runs it, it logs what it repaired and what it
 * could not (facility ids and counts only), and re-tries those waiting where a repair freed places.
 * The metric opvangplek_capacity_drift (CapacityDriftMetrics) says between runs what drifts now.
 */
@Injectable()
export class CapacityDriftJob {
  private readonly logger = new Logger('CapacityDrift');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: PlacementQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<CapacityDriftReport> {
    const report = await checkCapacityDrift(this.dataSource, this.clock.now());
    for (const drift of report.repaired)
      this.logger.warn(`repaired facility ${drift.facilityId}: ${drift.reason}; set to ${drift.repairTo}`);
    for (const drift of report.unrepaired) this.logger.error(`capacity drift at facility ${drift.facilityId}: ${drift.reason}`);
    for (const { type, regionCode } of report.freed)
      await this.queue
        .enqueueRetry(type, regionCode)
        .catch((error: Error) => this.logger.warn(`re-try after a repair not queued: ${error.message}`));
    return report;
  }
}
