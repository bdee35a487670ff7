import { Module } from '@nestjs/common';
import { RegistryModule } from '@opvangplek/registry/registry.module';
import { InsightExportController } from './export/insight-export.controller';
import { InsightResolver } from './insight.resolver';
import { INSIGHT_OPTIONS, insightOptionsFrom } from './insight-options';
import { InsightService } from './insight.service';

/** Aggregates for planners and CoMensha: capacity, occupancy over time, unmet demand, yearly counts; also as CSV. */
@Module({
  imports: [RegistryModule],
  controllers: [InsightExportController],
  providers: [InsightService, InsightResolver, { provide: INSIGHT_OPTIONS, useFactory: () => insightOptionsFrom(process.env) }],
})
export class InsightModule {}
