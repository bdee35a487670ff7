import { Module } from '@nestjs/common';
import { RegistryModule } from '@opvangplek/registry/registry.module';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';

/** Explainable matching of a victim profile against the live register. */
@Module({ imports: [RegistryModule], providers: [MatchingService, MatchingResolver], exports: [MatchingService] })
export class MatchingModule {}
