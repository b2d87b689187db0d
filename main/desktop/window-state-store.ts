import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { saveSettings } from '../fs/atomic';
import type { WindowKind, WindowPlacement } from './window-options';
import {
  parseWindowStates,
  recordPlacement,
  restorePlacement,
  type DisplayLike,
  type Rect,
  type WindowStates,
} from './window-state';

/** The part of Electron's `screen` this uses. */
export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): DisplayLike;
  getDisplayMatching(rect: Rect): DisplayLike;
}

/** The part of a BrowserWindow this uses. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';

export async function loadWindowStates(dataDir: string): Promise<WindowStates> {
  const text = await readFile(join(dataDir, WINDOW_STATE_FILE), 'utf8').catch(() => undefined);
  return parseWindowStates(text);
}

export interface WindowStateKeeper {
  /** Where a new window of this kind opens, and whether to maximise it once shown. */
  placementFor(
    kind: WindowKind,
    defaults: { width: number; height: number },
  ): {
    placement: WindowPlacement;
    maximized: boolean;
  };
  /** Remembers the window's place as it moves, and writes it down when it closes. */
  track(win: TrackedWindow, kind: WindowKind): void;
  /** The last write, for a clean quit. */
  flush(): Promise<void>;
}

/**
 * Keeps window-state.json: writes are atomic (a crash leaves the old file or the new one),
 * one at a time and in order, and a burst of moves is written once, after `settleMs`.
 */
export function createWindowStateKeeper(deps: {
  dataDir: string;
  screen: ScreenLike;
  initial: WindowStates;
  settleMs?: number;
  save?: (path: string, data: string, what: string) => Promise<void>;
  warn?: (message: string) => void;
}): WindowStateKeeper {
  const save = deps.save ?? saveSettings;
  const path = join(deps.dataDir, WINDOW_STATE_FILE);
  let states = deps.initial;
  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    const text = `${JSON.stringify(states, null, 2)}\n`;
    writing = writing
      .then(() => save(path, text, 'the window positions'))
      .catch((err: unknown) => deps.warn?.(err instanceof Error ? err.message : String(err)));
    return writing;
  };
  const remember = (win: TrackedWindow, kind: WindowKind) => {
    const bounds = win.getNormalBounds();
    const display = deps.screen.getDisplayMatching(bounds);
    states = recordPlacement(states, kind, display, { bounds, maximized: win.isMaximized() });
  };

  return {
    placementFor: (kind, defaults) =>
      restorePlacement(
        states,
        kind,
        deps.screen.getAllDisplays(),
        deps.screen.getPrimaryDisplay(),
        defaults,
      ),
    track(win, kind) {
      const soon = () => {
        remember(win, kind);
        clearTimeout(timer);
        timer = setTimeout(() => void write(), deps.settleMs ?? 500);
      };
      win.on('resize', soon);
      win.on('move', soon);
      win.on('close', () => {
        remember(win, kind);
        void write();
      });
    },
    flush: () => (timer ? write() : writing),
  };
}
