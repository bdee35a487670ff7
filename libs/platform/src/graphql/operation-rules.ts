import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import type { AppConfig } from '../config/app-config';
import { operationLimitsRule } from './operation-limits';

/**
 * The rules every operation is validated against on top of GraphQL's own, whatever carries it:
 * Apollo's `validationRules` on HTTP, the graphql-ws `onSubscribe` hook on WebSocket.
 */
export function operationRules(config: Pick<AppConfig, 'graphql'>): ValidationRule[] {
  return [operationLimitsRule(config.graphql)];
}

/** What Apollo's `hideSchemaDetailsFromClientErrors` strips: "Did you mean …?" names schema fields. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean(.+?)\?$/, '');
}

/**
 * Validates a parsed operation as HTTP does (Apollo with `introspection: false` and
 * `hideSchemaDetailsFromClientErrors` in production): GraphQL's rules, the operation limits, and in
 * production no introspection and no suggestions that name schema fields. Every error carries a
 * code `formatGraphQLError` maps to BAD_USER_INPUT.
 */
export function validateOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  config: Pick<AppConfig, 'env' | 'graphql'>,
): GraphQLError[] {
  const production = config.env === 'production';
  const rules = [...specifiedRules, ...operationRules(config), ...(production ? [NoSchemaIntrospectionCustomRule] : [])];
  return validate(schema, document, rules).map(
    (error) =>
      new GraphQLError(production ? withoutSuggestions(error.message) : error.message, {
        nodes: error.nodes,
        extensions: { ...error.extensions, code: error.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED' },
      }),
  );
}
