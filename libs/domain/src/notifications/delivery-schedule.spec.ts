import { DEFAULT_DELIVERY_SCHEDULE, nextDeliveryDelay } from './delivery-schedule';

describe('when a failed webhook is tried again', () => {
  const schedule = { maxAttempts: 5, firstDelayMs: 1_000, maxDelayMs: 5_000 };

  it('backs off exponentially up to the cap, then gives up', () => {
    expect([1, 2, 3, 4].map((made) => nextDeliveryDelay(made, schedule))).toEqual([1_000, 2_000, 4_000, 5_000]);
    expect(nextDeliveryDelay(5, schedule)).toBeNull();
  });

  it('keeps trying for about a day by default (a receiver down overnight gets its backlog)', () => {
    let total = 0;
    for (let made = 1; made < DEFAULT_DELIVERY_SCHEDULE.maxAttempts; made++)
      total += nextDeliveryDelay(made, DEFAULT_DELIVERY_SCHEDULE)!;
    expect(total).toBeGreaterThan(20 * 3_600_000);
    expect(total).toBeLessThan(48 * 3_600_000);
  });
});
