import { useEffect } from 'react';

/**
 * The tab's title: the screen's own words ("Werklijst — Opvangplek"), so a person with several tabs
 * (or a screen reader announcing the page) knows which is which, and in front of it a count of
 * what waits for them (the desk's open offers: "(2) Opvangplek — Opvangbalie…"). Both are set from
 * different places (the shell knows the screen, the desk the offers), so they are kept here and
 * joined whenever either changes.
 */
const title = { screen: '', count: 0 };

function apply(): void {
  const count = title.count > 0 ? `(${title.count}) ` : '';
  document.title = `${count}${title.screen}`;
}

/** The screen's title while it is shown: "<screen> — <app>", or the app name alone. */
export function useScreenTitle(screen: string | null, appName: string): void {
  const full = screen ? `${screen} — ${appName}` : appName;
  useEffect(() => {
    title.screen = full;
    apply();
  }, [full]);
}

/** A count in front of the title while `count` > 0 (the desk's open offers). */
export function useTitleCount(count: number): void {
  useEffect(() => {
    title.count = count;
    apply();
    return () => {
      title.count = 0;
      apply();
    };
  }, [count]);
}
