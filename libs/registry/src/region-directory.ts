import { Injectable } from '@nestjs/common';
import type { RegionEntity } from './region.entity';
import { RegistryService } from './registry.service';

/** How long this process trusts its copy of the regions (wall time: the register's regions change only by seeding). */
const REGIONS_TTL_MS = 60_000;

/**
 * The 35 regions, read once a minute per process instead of on every request: every submission
 * validates its region code and every match needs the regions' centres. A code this copy does not
 * know is looked up again before it is refused, so a region added meanwhile is never turned away.
 */
@Injectable()
export class RegionDirectory {
  private cached: { readAt: number; regions: Promise<RegionEntity[]> } | undefined;

  constructor(private readonly registry: RegistryService) {}

  regions(): Promise<RegionEntity[]> {
    if (!this.cached || Date.now() - this.cached.readAt > REGIONS_TTL_MS) {
      const regions = this.registry.regions();
      const cached = { readAt: Date.now(), regions };
      this.cached = cached;
      // A failed read is not kept: the next caller reads again.
      regions.catch(() => {
        if (this.cached === cached) this.cached = undefined;
      });
    }
    return this.cached.regions;
  }

  async isRegion(code: string): Promise<boolean> {
    if ((await this.regions()).some((region) => region.code === code)) return true;
    this.cached = undefined;
    return (await this.regions()).some((region) => region.code === code);
  }
}
