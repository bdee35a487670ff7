import { type DocumentNode, getNamedType, getOperationAST, GraphQLError, type GraphQLSchema, isCompositeType } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';

/**
 * What a field costs beyond the default (an object 1 plus what is selected in it, a scalar 0),
 * roughly in units of one row read or built. The expensive ones do much more than their answer
 * shows: matching screens every facility and reads the capacity of the candidates (and audits the
 * profile it matched); the insight queries aggregate a period's requests or a capacity history.
 * `page`: a list paged with `first`; each row costs what is selected in it (at least 1), times
 * `first` (or the resolver's default page when it is omitted).
 *
 * Keyed by schema coordinate; the spec checks every key against schema.gql, so a renamed field
 * cannot silently lose its cost.
 */
export const FIELD_COSTS: Readonly<Record<string, { base?: number; page?: number }>> = {
  'Query.matchFacilities': { base: 100 },
  'Query.placementCandidates': { base: 100 },
  'Mutation.requestNoodbed': { base: 100 },
  'Mutation.requestPlacement': { base: 50 },
  'Query.unmetDemand': { base: 100 },
  'Query.placementStatistics': { base: 100 },
  'Query.occupancyHistory': { base: 50 },
  // Replays the region's confirmations from the capacity history, as occupancyHistory replays counts.
  'Query.staleShareHistory': { base: 50 },
  // Locks, confirms and audits up to 100 facilities in one transaction.
  'Mutation.confirmAllCapacity': { base: 20 },
  'Query.capacityOverview': { base: 20 },
  // The whole register (216 facilities nationally), one row each: its answer is that large.
  'Query.facilities': { base: 200 },
  'Query.auditLog': { base: 1, page: 100 },
  'Query.placementRequests': { base: 1, page: 50 },
};

/** The estimator graphql-query-complexity calls for every field, innermost first. */
export function fieldCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const known = FIELD_COSTS[`${type.name}.${field.name}`];
  const composite = isCompositeType(getNamedType(field.type));
  const base = known?.base ?? (composite ? 1 : 0);
  if (known?.page === undefined) return base + childComplexity;
  const first = args.first;
  const rows = typeof first === 'number' && Number.isFinite(first) && first > 0 ? first : known.page;
  return base + rows * Math.max(1, childComplexity);
}

/**
 * The operation's cost, with its variables (a page size given as `$first` counts as sent). Aliases
 * and fragments count as often as they are spelled, so 100 aliased `matchFacilities` cost 100
 * matches.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables?: Record<string, unknown> | null,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables: variables ?? {},
    estimators: [fieldCost],
  });
}

/**
 * Refuses an operation that costs more than `maxCost` (MAX_QUERY_COST), before it runs, over HTTP
 * (an Apollo plugin: validation rules there do not see the variables, and a page size sent as a
 * variable must count) and WebSocket (`onSubscribe`) alike. graphql-query-complexity computes the
 * cost; graphql-armor's cost limit was not used: it prices fields by type and depth only, with no
 * way to price `matchFacilities` above a scalar or to multiply by `first`.
 *
 * Arguments that cannot be read (a variable of the wrong type) are refused here too: execution
 * would refuse them anyway, and an operation whose cost is unknown must not run.
 */
export function checkOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  maxCost: number,
): { cost: number; errors: GraphQLError[] } {
  if (!getOperationAST(document, operationName ?? undefined)) {
    // The cost library reads the operation it is named without checking it is there (a TypeError
    // shown to the caller: red team, issue 16); said as what it is, naming the field.
    const named = operationName
      ? `no operation named "${operationName.slice(0, 60)}" in the document`
      : 'the document holds several operations';
    return {
      cost: 0,
      errors: [
        new GraphQLError(`operationName: ${named}; give the name of one of its operations`, {
          extensions: { code: 'BAD_USER_INPUT', field: 'operationName', http: { status: 400 } },
        }),
      ],
    };
  }
  let cost: number;
  try {
    cost = operationCost(schema, document, operationName, variables);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { cost: 0, errors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } })] };
  }
  if (cost <= maxCost) return { cost, errors: [] };
  const refusal = new GraphQLError(
    `This operation costs ${cost}, more than the ${maxCost} one operation may cost (MAX_QUERY_COST); ask for fewer or smaller pages, or fewer matches, at a time.`,
    { extensions: { code: 'BAD_USER_INPUT', cost, maxCost, http: { status: 400 } } },
  );
  return { cost, errors: [refusal] };
}

/** `checkOperationCost`'s refusals only. */
export function costErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  maxCost: number,
): GraphQLError[] {
  return checkOperationCost(schema, document, operationName, variables, maxCost).errors;
}

/**
 * How much an operation's cost draws from the caller's rate budget beyond the one point every
 * request takes: one more point per 25 of cost. A cheap read costs nothing extra; a match (~110)
 * 4 more; the console's largest page (~1,600) 64; twelve aliased registers (~2,460) 98. So a caller
 * spends RATE_LIMIT_PER_MINUTE on work, not on requests: at the default 600, a few heavy answers a
 * minute instead of 600 of them (megabytes each).
 */
export const COST_PER_RATE_POINT = 25;

export function extraRatePoints(cost: number): number {
  return Math.floor(Math.max(0, cost) / COST_PER_RATE_POINT);
}

/** The refusal when an operation's cost is over what is left of the caller's budget this minute. */
export function rateRefusal(perMinute: number, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(
    `Too many requests: at most ${perMinute} a minute, an expensive operation counting as several. Try again in ${retryAfterSeconds} seconds.`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    },
  );
}

/**
 * The cost limit on HTTP, where Apollo knows the operation and its variables but has not run it;
 * an operation within it then draws its cost from the caller's rate budget (`charge` answers the
 * seconds to wait, 0 when allowed).
 */
export function operationCostPlugin<Context>(
  maxCost: number,
  charge: (context: Context, points: number) => Promise<{ retryAfter: number; perMinute: number }>,
): ApolloServerPlugin<Context & BaseContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: async ({ request, document, schema, operationName, contextValue }) => {
          const { cost, errors } = checkOperationCost(
            schema,
            document,
            operationName ?? request.operationName,
            request.variables,
            maxCost,
          );
          if (errors.length > 0) throw errors[0];
          const points = extraRatePoints(cost);
          if (points === 0) return;
          const { retryAfter, perMinute } = await charge(contextValue, points);
          if (retryAfter > 0) throw rateRefusal(perMinute, retryAfter);
        },
      }),
  };
}
