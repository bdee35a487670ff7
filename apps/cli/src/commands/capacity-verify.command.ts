import { installAuditRowKey } from '@opvangplek/access';
import { checkCapacityDrift } from '@opvangplek/placement';
import { type AppConfig, auditKey } from '@opvangplek/platform';
import { withMigratedDatabase } from '../database-session';

/**
 * `npm run capacity:verify`: the drift check the sweep runs, on demand. Compares every facility's
 * `held` with its active holds and `occupied` with the stays the register placed there, repairs
 * what the ledger proves (listed), and exits 1 when drift remains that a person must settle.
 */
export async function capacityVerifyCommand(config: AppConfig): Promise<void> {
  await withMigratedDatabase(config, async (dataSource) => {
    // A repair writes an audit row, signed as the application signs its own.
    installAuditRowKey(dataSource, auditKey(config));
    const report = await checkCapacityDrift(dataSource, new Date());
    for (const drift of report.repaired)
      console.log(`Repaired facility ${drift.facilityId}: ${drift.reason}; ${drift.field} set to ${drift.repairTo}.`);
    for (const drift of report.unrepaired)
      console.error(`Drift at facility ${drift.facilityId}: ${drift.reason}. Not repaired: a person must look.`);
    if (report.unrepaired.length > 0) {
      console.error(
        `Capacity DRIFTS at ${new Set(report.unrepaired.map((drift) => drift.facilityId)).size} of ${report.checked} facilities (see above).`,
      );
      process.exitCode = 1;
    } else {
      console.log(`Capacity agrees with the ledger at all ${report.checked} facilities (${report.repaired.length} repaired).`);
    }
  });
}
