import { useEffect } from 'react';
import type { Theme } from '../../../../contract';
import { useSettings } from './queries';

const KEY = 'porthole.theme';

function apply(theme: Theme) {
  // styles.css: [data-theme] picks the light or dark variables (and color-scheme); none: the
  // system's (prefers-color-scheme).
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** Before the first render: the theme seen last time, so a dark user never sees a white flash. */
export function applyRememberedTheme() {
  const t = localStorage.getItem(KEY);
  if (t === 'light' || t === 'dark') apply(t);
}

/** Applies Settings → Theme to the page (every window, standalone ones too). */
export function ThemeFromSettings() {
  const { theme, loaded } = useSettings();
  useEffect(() => {
    if (!loaded) return;
    apply(theme);
    localStorage.setItem(KEY, theme);
  }, [theme, loaded]);
  return null;
}
