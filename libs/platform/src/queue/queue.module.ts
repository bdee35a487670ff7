import { Global, Module } from '@nestjs/common';
import { QueueFactory } from './queue-factory';
import { QueueMetrics } from './queue-metrics';

@Global()
@Module({ providers: [QueueFactory, QueueMetrics], exports: [QueueFactory] })
export class QueueModule {}
