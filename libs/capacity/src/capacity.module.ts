import { Module } from '@nestjs/common';
import { RegistryModule } from '@opvangplek/registry/registry.module';
import { CapacityResolver } from './capacity.resolver';
import { CapacityService } from './capacity.service';

/** Keeping capacity true: staff updates and confirmations, their history, and live change events. */
@Module({ imports: [RegistryModule], providers: [CapacityService, CapacityResolver], exports: [CapacityService] })
export class CapacityModule {}
