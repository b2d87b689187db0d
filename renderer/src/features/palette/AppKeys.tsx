import { useCallback, useEffect, useRef, useState } from 'react';
import { isTypingTarget, ROW_SELECTOR } from '../../components/rowKeys';
import { useDensity } from '../../components/tablePrefs';
import '../../components/tables.css';
import { SCREENS } from '../../screens';
import { CommandPalette } from './CommandPalette';
import { NAV_KEYS } from './shortcuts';
import { ShortcutsDialog } from './ShortcutsDialog';

const G_WINDOW_MS = 1500;

/** What a key pressed outside any field does, app-wide. Pure. */
export function globalKey(
  e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  afterG: boolean,
):
  | { kind: 'palette' }
  | { kind: 'help' }
  | { kind: 'g' }
  | { kind: 'go'; path: string }
  | { kind: 'filter' }
  | { kind: 'rows' }
  | undefined {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k')
    return { kind: 'palette' };
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (afterG) {
    const path = Object.keys(NAV_KEYS).find((p) => NAV_KEYS[p] === e.key);
    return path ? { kind: 'go', path } : undefined;
  }
  if (e.key === '?') return { kind: 'help' };
  if (e.key === 'g') return { kind: 'g' };
  if (e.key === '/') return { kind: 'filter' };
  if (e.key === 'j' || e.key === 'k') return { kind: 'rows' };
  return undefined;
}

/**
 * The app's keyboard layer (main window only): Ctrl/Cmd+K opens the command palette, `?` the
 * shortcuts, `g` + letter goes to a screen, `/` focuses the screen's filter, j/k step into the
 * table. Nothing fires while typing in a field or while another dialog is open. Also applies
 * the table density everywhere.
 */
export function AppKeys() {
  const [open, setOpen] = useState<'palette' | 'help' | undefined>();
  const gAt = useRef(0);
  const [density] = useDensity();
  useEffect(() => {
    document.documentElement.dataset.density = density;
  }, [density]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const afterG = Date.now() - gAt.current < G_WINDOW_MS;
      const what = globalKey(e, afterG);
      gAt.current = 0;
      if (!what) return;
      // Ctrl/Cmd+K works from a field too (it is not text); the rest never do.
      if (what.kind !== 'palette' && isTypingTarget(e.target)) return;
      const dialogOpen = !!document.querySelector('dialog[open]');
      if (what.kind === 'palette') {
        if (dialogOpen && !document.querySelector('dialog[open].palette')) return;
        e.preventDefault();
        setOpen((o) => (o === 'palette' ? undefined : 'palette'));
        return;
      }
      if (dialogOpen) return;
      // Row keys on a focused row belong to the table.
      if (what.kind === 'rows' && (e.target as Element | null)?.closest?.(ROW_SELECTOR)) return;
      e.preventDefault();
      if (what.kind === 'help') setOpen('help');
      else if (what.kind === 'g') gAt.current = Date.now();
      else if (what.kind === 'go') {
        if (SCREENS.some((s) => s.path === what.path)) location.hash = `#/${what.path}`;
      } else if (what.kind === 'filter') {
        document.querySelector<HTMLInputElement>('main input[aria-label^="Filter"]')?.focus();
      } else {
        const main = document.querySelector('main');
        const row =
          main?.querySelector<HTMLElement>(`${ROW_SELECTOR}[tabindex="0"]`) ??
          main?.querySelector<HTMLElement>(ROW_SELECTOR);
        row?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const close = useCallback(() => setOpen(undefined), []);
  const showShortcuts = useCallback(() => setOpen('help'), []);
  if (open === 'palette') return <CommandPalette onClose={close} onShowShortcuts={showShortcuts} />;
  if (open === 'help') return <ShortcutsDialog onClose={close} />;
  return null;
}
