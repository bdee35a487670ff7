import type { NudgedFreshness } from '@opvangplek/domain';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * That a facility's figures confirmed at `confirmedAt` were announced AGING (FIGURES_AGING) or
 * STALE (FIGURES_STALE): one row per confirmation and level, so several processes sweeping at once
 * announce each once (the insert decides), and a new confirmation starts a new period.
 */
@Entity('stale_figure_notices')
@Check('stale_figure_notices_freshness', `"freshness" IN ('AGING', 'STALE')`)
export class StaleFigureNoticeEntity {
  @PrimaryColumn({ name: 'facility_id', type: 'uuid' })
  facilityId: string;

  @PrimaryColumn({ name: 'confirmed_at', type: 'timestamptz' })
  confirmedAt: Date;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  freshness: NudgedFreshness;

  @Column({ name: 'notified_at', type: 'timestamptz' })
  notifiedAt: Date;
}
