import { useCallback, useEffect, useState } from 'react';

export type Theme = 'light' | 'dark';

/** Only the person's choice of light or dark is kept across visits; nothing about people ever is. */
const THEME_KEY = 'opvangplek.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function chosenTheme(): Theme | null {
  const stored = localStorage.getItem(THEME_KEY);
  return stored === 'light' || stored === 'dark' ? stored : null;
}

function systemTheme(): Theme {
  return globalThis.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

/**
 * Sets `<html data-theme>`, which styles.css reads. Called before the first render (main.tsx), so a
 * phone in dark mode never flashes a white page at 3 a.m.
 */
export function applyTheme(theme: Theme = chosenTheme() ?? systemTheme()): void {
  document.documentElement.dataset.theme = theme;
}

/**
 * The theme shown: the person's choice when they made one (the toggle), else the device's setting,
 * followed live while no choice was made (a phone switching to dark at sunset).
 */
export function useTheme(): { theme: Theme; toggle(): void } {
  const [choice, setChoice] = useState<Theme | null>(chosenTheme);
  const [system, setSystem] = useState<Theme>(systemTheme);
  useEffect(() => {
    const query = globalThis.matchMedia?.(DARK_QUERY);
    if (!query) return;
    const follow = () => setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  const theme = choice ?? system;
  useEffect(() => applyTheme(theme), [theme]);
  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(THEME_KEY, next);
    setChoice(next);
  }, [theme]);
  return { theme, toggle };
}
