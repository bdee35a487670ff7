import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { REQUEST_AUTHENTICATOR } from '@opvangplek/platform/graphql';
import { AuthGuard } from './auth.guard';
import { AuthenticatorService } from './authenticator.service';
import { MeResolver } from './me.resolver';

/** Identity: who is calling (tokens) and whether they may call this operation at all (roles). */
@Module({
  providers: [
    AuthenticatorService,
    { provide: REQUEST_AUTHENTICATOR, useExisting: AuthenticatorService },
    { provide: APP_GUARD, useClass: AuthGuard },
    MeResolver,
  ],
  exports: [REQUEST_AUTHENTICATOR, AuthenticatorService],
})
export class AccessModule {}

/** Only the authenticator, for the GraphQL plumbing's context factory. */
@Module({
  providers: [AuthenticatorService, { provide: REQUEST_AUTHENTICATOR, useExisting: AuthenticatorService }],
  exports: [REQUEST_AUTHENTICATOR],
})
export class AuthenticationModule {}
