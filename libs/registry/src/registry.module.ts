import { Module } from '@nestjs/common';
import { RegistryResolver } from './registry.resolver';
import { RegisterSnapshotService } from './register-snapshot.service';
import { RegistryService } from './registry.service';

/** The national register: regions, facilities and their live capacity, read side. */
@Module({ providers: [RegistryService, RegisterSnapshotService, RegistryResolver], exports: [RegistryService, RegisterSnapshotService] })
export class RegistryModule {}
