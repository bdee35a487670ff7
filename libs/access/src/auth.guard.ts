import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { ForbiddenError, UnauthenticatedError } from '@opvangplek/platform/errors';
import type { GraphQLRequestContext } from '@opvangplek/platform/graphql';
import { PUBLIC_KEY } from '@opvangplek/platform/http/public.decorator';
import type { GraphQLResolveInfo } from 'graphql';
import { allowedRoles } from './access-policy';
import type { Viewer } from './viewer';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Applied to every GraphQL operation (HTTP and WebSocket): no valid token → UNAUTHENTICATED; a
 * role the access policy does not list for the operation → FORBIDDEN (and an operation the policy
 * does not know is refused to everyone). Finer rules live in the services, which get the Viewer.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<GqlContextType>() !== 'graphql') {
      return this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]) === true;
    }
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (!ROOT_TYPES.has(info.parentType.name)) return true; // a field of an object already authorised
    const { auth } = gql.getContext<GraphQLRequestContext<Viewer>>();
    if (!auth.viewer) throw new UnauthenticatedError(`A valid bearer token is required (${auth.failure}).`);
    const allowed = allowedRoles(info.fieldName);
    if (!allowed.includes(auth.viewer.role)) {
      throw new ForbiddenError(
        allowed.length === 0
          ? `${info.fieldName} is not open to anyone yet.`
          : `${info.fieldName} is not available to role ${auth.viewer.role}; it is for ${allowed.join(', ')}.`,
      );
    }
    return true;
  }
}
