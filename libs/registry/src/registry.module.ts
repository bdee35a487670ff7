import { Module } from '@nestjs/common';
import { RegistryResolver } from './registry.resolver';
import { RegistryService } from './registry.service';

/** The national register: regions, facilities and their live capacity, read side. */
@Module({ providers: [RegistryService, RegistryResolver], exports: [RegistryService] })
export class RegistryModule {}
