import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Refuses operations that are too deep or select too many fields (aliases and fragments count,
 * so an alias bomb or a fragment cycle cannot make one request do unbounded work). Runs as a
 * validation rule: a refused operation never reaches a resolver.
 */
export function operationLimitsRule(limits: { maxDepth: number; maxFields: number }) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        let fields = 0;
        let deepest = 0;
        const walk = (set: SelectionSetNode, depth: number, visiting: Set<string>): void => {
          deepest = Math.max(deepest, depth);
          if (deepest > limits.maxDepth || fields > limits.maxFields) return;
          for (const selection of set.selections) {
            if (selection.kind === Kind.FIELD) {
              fields += 1;
              if (selection.selectionSet) walk(selection.selectionSet, depth + 1, visiting);
            } else if (selection.kind === Kind.INLINE_FRAGMENT) {
              walk(selection.selectionSet, depth, visiting);
            } else {
              const name = selection.name.value;
              const fragment = fragments.get(name);
              if (fragment && !visiting.has(name)) walk(fragment.selectionSet, depth, new Set([...visiting, name]));
            }
          }
        };
        walk(operation.selectionSet, 1, new Set());
        if (deepest > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`This operation is nested more than ${limits.maxDepth} levels deep; ask for less at a time.`, {
              nodes: [operation],
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          );
        } else if (fields > limits.maxFields) {
          context.reportError(
            new GraphQLError(`This operation selects more than ${limits.maxFields} fields; ask for less at a time.`, {
              nodes: [operation],
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          );
        }
      },
    };
  };
}
