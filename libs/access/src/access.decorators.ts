import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@opvangplek/domain';
import type { GraphQLRequestContext } from '@opvangplek/platform/graphql';
import type { Viewer } from './viewer';

export const ROLES_KEY = 'opvangplek:roles';

/** Only these roles may run the operation; others get FORBIDDEN. Without it, any authenticated role may. */
export const AllowRoles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated caller of a GraphQL operation (the guard has already refused anonymous ones). */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  const ctx = GqlExecutionContext.create(context).getContext<GraphQLRequestContext<Viewer>>();
  return ctx.auth.viewer!;
});
