import type { CombinedError } from 'urql';

/** One problem as a person can read it: the API's `extensions.code` and its message (never JSON). */
export interface ReadableError {
  code: string;
  message: string;
  /** The input field the API named (`extensions.field`, e.g. `reason`), when it named one. */
  field?: string;
  /**
   * Why, as a code with its values, when the API said more than its code (`extensions.reason`, e.g.
   * `AUTHORITY_CLOSED` with `authority`, `kind` and `opensAt`): put into words by the console.
   */
  reason?: { code: string; values: Readonly<Record<string, string>> };
}

/** The extensions besides `code` and `field`, as text: the values of a reason. */
function reasonOf(extensions: Record<string, unknown> | undefined): ReadableError['reason'] {
  if (!extensions || typeof extensions.reason !== 'string') return undefined;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(extensions)) {
    if (key !== 'code' && key !== 'field' && key !== 'reason' && typeof value === 'string') values[key] = value;
  }
  return { code: extensions.reason, values };
}

/**
 * The API's messages are written for people (api-contract.md, Errors), so they are shown as they
 * are, under a translated heading for their code. Network trouble gets its own code.
 */
export function readableErrors(error: CombinedError | undefined | null): ReadableError[] {
  if (!error) return [];
  const fromGraphql = error.graphQLErrors.map((graphqlError) => {
    const reason = reasonOf(graphqlError.extensions);
    return {
      code: typeof graphqlError.extensions?.code === 'string' ? graphqlError.extensions.code : 'UNKNOWN',
      message: graphqlError.message,
      ...(typeof graphqlError.extensions?.field === 'string' ? { field: graphqlError.extensions.field } : {}),
      ...(reason ? { reason } : {}),
    };
  });
  if (fromGraphql.length > 0) return fromGraphql;
  // "Failed to fetch", "NetworkError when attempting to fetch resource.", …: the browser's words, not the person's.
  if (error.networkError || /failed to fetch|networkerror|load failed/i.test(error.message))
    return [{ code: 'NETWORK', message: error.networkError?.message ?? error.message }];
  return [{ code: 'UNKNOWN', message: error.message }];
}

export function hasCode(error: CombinedError | undefined | null, code: string): boolean {
  return readableErrors(error).some((readable) => readable.code === code);
}
