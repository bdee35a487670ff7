import { Module } from '@nestjs/common';
import { RegistryModule } from '@opvangplek/registry/registry.module';
import { InsightResolver } from './insight.resolver';
import { InsightService } from './insight.service';

/** Aggregates for planners: capacity per region and kind (more insight follows in issue 6). */
@Module({ imports: [RegistryModule], providers: [InsightService, InsightResolver] })
export class InsightModule {}
