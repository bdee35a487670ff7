import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock, SimulatedClock, type SpeedChange, systemClock, wallDelayMs, wallIntervalMs } from './clock';
import { SpeedSchedule, SpeedScheduleFile } from './speed-schedule';
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

describe('a simulated clock whose speed changes (issue 19: fast through the hours nobody waits)', () => {
  const start = new Date('2026-01-04T03:00:00Z');
  const HOUR = 3_600_000;

  it('runs on from where it is at the new speed, from the change on; a delay set now counts a change announced ahead', () => {
    let wall = 0;
    const changes: SpeedChange[] = [];
    const clock = new SimulatedClock({ start, speed: 3600, wallEpochMs: 0 }, () => wall, { changes: () => changes });
    wall = 1_000; // an hour in
    changes.push({ fromWallMs: 1_500, fromMs: clock.timeAt(1_500), speed: 36_000 });
    expect(clock.now()).toEqual(new Date(start.getTime() + HOUR)); // announced, not yet applied
    expect(clock.speed).toBe(3600);
    // Half an hour at 3600× (500 wall ms) until the change, the other half at 36,000× (50 wall ms).
    expect(wallDelayMs(clock, HOUR)).toBe(550);
    expect(wallDelayMs(clock, 15 * 60_000)).toBe(250); // due before the change: the speed now
    wall = 2_500; // 1.5 h at the first speed, then a wall second at ten hours a second
    expect(clock.now()).toEqual(new Date(start.getTime() + 1.5 * HOUR + 10 * HOUR));
    expect(clock.speed).toBe(36_000);
    expect(wallDelayMs(clock, HOUR)).toBe(100);
  });

  it('never runs backwards in a process that learns of a slower speed after it applied', () => {
    let wall = 0;
    const changes: SpeedChange[] = [];
    const clock = new SimulatedClock({ start, speed: 36_000, wallEpochMs: 0 }, () => wall, { changes: () => changes });
    wall = 1_000;
    const late = clock.now().getTime(); // read at the fast speed, after the change should have applied
    changes.push({ fromWallMs: 500, fromMs: start.getTime() + 5 * HOUR, speed: 3600 });
    expect(clock.now().getTime()).toBe(late);
    wall = 4_000; // by the slower speed 8.5 h, behind what it said already: it holds
    expect(clock.now().getTime()).toBe(late);
    wall = 10_000; // the slower speed has caught up (14.5 h)
    expect(clock.now().getTime()).toBe(start.getTime() + 5 * HOUR + 9.5 * HOUR);
  });

  it('every process reading the schedule file agrees with the driver that writes it, from the moment it is written', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'speed-')), 'schedule.json');
    const settings = { start, speed: 3000, wallEpochMs: Date.now() };
    const schedule = new SpeedSchedule(path, Date.now, 20);
    const driver = new SimulatedClock(settings, Date.now, schedule);
    const reader = new SpeedScheduleFile(path);
    const worker = new SimulatedClock(settings, Date.now, reader);
    expect(worker.speed).toBe(3000);
    const appliesAt = schedule.change(driver, 30_000);
    // No polling interval to wait out: the next reading of the clock looks at the file.
    expect(reader.changes()).toEqual(schedule.changes());
    for (const wallMs of [appliesAt - 10, appliesAt, appliesAt + 1_000])
      expect(worker.timeAt(wallMs)).toBe(driver.timeAt(wallMs));
    const calmAgainAt = schedule.change(driver, 3000, appliesAt + 5_000);
    expect(worker.timeAt(calmAgainAt + 1_000)).toBe(driver.timeAt(calmAgainAt + 1_000));
    writeFileSync(path, '[{"half":'); // caught mid-write by some other writer: the last read stands
    expect(reader.changes()).toHaveLength(2);
  });

  it('a change announced for later is reckoned on the speed before it, and dropped when an earlier one replaces that', () => {
    let wall = 0;
    const path = join(mkdtempSync(join(tmpdir(), 'speed-')), 'schedule.json');
    const schedule = new SpeedSchedule(path, () => wall, 100);
    const clock = new SimulatedClock({ start, speed: 3600, wallEpochMs: 0 }, () => wall, schedule);
    schedule.change(clock, 36_000); // calm from wall 100 (6 minutes in)
    const slowAgainAt = clock.wallAt(start.getTime() + 10 * HOUR); // back to 3600× when she arrives at 10:00
    expect(schedule.change(clock, 3600, slowAgainAt)).toBe(slowAgainAt);
    expect(slowAgainAt).toBe(100 + (10 * HOUR - 0.1 * HOUR) / 36_000);
    wall = slowAgainAt + 1_000;
    expect(clock.now().getTime()).toBe(start.getTime() + 11 * HOUR);
    // Someone needs the slow speed sooner: the later change, reckoned on the calm speed, goes.
    wall = 200;
    schedule.change(clock, 3600);
    expect(schedule.changes().map((change) => change.fromWallMs)).toEqual([100, 300]);
  });

  it('keeps only the change in force ten seconds ago and those after it: a year of changes is not written and read whole each time', () => {
    let wall = 0;
    const path = join(mkdtempSync(join(tmpdir(), 'speed-')), 'schedule.json');
    const schedule = new SpeedSchedule(path, () => wall, 20);
    const clock = new SimulatedClock({ start, speed: 3000, wallEpochMs: 0 }, () => wall, schedule);
    for (let i = 0; i < 1_000; i++) {
      wall = i * 100;
      schedule.change(clock, i % 2 === 0 ? 300 : 3000);
    }
    const kept = schedule.changes();
    expect(kept.length).toBeLessThanOrEqual(102);
    expect(kept[0].fromWallMs).toBeLessThanOrEqual(wall - 10_000);
    expect(new SpeedScheduleFile(path).changes()).toEqual(kept);
    // The clock reads now as it did with every change kept: the one in force is there.
    const whole = new SimulatedClock({ start, speed: 3000, wallEpochMs: 0 }, () => wall);
    let expected = whole.timeAt(0);
    let at = 0;
    let speed = 3000;
    for (let i = 0; i < 1_000; i++) {
      const from = i * 100 + 20;
      expected += (from - at) * speed;
      at = from;
      speed = i % 2 === 0 ? 300 : 3000;
    }
    expect(clock.timeAt(wall + 50)).toBeCloseTo(expected + (wall + 50 - at) * speed, 3);
    // Every change is kept apart: a past wall moment reads back as the clock read it then.
    expect(schedule.everyChange()).toHaveLength(1_000);
    const past = new SimulatedClock({ start, speed: 3000, wallEpochMs: 0 }, () => 250, { changes: () => schedule.everyChange() });
    // 20 wall ms at 3000×, 100 at 300×, 100 at 3000×, then 30 at 300×.
    expect(past.timeAt(250) - start.getTime()).toBe(20 * 3000 + 100 * 300 + 100 * 3000 + 30 * 300);
  });
});
