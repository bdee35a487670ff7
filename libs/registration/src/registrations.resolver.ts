import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type Viewer } from '@opvangplek/access';
import { RegisterVictimInput } from './dto/register-victim.input';
import { VictimRegistrationModel, VictimRegistrationPageModel } from './models/victim-registration.model';
import { RegistrationsService } from './registrations.service';
import type { VictimRegistrationEntity } from './victim-registration.entity';

const toModel = (row: VictimRegistrationEntity): VictimRegistrationModel => ({
  id: row.id,
  regionCode: row.regionCode,
  gender: row.gender,
  ageBand: row.ageBand,
  exploitationTypes: row.exploitationTypes,
  nationalityGroup: row.nationalityGroup,
  signalledBy: row.signalledBy,
  requestId: row.placementRequestId,
  member: row.member,
  registeredByOrg: row.registeredByOrg,
  registeredAt: row.registeredAt,
});

/** Registration with CoMensha (002:803): coordinators report, CoMensha keeps the national registration. */
@Resolver()
export class RegistrationsResolver {
  constructor(private readonly service: RegistrationsService) {}

  @Mutation(() => VictimRegistrationModel, {
    description:
      'Reports a (possible) victim to CoMensha, with or without a placement request: a victim who needs no shelter still counts.',
  })
  async registerVictim(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RegisterVictimInput,
  ): Promise<VictimRegistrationModel> {
    return toModel(await this.service.register(viewer, input));
  }

  @Query(() => VictimRegistrationPageModel, {
    description: "Registrations newest first: CoMensha sees all, a zorgcoördinator their own regions', others none.",
  })
  async victimRegistrations(
    @CurrentViewer() viewer: Viewer,
    @Args('regionCodes', { type: () => [ID], nullable: true }) regionCodes?: string[] | null,
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first = 50,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<VictimRegistrationPageModel> {
    const page = await this.service.page(viewer, { regionCodes, year }, first, after ?? null);
    return { ...page, nodes: page.nodes.map(toModel) };
  }
}
