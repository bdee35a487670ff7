import { Module } from '@nestjs/common';
import { MunicipalityDirectoryService } from './municipality-directory.service';
import { RegionDirectory } from './region-directory';
import { RegionFieldsResolver, RegistryResolver } from './registry.resolver';
import { RegisterDefinitionsCache } from './register-definitions.service';
import { RegistryService } from './registry.service';

/** The national register: regions, municipalities and facility definitions, read side (live counts: capacity). */
@Module({
  providers: [
    RegistryService,
    RegisterDefinitionsCache,
    RegionDirectory,
    MunicipalityDirectoryService,
    RegistryResolver,
    RegionFieldsResolver,
  ],
  exports: [RegistryService, RegisterDefinitionsCache, RegionDirectory, MunicipalityDirectoryService],
})
export class RegistryModule {}
