import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@opvangplek/domain';

registerEnumType(Role, { name: 'Role', description: 'What the caller does; decides what they may see and do.' });

@ObjectType('Viewer', { description: 'The caller, as their token describes them.' })
export class ViewerModel {
  @Field(() => ID)
  sub: string;

  @Field(() => Role)
  role: Role;

  @Field()
  org: string;

  @Field(() => [String], { description: 'Region codes the caller works for.' })
  regions: string[];

  @Field(() => [ID], { description: 'Facilities a shelter worker works at.' })
  facilityIds: string[];
}
