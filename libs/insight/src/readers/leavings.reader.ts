import type { Leaving } from '@opvangplek/domain';
import type { DataSource } from 'typeorm';

/**
 * Every stay, or group member's part of one, that ended in [from, to): how many people left and
 * with which outcome (null when none was given). Steps before outcomes were recorded carry no
 * `people` and are not counted: an old end is not a NOT_RECORDED one.
 */
export async function readLeavings(dataSource: DataSource, filter: { from: Date; to: Date }): Promise<Leaving[]> {
  const rows: { outcome: string | null; people: number }[] = await dataSource.query(
    `SELECT outcome::text AS outcome, people
       FROM placement_events
      WHERE at >= $1 AND at < $2 AND note_code IN ('ENDED', 'LEFT') AND people IS NOT NULL`,
    [filter.from, filter.to],
  );
  return rows;
}
