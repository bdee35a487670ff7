import { Global, Module } from '@nestjs/common';
import { HttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics-registry';

/**
 * The registry every library adds its metrics to (global, so a library only injects MetricsRegistry),
 * `/metrics`, and HTTP latency. Only API processes serve it; a worker's queues are read from the API.
 */
@Global()
@Module({ providers: [MetricsRegistry, HttpMetrics], exports: [MetricsRegistry, HttpMetrics], controllers: [MetricsController] })
export class MetricsModule {}
