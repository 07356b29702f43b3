/** Applies a colour theme now and remembers it for the next page load (see static/theme.js). */
import { loadSettings } from '$lib/db';
import type { Theme } from '$lib/domain';

const KEY = 'factdeck-theme';

export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  try {
    if (theme === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // Storage blocked: the theme still applies to this page.
  }
}

/** The theme chosen in Settings wins over the copy static/theme.js read before the first paint. */
export async function applyStoredTheme(): Promise<void> {
  try {
    applyTheme((await loadSettings()).theme);
  } catch {
    // Storage blocked: the copy stays.
  }
}
