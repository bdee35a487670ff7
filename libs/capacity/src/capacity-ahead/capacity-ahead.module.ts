import { Module } from '@nestjs/common';
import { CapacityAheadResolver } from './capacity-ahead.resolver';
import { CapacityAheadService } from './capacity-ahead.service';

/** Capacity ahead (issue 18): the places expected free in 24 h and 72 h, for the register and the requests. */
@Module({
  providers: [CapacityAheadService, CapacityAheadResolver],
  exports: [CapacityAheadService],
})
export class CapacityAheadModule {}
