import { Module } from '@nestjs/common';
import { RegionDirectory } from './region-directory';
import { RegistryResolver } from './registry.resolver';
import { RegisterSnapshotService } from './register-snapshot.service';
import { RegistryService } from './registry.service';

/** The national register: regions, facilities and their live capacity, read side. */
@Module({
  providers: [RegistryService, RegisterSnapshotService, RegionDirectory, RegistryResolver],
  exports: [RegistryService, RegisterSnapshotService, RegionDirectory],
})
export class RegistryModule {}
