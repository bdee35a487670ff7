import type { TransferFact } from '@opvangplek/domain';
import type { DataSource } from 'typeorm';

/** Every transfer requested in [from, to), by its reason (a code in the clear; the note is sealed). */
export async function readTransfers(dataSource: DataSource, filter: { from: Date; to: Date }): Promise<TransferFact[]> {
  return dataSource.query(
    `SELECT transfer_reason::text AS reason
       FROM placement_requests
      WHERE created_at >= $1 AND created_at < $2 AND transfer_reason IS NOT NULL`,
    [filter.from, filter.to],
  );
}
