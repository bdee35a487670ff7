import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import { CALLER_LIMITS, createCallerLimits } from './caller-limits';

/**
 * One CallerLimits per process, for the HTTP middleware, the Apollo cost plugin and the graphql-ws
 * server alike (a module of its own, so Apollo's async factory can be given it too).
 */
@Module({
  providers: [{ provide: CALLER_LIMITS, inject: [APP_CONFIG], useFactory: createCallerLimits }],
  exports: [CALLER_LIMITS],
})
export class CallerLimitsModule {}
