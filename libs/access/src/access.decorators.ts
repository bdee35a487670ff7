import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@opvangplek/platform';
import type { Viewer } from './viewer';

/** The authenticated caller of a GraphQL operation (the guard has already refused anonymous ones). */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  const ctx = GqlExecutionContext.create(context).getContext<GraphQLRequestContext<Viewer>>();
  return ctx.auth.viewer!;
});

export const ACCESS_OPERATION_KEY = 'opvangplek:access-operation';

/**
 * Marks an HTTP endpoint as serving `operation`'s data in another shape (a CSV export): the guard
 * authenticates it and allows exactly the roles ACCESS_POLICY lists for that operation.
 */
export const AccessOperation = (operation: string) => SetMetadata(ACCESS_OPERATION_KEY, operation);

/** The authenticated caller of an HTTP endpoint marked with @AccessOperation. */
export const HttpViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  return context.switchToHttp().getRequest<{ viewer: Viewer }>().viewer;
});
