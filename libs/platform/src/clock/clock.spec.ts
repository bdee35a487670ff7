import { FixedClock, SimulatedClock, systemClock, wallDelayMs, wallIntervalMs } from './clock';
import { clockFromSettings } from './clock.module';

describe('SimulatedClock (issue 19)', () => {
  const start = new Date('2026-01-04T03:00:00Z');

  it('runs from its start at its speed, counted from the wall epoch', () => {
    let wall = 1_000_000;
    const clock = new SimulatedClock({ start, speed: 3600, wallEpochMs: 1_000_000 }, () => wall);
    expect(clock.now()).toEqual(start);
    wall += 1_000; // one wall second is a simulated hour
    expect(clock.now()).toEqual(new Date('2026-01-04T04:00:00Z'));
  });

  it('agrees across processes started at different wall moments with the same settings', () => {
    let wall = 5_000;
    const settings = { start, speed: 600, wallEpochMs: 2_000 };
    const api = new SimulatedClock(settings, () => wall);
    wall = 9_000;
    const worker = new SimulatedClock(settings, () => wall);
    expect(worker.now()).toEqual(api.now());
    expect(api.now()).toEqual(new Date(start.getTime() + 7_000 * 600));
  });

  it('refuses a speed of 0', () => {
    expect(() => new SimulatedClock({ start, speed: 0, wallEpochMs: 0 })).toThrow('speed above 0');
  });

  it('turns a delay in clock time into wall time: a 2-hour hold at 3600× is 2 wall seconds', () => {
    const clock = new SimulatedClock({ start, speed: 3600, wallEpochMs: 0 });
    expect(wallDelayMs(clock, 2 * 3_600_000)).toBe(2_000);
    expect(wallDelayMs(clock, -5)).toBe(0);
    expect(wallDelayMs(new FixedClock(start), 1_500)).toBe(1_500);
    expect(wallDelayMs(systemClock, 1_500)).toBe(1_500);
  });

  it('keeps a periodic timer at its clock interval but never tighter than the floor', () => {
    const clock = new SimulatedClock({ start, speed: 3600, wallEpochMs: 0 });
    expect(wallIntervalMs(clock, 30_000)).toBe(100);
    expect(wallIntervalMs(clock, 3_600_000)).toBe(1_000);
    expect(wallIntervalMs(systemClock, 30_000)).toBe(30_000);
  });

  it('is the process clock only when configured', () => {
    expect(clockFromSettings(null)).toBe(systemClock);
    expect(clockFromSettings({ start, speed: 2, wallEpochMs: Date.now() })).toBeInstanceOf(SimulatedClock);
  });
});
