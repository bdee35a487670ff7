import { Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from './access.decorators';
import { ViewerModel } from './models/viewer.model';
import type { Viewer } from './viewer';

@Resolver(() => ViewerModel)
export class MeResolver {
  @Query(() => ViewerModel, { description: 'Who the token says the caller is.' })
  me(@CurrentViewer() viewer: Viewer): ViewerModel {
    return viewer;
  }
}
