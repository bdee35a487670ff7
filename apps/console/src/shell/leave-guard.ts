import { useEffect } from 'react';

/**
 * Work on screen that leaving would lose (a desk card's unsaved steps). While any is registered,
 * closing or reloading the tab asks first (beforeunload), and so does moving to another screen in
 * the console (`mayLeave`, called by the navigation before it switches).
 */
const unsaved = new Map<symbol, string>();

function onBeforeUnload(event: BeforeUnloadEvent) {
  if (unsaved.size === 0) return;
  // Browsers show their own words here; preventDefault is what asks.
  event.preventDefault();
  event.returnValue = '';
}

/** Registers `message` as long as `active`: the question asked before leaving. */
export function useLeaveGuard(active: boolean, message: string): void {
  useEffect(() => {
    if (!active) return;
    const key = Symbol('unsaved');
    unsaved.set(key, message);
    if (unsaved.size === 1) window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unsaved.delete(key);
      if (unsaved.size === 0) window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [active, message]);
}

/** True when nothing would be lost, or the person chose to leave anyway. */
export function mayLeave(): boolean {
  if (unsaved.size === 0) return true;
  const [message] = unsaved.values();
  return window.confirm(message);
}
