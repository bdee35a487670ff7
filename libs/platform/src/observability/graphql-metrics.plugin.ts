import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { Histogram } from 'prom-client';
import { METRIC_PREFIX, type MetricsRegistry } from './metrics-registry';

/**
 * The operation's label: its first root field (`requestPlacement`, `facilities`). Not the client's
 * operation name, which is free text and would let any caller add series without bound; root
 * fields are the schema's, so the label set is finite.
 */
export function rootFieldLabel(operation: OperationDefinitionNode | null | undefined): string {
  const first = operation?.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  return first?.kind === Kind.FIELD ? first.name.value : 'unknown';
}

/** GraphQL latency over HTTP by operation (root field), type and outcome (ok, or errors in the answer). */
export function graphqlMetricsPlugin(metrics: MetricsRegistry): ApolloServerPlugin<BaseContext> {
  const duration = new Histogram({
    name: `${METRIC_PREFIX}graphql_operation_duration_seconds`,
    help: 'GraphQL operations over HTTP by root field, type and outcome: how long the answer took.',
    labelNames: ['operation', 'type', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(context) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          // A subscription is answered over the socket, not here; an unparsable one has no operation.
          const operation = context.operation;
          const errors = context.errors?.length ?? 0;
          duration.observe(
            {
              operation: rootFieldLabel(operation),
              type: operation?.operation ?? 'unknown',
              outcome: errors > 0 ? 'error' : 'ok',
            },
            seconds,
          );
        },
      };
    },
  };
}
