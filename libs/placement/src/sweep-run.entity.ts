import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last completed sweep (one row): what operators alert on. The sweep is the safety net that
 * escalates, lapses offers and re-queues lost requests; if no worker runs it, nothing else says so.
 * Written by the worker that ran it, read by every API process's `/metrics`.
 */
@Entity({ name: 'sweep_runs' })
export class SweepRunEntity {
  /** Which sweep: `placement` (the only one so far). */
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'sweep_runs_pkey' })
  name: string;

  /** When it finished, by the database's clock (wall time, like the alert that reads it). */
  @Column({ name: 'finished_at', type: 'timestamptz' })
  finishedAt: Date;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;

  /** What it did: the SweepReport's counts (no request is named). */
  @Column({ type: 'jsonb' })
  report: Record<string, number>;
}
