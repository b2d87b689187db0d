import {
  parseReference,
  type ContainerSummary,
  type EngineInfo,
  type ImageSummary,
} from '../../../../contract';
import { menuEnabled } from '../containers/RowMenu';
import type { ContainerAction } from '../containers/useContainerAction';
import { NAV_KEYS, ROW_KEYS } from './shortcuts';

export interface Command {
  /** Stable across renders and reloads (recency is kept by id). */
  id: string;
  /** What the option reads, "VERB NAME" like the row actions: "Stop web-1". */
  label: string;
  /** The key that does the same outside the palette, shown beside it. */
  shortcut?: string;
  run(): void;
}

type Row<T> = T & { engineId: string; engineName?: string };

export interface CommandSources {
  screens: { path: string; label: string }[];
  containers: Row<ContainerSummary>[];
  images: Row<ImageSummary>[];
  engines: EngineInfo[];
  currentEngineId: string | undefined;
  /** Several engines' rows: labels say which engine ("Stop web-1 on build-server"). */
  multi: boolean;
  query: string;
}

export interface CommandActions {
  go(path: string): void;
  container(c: Row<ContainerSummary>, action: ContainerAction): void;
  openWindow(kind: 'logs' | 'shell', c: Row<ContainerSummary>): void;
  openContainer(c: Row<ContainerSummary>): void;
  pull(ref: string, engineId: string | undefined): void;
  switchEngine(id: string): void;
  showShortcuts(): void;
  setDensity(d: 'compact' | 'comfortable'): void;
}

/** Every command the palette offers, built from what is loaded. Pure (actions are given). */
export function buildCommands(s: CommandSources, a: CommandActions): Command[] {
  const out: Command[] = [];
  for (const screen of s.screens) {
    const key = NAV_KEYS[screen.path];
    out.push({
      id: `go:${screen.path}`,
      label: `Go to ${screen.label}`,
      ...(key ? { shortcut: `g ${key}` } : {}),
      run: () => a.go(screen.path),
    });
  }
  for (const c of s.containers) {
    const on = s.multi && c.engineName ? ` on ${c.engineName}` : '';
    const id = (verb: string) => `container:${verb}:${c.engineId}/${c.name}`;
    const running = c.state === 'running' || c.state === 'restarting';
    const menu = menuEnabled(c);
    const act = (verb: 'Start' | 'Stop' | 'Restart' | 'Pause' | 'Unpause' | 'Kill') =>
      out.push({
        id: id(verb),
        label: `${verb} ${c.name}${on}`,
        ...(verb in ROW_KEYS ? { shortcut: ROW_KEYS[verb as keyof typeof ROW_KEYS] } : {}),
        run: () => a.container(c, { verb }),
      });
    if (running) act('Stop');
    else if (c.state !== 'paused') act('Start');
    act('Restart');
    out.push({
      id: id('Logs'),
      label: `Logs of ${c.name}${on}`,
      shortcut: ROW_KEYS.Logs,
      run: () => a.openWindow('logs', c),
    });
    if (running)
      out.push({
        id: id('Shell'),
        label: `Shell in ${c.name}${on}`,
        shortcut: ROW_KEYS.Shell,
        run: () => a.openWindow('shell', c),
      });
    out.push({
      id: id('Open'),
      label: `Open ${c.name}${on}`,
      shortcut: ROW_KEYS.Open,
      run: () => a.openContainer(c),
    });
    if (menu.Pause) act('Pause');
    if (menu.Unpause) act('Unpause');
    if (menu.Kill) act('Kill');
  }
  const refs = new Set<string>();
  for (const i of s.images) {
    if (!i.repoTag || refs.has(i.repoTag)) continue;
    refs.add(i.repoTag);
    out.push({
      id: `pull:${i.repoTag}`,
      label: `Pull ${i.repoTag}`,
      run: () => a.pull(i.repoTag!, i.engineId),
    });
  }
  // Any reference typed into the palette can be pulled, local or not.
  const typed = s.query.trim().replace(/^pull\s+/i, '');
  if (typed && !refs.has(typed) && !/\s/.test(typed) && parseReference(typed).ok) {
    out.push({ id: `pull:${typed}`, label: `Pull ${typed}`, run: () => a.pull(typed, undefined) });
  }
  for (const e of s.engines) {
    if (e.id === s.currentEngineId) continue;
    out.push({
      id: `engine:${e.id}`,
      label: `Switch engine to ${e.name}`,
      run: () => a.switchEngine(e.id),
    });
  }
  if (s.engines.length > 1)
    out.push({ id: 'engine:all', label: 'Show all engines', run: () => a.switchEngine('all') });
  out.push(
    {
      id: 'help:shortcuts',
      label: 'Keyboard shortcuts',
      shortcut: '?',
      run: a.showShortcuts,
    },
    { id: 'view:compact', label: 'Compact table rows', run: () => a.setDensity('compact') },
    {
      id: 'view:comfortable',
      label: 'Comfortable table rows',
      run: () => a.setDensity('comfortable'),
    },
  );
  return out;
}
