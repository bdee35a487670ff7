import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import {
  ForbiddenError,
  UnauthenticatedError,
  type AuthenticatedHttpRequest,
  authenticateRequest,
  type AuthOutcome,
  type GraphQLRequestContext,
  PUBLIC_KEY,
} from '@opvangplek/platform';
import type { GraphQLResolveInfo } from 'graphql';
import { ACCESS_OPERATION_KEY } from './access.decorators';
import { allowedRoles } from './access-policy';
import { AuthenticatorService } from './authenticator.service';
import type { Viewer } from './viewer';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Applied to every GraphQL operation (HTTP and WebSocket): no valid token → UNAUTHENTICATED; a
 * role the access policy does not list for the operation → FORBIDDEN (and an operation the policy
 * does not know is refused to everyone). Finer rules live in the services, which get the Viewer.
 * HTTP endpoints are refused unless public or marked with the operation whose data they serve.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: AuthenticatorService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return this.canActivateHttp(context);
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (!ROOT_TYPES.has(info.parentType.name)) return true; // a field of an object already authorised
    const { auth } = gql.getContext<GraphQLRequestContext<Viewer>>();
    assertAllowed(info.fieldName, auth);
    return true;
  }

  /**
   * Plain HTTP: public endpoints (health) pass; an endpoint that serves an operation's data in
   * another shape (a CSV export) is allowed exactly to the roles of that operation; anything else
   * is refused.
   */
  private async canActivateHttp(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true) return true;
    const operation = this.reflector.getAllAndOverride<string | undefined>(ACCESS_OPERATION_KEY, targets);
    if (!operation) return false;
    const request = context.switchToHttp().getRequest<AuthenticatedHttpRequest & { viewer?: Viewer }>();
    const auth = await authenticateRequest(this.authenticator, request);
    request.viewer = auth.viewer;
    assertAllowed(operation, auth);
    return true;
  }
}

function assertAllowed(operation: string, auth: AuthOutcome<Viewer>): void {
  if (!auth.viewer) throw new UnauthenticatedError(`A valid bearer token is required (${auth.failure}).`);
  const allowed = allowedRoles(operation);
  if (!allowed.includes(auth.viewer.role)) {
    throw new ForbiddenError(
      allowed.length === 0
        ? `${operation} is not open to anyone yet.`
        : `${operation} is not available to role ${auth.viewer.role}; it is for ${allowed.join(', ')}.`,
    );
  }
}
