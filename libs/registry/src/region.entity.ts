import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A centrumgemeente region (VO/MO funding region), domain.md §7. */
@Entity({ name: 'regions' })
export class RegionEntity {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ name: 'central_municipality', type: 'varchar', length: 120 })
  centralMunicipality: string;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;
}
