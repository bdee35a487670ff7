import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The id that ties one piece of work's log lines together across processes: an HTTP request's id
 * in the API, carried in the data of every job queued while serving it (`correlationId`), and
 * bound again around that job in the worker. Work no request started (a sweep, a re-try after a
 * capacity event) gets an id of its own, named after what started it.
 */
const current = new AsyncLocalStorage<string>();

/** The correlation id of the work running now, if any. */
export function currentCorrelationId(): string | undefined {
  return current.getStore();
}

/** Runs `work` (and everything it awaits or queues) under `id`. */
export function runWithCorrelationId<T>(id: string, work: () => T): T {
  return current.run(id, work);
}

/** A fresh id for work no request started, e.g. `sweep-…`: the prefix says where to look. */
export function newCorrelationId(origin: string): string {
  return `${origin}-${randomUUID()}`;
}

/** What a job's data carries so its worker can log under the id of the work that queued it. */
export interface CorrelatedJobData {
  correlationId?: string;
}

/** `data` with the current correlation id added (none outside of any work: the worker then makes one). */
export function withCorrelation<Data extends object>(data: Data): Data & CorrelatedJobData {
  const correlationId = currentCorrelationId();
  return correlationId === undefined ? data : { ...data, correlationId };
}

/** A job's correlation id when its data carries a harmless one (job data is ours, but a log line deserves the check). */
export function correlationIdOf(data: unknown): string | undefined {
  const id = (data as CorrelatedJobData | null)?.correlationId;
  return typeof id === 'string' && /^[A-Za-z0-9._:-]{1,80}$/.test(id) ? id : undefined;
}
