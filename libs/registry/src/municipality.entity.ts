import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RegionEntity } from './region.entity';

/**
 * A Dutch municipality and the centrumgemeente region it belongs to (domain.md §5a). Loaded from
 * libs/registry/src/seed/data/municipalities-2026.csv by the register loader; a deployment replaces
 * it with the official division (RegioAtlas/VWS), which is why it is a table and not code.
 */
@Entity({ name: 'municipalities' })
@Index('municipalities_region_idx', ['regionCode'])
export class MunicipalityEntity {
  /** CBS code, `GM` + four digits. */
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code: string;

  /** CBS spelling, e.g. `'s-Gravenhage`. */
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 60 })
  province: string;

  @Column({ name: 'region_code', type: 'varchar', length: 8 })
  regionCode: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: RegionEntity;

  /** How the region was established: `seed-list`, `derived` (see the data README), or e.g. `official`. */
  @Column({ type: 'varchar', length: 32 })
  source: string;

  /** Other names people use, e.g. `Den Haag` for `'s-Gravenhage`. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];
}
