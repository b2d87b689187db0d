import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EMPTY_WINDOW_STATES,
  parseWindowStates,
  reachable,
  recordPlacement,
  restorePlacement,
  type DisplayLike,
} from '../../../../main/desktop/window-state';
import {
  createWindowStateKeeper,
  loadWindowStates,
  WINDOW_STATE_FILE,
  type TrackedWindow,
} from '../../../../main/desktop/window-state-store';

const laptop: DisplayLike = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1440, height: 900 },
  workArea: { x: 0, y: 25, width: 1440, height: 875 },
};
const monitor: DisplayLike = {
  id: 2,
  bounds: { x: 1440, y: 0, width: 2560, height: 1440 },
  workArea: { x: 1440, y: 0, width: 2560, height: 1400 },
};
const DEFAULTS = { width: 1280, height: 800 };

describe('window placement', () => {
  it('nothing remembered: the default size, centred on the primary display', () => {
    expect(restorePlacement(EMPTY_WINDOW_STATES, 'main', [laptop], laptop, DEFAULTS)).toEqual({
      placement: { x: 80, y: 63, width: 1280, height: 800 },
      maximized: false,
    });
  });

  it('restores size, position and maximised on the display it was on', () => {
    let s = recordPlacement(EMPTY_WINDOW_STATES, 'main', monitor, {
      bounds: { x: 2000, y: 100, width: 1600, height: 1000 },
      maximized: true,
    });
    s = recordPlacement(s, 'logs', laptop, {
      bounds: { x: 50, y: 60, width: 700, height: 500 },
      maximized: false,
    });
    expect(restorePlacement(s, 'main', [laptop, monitor], laptop, DEFAULTS)).toEqual({
      placement: { x: 2000, y: 100, width: 1600, height: 1000 },
      maximized: true,
    });
    expect(restorePlacement(s, 'logs', [laptop, monitor], laptop, DEFAULTS).placement).toEqual({
      x: 50,
      y: 60,
      width: 700,
      height: 500,
    });
  });

  it('per display: each display keeps its own place; the last one used wins', () => {
    let s = recordPlacement(EMPTY_WINDOW_STATES, 'main', laptop, {
      bounds: { x: 10, y: 30, width: 1000, height: 700 },
      maximized: false,
    });
    s = recordPlacement(s, 'main', monitor, {
      bounds: { x: 1500, y: 50, width: 2000, height: 1200 },
      maximized: false,
    });
    expect(Object.keys(s.windows.main!.byDisplay).sort()).toEqual(['1', '2']);
    expect(restorePlacement(s, 'main', [laptop, monitor], laptop, DEFAULTS).placement.x).toBe(1500);
    // The monitor is unplugged: the laptop's own remembered place.
    expect(restorePlacement(s, 'main', [laptop], laptop, DEFAULTS).placement).toEqual({
      x: 10,
      y: 30,
      width: 1000,
      height: 700,
    });
  });

  it('never restores onto a display that is gone, or out of reach', () => {
    const s = recordPlacement(EMPTY_WINDOW_STATES, 'main', monitor, {
      bounds: { x: 2000, y: 100, width: 1600, height: 1000 },
      maximized: false,
    });
    // Only the laptop now: the remembered size, shrunk to fit, centred on it.
    expect(restorePlacement(s, 'main', [laptop], laptop, DEFAULTS)).toEqual({
      placement: { x: 0, y: 25, width: 1440, height: 875 },
      maximized: false,
    });
    // Same display id, but now smaller: the title bar would be off screen.
    const shrunk = { ...monitor, workArea: { x: 1440, y: 0, width: 400, height: 300 } };
    const p = restorePlacement(s, 'main', [laptop, shrunk], laptop, DEFAULTS).placement;
    expect(reachable({ ...p, x: p.x!, y: p.y! }, laptop.workArea)).toBe(true);
    expect(reachable({ x: -5000, y: 0, width: 800, height: 600 }, laptop.workArea)).toBe(false);
    expect(reachable({ x: 100, y: -20, width: 800, height: 600 }, laptop.workArea)).toBe(false);
  });

  it('a damaged or foreign file is nothing remembered', () => {
    expect(parseWindowStates('{')).toEqual(EMPTY_WINDOW_STATES);
    expect(parseWindowStates(JSON.stringify({ version: 2 }))).toEqual(EMPTY_WINDOW_STATES);
    const big = {
      version: 1,
      windows: {
        main: {
          byDisplay: { '1': { bounds: { x: 1e9, y: 0, width: 1, height: 1 }, maximized: false } },
        },
      },
    };
    expect(parseWindowStates(JSON.stringify(big))).toEqual(EMPTY_WINDOW_STATES);
  });
});

describe('window state file', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  function fakeWindow(bounds = { x: 100, y: 100, width: 900, height: 600 }) {
    const listeners = new Map<string, () => void>();
    const win: TrackedWindow & {
      emit(e: string): void;
      bounds: typeof bounds;
      maximized: boolean;
    } = {
      bounds,
      maximized: false,
      on: (event, l) => void listeners.set(event, l),
      getNormalBounds: () => win.bounds,
      isMaximized: () => win.maximized,
      emit: (e) => listeners.get(e)?.(),
    };
    return win;
  }

  it('is written atomically on close and read back at the next start', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pt-ws-'));
    const screen = {
      getAllDisplays: () => [laptop, monitor],
      getPrimaryDisplay: () => laptop,
      getDisplayMatching: () => monitor,
    };
    const keeper = createWindowStateKeeper({
      dataDir: dir,
      screen,
      initial: await loadWindowStates(dir),
    });
    const win = fakeWindow();
    keeper.track(win, 'shell');
    win.bounds = { x: 1600, y: 40, width: 880, height: 560 };
    win.maximized = true;
    win.emit('close');
    await keeper.flush();
    const saved = JSON.parse(await readFile(join(dir, WINDOW_STATE_FILE), 'utf8'));
    expect(saved.windows.shell.last).toBe(2);
    const next = createWindowStateKeeper({
      dataDir: dir,
      screen,
      initial: await loadWindowStates(dir),
    });
    expect(next.placementFor('shell', DEFAULTS)).toEqual({
      placement: { x: 1600, y: 40, width: 880, height: 560 },
      maximized: true,
    });
  });

  it('a burst of moves is one write, after it settles; a failed write is reported, not thrown', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pt-ws-'));
    const writes: string[] = [];
    const warnings: string[] = [];
    const screen = {
      getAllDisplays: () => [laptop],
      getPrimaryDisplay: () => laptop,
      getDisplayMatching: () => laptop,
    };
    const keeper = createWindowStateKeeper({
      dataDir: dir,
      screen,
      initial: EMPTY_WINDOW_STATES,
      settleMs: 1,
      save: async (_p, data) => {
        writes.push(data);
        throw new Error('Could not save the window positions: read-only');
      },
      warn: (m) => warnings.push(m),
    });
    const win = fakeWindow();
    keeper.track(win, 'main');
    for (let i = 0; i < 5; i++) win.emit('move');
    await keeper.flush();
    expect(writes).toHaveLength(1);
    expect(warnings).toEqual(['Could not save the window positions: read-only']);
  });

  it('a file someone damaged starts from nothing remembered', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pt-ws-'));
    await writeFile(join(dir, WINDOW_STATE_FILE), 'not json');
    expect(await loadWindowStates(dir)).toEqual(EMPTY_WINDOW_STATES);
  });
});
