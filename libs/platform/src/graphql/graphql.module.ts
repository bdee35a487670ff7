import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppErrorFilter } from './app-error.filter';
import { CalendarDate } from './calendar-date.scalar';
import { DateTimeScalar } from './date-time.scalar';
import { formatGraphQLError, honestMutationErrorsPlugin } from './format-error';
import { CALLER_LIMITS, type CallerLimits } from '../limits/caller-limits';
import { CallerLimitsModule } from '../limits/caller-limits.module';
import { verifiedCallerKey } from '../http/rate-limiter';
import { operationCostPlugin } from './operation-cost';
import { subscriptionsOverWebSocketPlugin } from './http-subscriptions';
import { graphqlMetricsPlugin } from '../observability/graphql-metrics.plugin';
import { MetricsRegistry } from '../observability/metrics-registry';
import { operationRules } from './operation-rules';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  type AuthenticatedHttpRequest,
  authenticateRequest,
  type GraphQLRequestContext,
  REQUEST_AUTHENTICATOR,
  type RequestAuthenticator,
} from './request-authenticator';
import { GRAPHQL_PATH, GraphqlWebSocketServer } from './websocket-server';

/**
 * Code-first GraphQL over HTTP (Apollo) and graphql-ws (`GraphqlWebSocketServer`, same path, same
 * validation, identity checked at `connection_init` and until the token expires), with identity
 * resolved once per request (HTTP) or once per connection (WebSocket), and every error shaped by
 * `formatGraphQLError`. `authentication` is the module that provides REQUEST_AUTHENTICATOR and
 * SECURITY_EVENT_SINK.
 */
@Module({})
export class GraphqlPlatformModule {
  static forRoot(authentication: NonNullable<ModuleMetadata['imports']>[number]): DynamicModule {
    return {
      module: GraphqlPlatformModule,
      providers: [{ provide: APP_FILTER, useClass: AppErrorFilter }, CalendarDate, GraphqlWebSocketServer],
      imports: [
        authentication,
        // The per-caller rate, socket and subscription limits, shared with the HTTP middleware.
        CallerLimitsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [authentication, CallerLimitsModule],
          inject: [APP_CONFIG, REQUEST_AUTHENTICATOR, CALLER_LIMITS, MetricsRegistry],
          useFactory: (
            config: AppConfig,
            authenticator: RequestAuthenticator,
            limits: CallerLimits,
            metrics: MetricsRegistry,
          ): ApolloDriverConfig => ({
            path: GRAPHQL_PATH,
            // The schema lives in memory; `schema.gql` is printed by the CLI and checked for drift in CI.
            autoSchemaFile: true,
            sortSchema: true,
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
            playground: false,
            // No landing page and no schema browsing in production: integrators use schema.gql.
            introspection: config.env !== 'production',
            // …nor "Did you mean …?" in validation errors, which would name the schema's fields.
            hideSchemaDetailsFromClientErrors: config.env === 'production',
            // No HTTP cache hints are used (answers are per caller); the plugin cost a hook per field.
            plugins: [
              subscriptionsOverWebSocketPlugin<GraphQLRequestContext>(),
              ApolloServerPluginCacheControlDisabled(),
              graphqlMetricsPlugin(metrics),
              honestMutationErrorsPlugin<GraphQLRequestContext>(),
              // The cost limit needs the variables, which validation rules do not get.
              operationCostPlugin<GraphQLRequestContext>(config.graphql.maxCost, async (context, points) => ({
                retryAfter: await limits.take(verifiedCallerKey(context.auth, context.client), points),
                perMinute: limits.perMinute,
              })),
              ...(config.env === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
            ],
            validationRules: operationRules(config),
            // No automatic persisted queries: no client of ours sends them, and Apollo's own errors
            // for a malformed `persistedQuery` extension left as a 500. Off, every such request is
            // PERSISTED_QUERY_NOT_SUPPORTED, which the contract calls BAD_USER_INPUT.
            persistedQueries: false,
            includeStacktraceInErrorResponses: false,
            formatError: formatGraphQLError,
            // No `subscriptions` here: Nest's graphql-ws server takes no message size limit, so
            // GraphqlWebSocketServer serves graphql-ws itself, with the same rules as HTTP.
            context: async (arg: { req: AuthenticatedHttpRequest }): Promise<GraphQLRequestContext> => ({
              auth: await authenticateRequest(authenticator, arg.req),
              client: arg.req.ip,
            }),
          }),
        }),
      ],
    };
  }
}
