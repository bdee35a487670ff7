import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * That a facility's figures confirmed at `confirmedAt` were announced stale (FIGURES_STALE): one
 * row per stale period, its key the confirmation that went stale, so several processes sweeping at
 * once announce it once (the insert decides), and a new confirmation starts a new period.
 */
@Entity('stale_figure_notices')
export class StaleFigureNoticeEntity {
  @PrimaryColumn({ name: 'facility_id', type: 'uuid' })
  facilityId: string;

  @PrimaryColumn({ name: 'confirmed_at', type: 'timestamptz' })
  confirmedAt: Date;

  @Column({ name: 'notified_at', type: 'timestamptz' })
  notifiedAt: Date;
}
