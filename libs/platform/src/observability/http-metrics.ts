import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { METRIC_PREFIX, MetricsRegistry } from './metrics-registry';

/** The API's own paths; everything else is one label, so a scanner cannot grow the series without bound. */
const KNOWN_PATHS = new Set(['/graphql', '/health', '/ready', '/metrics', '/webhooks/acknowledge']);

export function pathLabel(url: string): string {
  const path = url.split('?')[0];
  if (KNOWN_PATHS.has(path)) return path;
  if (path.startsWith('/export/')) return '/export';
  return 'other';
}

/** The methods the API answers; any other (PROPFIND, M-SEARCH, …) is one label, for the same reason. */
const KNOWN_METHODS = new Set(['GET', 'POST', 'HEAD', 'OPTIONS']);

export function methodLabel(method: string | undefined): string {
  return method && KNOWN_METHODS.has(method) ? method : 'OTHER';
}

/**
 * Latency of every HTTP request by method, path and status. Mounted first (bootstrap-api.ts), so
 * what the security layer refuses (413, 429) is measured too.
 */
@Injectable()
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'path' | 'status'>;

  constructor(metrics: MetricsRegistry) {
    this.duration = new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: 'HTTP requests by method, path and status: how long the answer took.',
      labelNames: ['method', 'path', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics.registry],
    });
  }

  readonly measure = (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const stop = this.duration.startTimer({ method: methodLabel(request.method), path: pathLabel(request.url ?? '') });
    response.once('finish', () => stop({ status: String(response.statusCode) }));
    next();
  };
}
