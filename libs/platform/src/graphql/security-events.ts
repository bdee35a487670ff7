/**
 * Refusals worth auditing (every failed authentication, every FORBIDDEN), reported by the error
 * filter to whichever module keeps the audit log, without the platform depending on it.
 */
export interface SecurityEvent {
  kind: 'unauthenticated' | 'forbidden';
  actor: { sub: string; role: string; org: string } | null;
  /** The GraphQL field that was refused, e.g. `updateCapacity`. */
  operation: string | null;
  detail: string;
}

export interface SecurityEventSink {
  record(event: SecurityEvent): Promise<void>;
}

export const SECURITY_EVENT_SINK = Symbol('SECURITY_EVENT_SINK');
