import { openCapacities } from '@opvangplek/capacity';
import {
  emptyRegisterLoadReport,
  type LoadableFacility,
  type LoadableRegion,
  loadRegisterDefinitions,
  type MunicipalitySeed,
  type RegisterLoadReport,
} from '@opvangplek/registry';
import type { DataSource } from 'typeorm';

export interface LoadReport extends RegisterLoadReport {
  capacitiesInserted: number;
}

/** A report of a load that changed nothing. */
export function emptyLoadReport(): LoadReport {
  return { ...emptyRegisterLoadReport(), capacitiesInserted: 0 };
}

/**
 * Loads a register idempotently, in one transaction, in the two owners' steps: the registry writes
 * regions, municipalities and facility definitions (matched by code and key, rewritten only where
 * they differ); for each batch of facilities, capacity opens the counts of those that have none —
 * live counts that staff have since changed are never overwritten by a re-run. Loading the same
 * register twice changes nothing.
 *
 * `confirmedHoursAgo` gives each new facility's counts an age, so a demo register shows the spread
 * of fresh and stale figures a real one has; it is simulated, and the README says so.
 */
export async function loadRegister(
  dataSource: DataSource,
  register: {
    regions: readonly LoadableRegion[];
    facilities: readonly LoadableFacility[];
    /** The complete municipality list, when given: it replaces the table's (rows not in it are removed). */
    municipalities?: readonly MunicipalitySeed[];
  },
  options: {
    now: Date;
    confirmedHoursAgo?: (facility: LoadableFacility) => number | null;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<LoadReport> {
  let capacitiesInserted = 0;
  const report = await loadRegisterDefinitions(dataSource, register, {
    onProgress: options.onProgress,
    withEachBatch: async (manager, batch) => {
      const openings = batch.map((facility) => {
        const hoursAgo = options.confirmedHoursAgo?.(facility) ?? 0;
        const confirmedAt = hoursAgo === null ? null : new Date(options.now.getTime() - hoursAgo * 3_600_000);
        return { facilityId: facility.id, counts: facility.capacity, confirmedAt };
      });
      capacitiesInserted += await openCapacities(manager, openings, options.now);
    },
  });
  return { ...report, capacitiesInserted };
}
