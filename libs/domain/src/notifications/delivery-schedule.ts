/**
 * When a failed webhook delivery is tried again: exponential backoff from `firstDelayMs`, capped
 * at `maxDelayMs`, for at most `maxAttempts` tries in all; after the last it is a dead letter,
 * listed for ADMIN and tried again only when one asks.
 */
export interface DeliverySchedule {
  maxAttempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** About a day of tries (30 s, 1, 2, 4 … min, then every 4 h): a receiver down overnight still gets its morning backlog. */
export const DEFAULT_DELIVERY_SCHEDULE: DeliverySchedule = { maxAttempts: 15, firstDelayMs: 30_000, maxDelayMs: 4 * 3_600_000 };

/** The delay before try `attemptsMade + 1`, or null when `attemptsMade` tries were the last. */
export function nextDeliveryDelay(attemptsMade: number, schedule: DeliverySchedule): number | null {
  if (attemptsMade >= schedule.maxAttempts) return null;
  return Math.min(schedule.maxDelayMs, schedule.firstDelayMs * 2 ** Math.max(0, attemptsMade - 1));
}
