import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, type Clock, SimulatedClock, type SimulatedClockSettings, systemClock } from './clock';
import { SpeedScheduleFile } from './speed-schedule';

@Global()
@Module({})
export class ClockModule {
  /** The system clock, or the one given (tests). */
  static forRoot(clock: Clock = systemClock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] };
  }
}

/** The clock a process runs on: the simulated one when configured (issue 19), else the system clock. */
export function clockFromSettings(simulated: SimulatedClockSettings | null): Clock {
  if (simulated === null) return systemClock;
  return simulated.scheduleFile
    ? new SimulatedClock(simulated, Date.now, new SpeedScheduleFile(simulated.scheduleFile))
    : new SimulatedClock(simulated);
}
