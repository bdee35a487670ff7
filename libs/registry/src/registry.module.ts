import { Module } from '@nestjs/common';
import { MunicipalityDirectoryService } from './municipality-directory.service';
import { RegionDirectory } from './region-directory';
import { RegionFieldsResolver, RegistryResolver } from './registry.resolver';
import { RegisterSnapshotService } from './register-snapshot.service';
import { RegistryService } from './registry.service';

/** The national register: regions, facilities and their live capacity, read side. */
@Module({
  providers: [
    RegistryService,
    RegisterSnapshotService,
    RegionDirectory,
    MunicipalityDirectoryService,
    RegistryResolver,
    RegionFieldsResolver,
  ],
  exports: [RegistryService, RegisterSnapshotService, RegionDirectory, MunicipalityDirectoryService],
})
export class RegistryModule {}
