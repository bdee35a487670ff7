import { type Clock, SimulatedClock, type SpeedChange } from './clock';

/** How often (wall ms) a process looks for a new speed change: well within the 20 ms a change is announced ahead. */
const LOOK_EVERY_MS = 5;

/**
 * Calls `changed` each time a simulated clock learns of a new speed change (issue 19), so what was
 * reckoned in wall time at the old speed (a queue's delays) can be reckoned again before the change
 * applies. One call at a time: changes seen during a call make one more call after it. On any other
 * clock the speed never changes and nothing runs. Returns the stop.
 */
export function whenSpeedChanges(clock: Clock, changed: () => Promise<unknown>, onError: (error: Error) => void): () => void {
  if (!(clock instanceof SimulatedClock)) return () => undefined;
  let seen = signature(clock.knownChanges());
  let running = false;
  let again = false;
  const run = (): void => {
    running = true;
    again = false;
    changed()
      .catch(onError)
      .finally(() => {
        running = false;
        if (again) run();
      });
  };
  const timer = setInterval(() => {
    const now = signature(clock.knownChanges());
    if (now === seen) return;
    seen = now;
    if (running) again = true;
    else run();
  }, LOOK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** The known changes in one string: a change added, dropped or replaced changes it. */
function signature(changes: readonly SpeedChange[]): string {
  const last = changes[changes.length - 1];
  return last ? `${changes.length}:${last.fromWallMs}:${last.fromMs}:${last.speed}` : '0';
}
