/** Thrown when a call to the queue or event backend did not answer within its time. */
export class QueueCallTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
  }
}

/**
 * `work`, or a QueueCallTimeoutError after `ms`: work done after a commit (enqueue, publish) must not
 * hold the caller's answer or a sweep while Redis is away. The call itself may still finish later;
 * what it does is idempotent (deterministic job ids), and the sweep's reconciler covers it if not.
 */
export function bounded<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueCallTimeoutError(what, ms)), ms);
    timer.unref();
  });
  // A call that fails after its timeout must not become an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
