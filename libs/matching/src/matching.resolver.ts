import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type Viewer } from '@opvangplek/access';
import { MatchOptionsInput } from './dto/match-options.input';
import { VictimProfileInput } from './dto/victim-profile.input';
import { MatchingService } from './matching.service';
import { MatchResultModel } from './models/match-result.model';

@Resolver()
export class MatchingResolver {
  constructor(private readonly matching: MatchingService) {}

  @Query(() => MatchResultModel, {
    description:
      'Which facilities can take this person, which can take them now, which are best, and why every other one is out. ' +
      'The profile is not stored.',
  })
  matchFacilities(
    @CurrentViewer() viewer: Viewer,
    @Args('profile') profile: VictimProfileInput,
    @Args('options', { type: () => MatchOptionsInput, nullable: true }) options?: MatchOptionsInput | null,
  ): Promise<MatchResultModel> {
    return this.matching.matchForViewer(viewer, profile, options ?? {});
  }
}
