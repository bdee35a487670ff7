import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppErrorFilter } from './app-error.filter';
import { CalendarDate } from './calendar-date.scalar';
import { DateTimeScalar } from './date-time.scalar';
import { formatGraphQLError } from './format-error';
import { operationLimitsRule } from './operation-limits';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  type AuthOutcome,
  type GraphQLRequestContext,
  REQUEST_AUTHENTICATOR,
  type RequestAuthenticator,
} from './request-authenticator';

function formatWsError(error: GraphQLError): GraphQLFormattedError {
  return formatGraphQLError(error.toJSON(), error);
}

type WsExtra = { auth?: AuthOutcome<unknown> };
/** The part of an HTTP request the context needs (Express under the hood). */
type HttpRequest = { headers: { authorization?: string } };

/** graphql-ws clients send the token as `Authorization` (or `authorization`) in connectionParams. */
function authorizationFromConnectionParams(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.Authorization ?? params?.authorization;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Code-first GraphQL over HTTP and graphql-ws, with identity resolved once per request (HTTP) or
 * once per connection (WebSocket), and every error shaped by `formatGraphQLError`.
 * `authentication` is the module that provides REQUEST_AUTHENTICATOR and SECURITY_EVENT_SINK.
 */
@Module({})
export class GraphqlPlatformModule {
  static forRoot(authentication: NonNullable<ModuleMetadata['imports']>[number]): DynamicModule {
    return {
      module: GraphqlPlatformModule,
      providers: [{ provide: APP_FILTER, useClass: AppErrorFilter }, CalendarDate],
      imports: [
        authentication,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [authentication],
          inject: [APP_CONFIG, REQUEST_AUTHENTICATOR],
          useFactory: (config: AppConfig, authenticator: RequestAuthenticator): ApolloDriverConfig => ({
            // The schema lives in memory; `schema.gql` is printed by the CLI and checked for drift in CI.
            autoSchemaFile: true,
            sortSchema: true,
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
            playground: false,
            // No landing page and no schema browsing in production: integrators use schema.gql.
            introspection: config.env !== 'production',
            // No HTTP cache hints are used (answers are per caller); the plugin cost a hook per field.
            plugins: [
              ApolloServerPluginCacheControlDisabled(),
              ...(config.env === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
            ],
            validationRules: [operationLimitsRule(config.graphql)],
            includeStacktraceInErrorResponses: false,
            formatError: formatGraphQLError,
            subscriptions: {
              // onError is a graphql-ws option Nest passes through but does not declare in its type.
              'graphql-ws': {
                onConnect: async (ctx: WsContext<Record<string, unknown> | undefined, unknown>) => {
                  (ctx.extra as WsExtra).auth = await authenticator.authenticate(
                    authorizationFromConnectionParams(ctx.connectionParams),
                  );
                  return true; // an unauthenticated subscribe is refused per operation, with UNAUTHENTICATED
                },
                // Apollo's formatError covers HTTP only: WebSocket errors get the same contract shape here.
                onNext: (_ctx: unknown, _id: unknown, _payload: unknown, _args: unknown, result: ExecutionResult) =>
                  result.errors ? { ...result, errors: result.errors.map(formatWsError) } : result,
                ...{
                  onError: (_ctx: unknown, _id: unknown, _payload: unknown, errors: readonly GraphQLError[]) =>
                    errors.map(formatWsError),
                },
              },
            },
            context: async (
              arg: { req?: HttpRequest } | WsContext<Record<string, unknown>, WsExtra>,
            ): Promise<GraphQLRequestContext> => {
              if ('req' in arg && arg.req) {
                return { auth: await authenticator.authenticate(arg.req.headers.authorization) };
              }
              const ws = arg as WsContext<Record<string, unknown>, WsExtra>;
              return { auth: ws.extra.auth ?? { viewer: undefined, failure: 'not authenticated' } };
            },
          }),
        }),
      ],
    };
  }
}
