import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Role } from '@opvangplek/domain';
import { ForbiddenError, UnauthenticatedError } from '@opvangplek/platform/errors';
import type { GraphQLRequestContext } from '@opvangplek/platform/graphql';
import { PUBLIC_KEY } from '@opvangplek/platform/http/public.decorator';
import { ROLES_KEY } from './access.decorators';
import type { Viewer } from './viewer';

/**
 * Applied to every GraphQL operation (HTTP and WebSocket): no valid token → UNAUTHENTICATED;
 * a role not allowed for the operation → FORBIDDEN. Finer rules (own facility, own region) live in
 * the services, which receive the Viewer.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (context.getType<GqlContextType>() !== 'graphql') {
      return this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
    }
    const { auth } = GqlExecutionContext.create(context).getContext<GraphQLRequestContext<Viewer>>();
    if (!auth.viewer) throw new UnauthenticatedError(`A valid bearer token is required (${auth.failure}).`);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && !allowed.includes(auth.viewer.role)) {
      throw new ForbiddenError(`This operation is not available to role ${auth.viewer.role}; it is for ${allowed.join(', ')}.`);
    }
    return true;
  }
}
