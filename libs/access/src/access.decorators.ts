import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@opvangplek/platform/graphql';
import type { Viewer } from './viewer';


/** The authenticated caller of a GraphQL operation (the guard has already refused anonymous ones). */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  const ctx = GqlExecutionContext.create(context).getContext<GraphQLRequestContext<Viewer>>();
  return ctx.auth.viewer!;
});
