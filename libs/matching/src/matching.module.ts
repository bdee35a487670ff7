import { Module } from '@nestjs/common';
import { RegisterReaderModule } from '@opvangplek/capacity';
import { RegistryModule } from '@opvangplek/registry';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';
import { RESPONSE_RANKING_OPTIONS, responseRankingOptionsFrom, ResponsivenessFigures } from './responsiveness-figures';

/** Explainable matching of a victim profile against the live register. */
@Module({
  imports: [RegistryModule, RegisterReaderModule],
  providers: [
    MatchingService,
    MatchingResolver,
    ResponsivenessFigures,
    { provide: RESPONSE_RANKING_OPTIONS, useFactory: () => responseRankingOptionsFrom(process.env) },
  ],
  exports: [MatchingService],
})
export class MatchingModule {}
