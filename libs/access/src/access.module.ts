import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { REQUEST_AUTHENTICATOR, SECURITY_EVENT_SINK } from '@opvangplek/platform';
import { AuditMetrics } from './audit/audit-metrics';
import { AuditResolver } from './audit/audit.resolver';
import { AuditRowSigner } from './audit/audit-row-signer';
import { AuditSealerJob } from './jobs/audit-sealer.job';
import { AuditService } from './audit/audit.service';
import { AuthGuard } from './auth.guard';
import { AuthenticatorService } from './authenticator.service';
import { MeResolver } from './me.resolver';

/** Identity: who is calling (tokens) and whether they may call this operation at all (roles); the audit log. */
@Module({
  providers: [
    AuthenticatorService,
    { provide: REQUEST_AUTHENTICATOR, useExisting: AuthenticatorService },
    { provide: APP_GUARD, useClass: AuthGuard },
    MeResolver,
    AuditRowSigner,
    AuditService,
    AuditResolver,
    AuditMetrics,
  ],
  exports: [REQUEST_AUTHENTICATOR, AuthenticatorService, AuditService],
})
export class AccessModule {}

/** The authenticator and the refusal sink, for the GraphQL plumbing (context factory, error filter). */
@Module({
  providers: [
    AuthenticatorService,
    { provide: REQUEST_AUTHENTICATOR, useExisting: AuthenticatorService },
    AuditRowSigner,
    AuditService,
    { provide: SECURITY_EVENT_SINK, useExisting: AuditService },
  ],
  exports: [REQUEST_AUTHENTICATOR, SECURITY_EVENT_SINK],
})
export class AuthenticationModule {}

/** Worker side: seals the audit chain (and signs the rows the jobs write, e.g. retention). */
@Module({ providers: [AuditRowSigner, AuditSealerJob] })
export class AuditJobsModule {}
