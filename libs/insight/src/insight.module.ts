import { Module } from '@nestjs/common';
import { RegistryModule } from '@opvangplek/registry';
import { InsightExportController } from './export/insight-export.controller';
import { InsightResolver } from './insight.resolver';
import { INSIGHT_OPTIONS, insightOptionsFrom } from './insight-options';
import { InsightService } from './insight.service';
import { CapacityAheadModule, RegisterReaderModule } from '@opvangplek/capacity';

/** Aggregates for planners and CoMensha: capacity, occupancy over time, unmet demand, yearly counts; also as CSV. */
@Module({
  imports: [RegistryModule, CapacityAheadModule, RegisterReaderModule],
  controllers: [InsightExportController],
  providers: [InsightService, InsightResolver, { provide: INSIGHT_OPTIONS, useFactory: () => insightOptionsFrom(process.env) }],
})
export class InsightModule {}
