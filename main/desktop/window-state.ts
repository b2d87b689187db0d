import { z } from 'zod';
import type { WindowKind, WindowPlacement } from './window-options';

/**
 * Where each kind of window was, per display: restored only on a display that still exists and
 * only where its title bar can be reached; otherwise the remembered size, centred on the primary
 * display. Pure: window-state-store.ts feeds it Electron's screen and windows.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

const Int = z.number().int().min(-100_000).max(100_000);
const RectSchema = z.strictObject({ x: Int, y: Int, width: Int.min(1), height: Int.min(1) });
const Saved = z.strictObject({ bounds: RectSchema, maximized: z.boolean() });
export type SavedWindow = z.infer<typeof Saved>;
const PerKind = z.strictObject({
  /** The display the window was last closed on. */
  last: z.number().int().optional(),
  byDisplay: z.record(z.string().max(24), Saved),
});
export const WindowStates = z.strictObject({
  version: z.literal(1),
  windows: z.partialRecord(z.enum(['main', 'logs', 'shell']), PerKind),
});
export type WindowStates = z.infer<typeof WindowStates>;

export const EMPTY_WINDOW_STATES: WindowStates = { version: 1, windows: {} };
/** Displays remembered per kind of window: the most recent ones. */
const MAX_DISPLAYS = 8;
/** How much of the title bar must be on the display for a remembered place to count. */
const GRAB = { width: 120, height: 32 };

/** The saved file as it is, or nothing remembered when it is missing, damaged or foreign. */
export function parseWindowStates(text: string | undefined): WindowStates {
  if (!text) return EMPTY_WINDOW_STATES;
  try {
    const parsed = WindowStates.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : EMPTY_WINDOW_STATES;
  } catch {
    return EMPTY_WINDOW_STATES;
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The window's title bar strip is inside the display's work area, enough to grab it. */
export function reachable(bounds: Rect, workArea: Rect): boolean {
  const titleBar = { ...bounds, height: GRAB.height };
  const o = overlap(titleBar, workArea);
  return o.width >= Math.min(GRAB.width, bounds.width) && o.height >= GRAB.height;
}

function fitSize(size: { width: number; height: number }, area: Rect) {
  return { width: Math.min(size.width, area.width), height: Math.min(size.height, area.height) };
}

function centred(size: { width: number; height: number }, area: Rect): WindowPlacement {
  const s = fitSize(size, area);
  return {
    ...s,
    x: Math.round(area.x + (area.width - s.width) / 2),
    y: Math.round(area.y + (area.height - s.height) / 2),
  };
}

/** Where to open a window of this kind, given the displays there are now. */
export function restorePlacement(
  states: WindowStates,
  kind: WindowKind,
  displays: readonly DisplayLike[],
  primary: DisplayLike,
  defaults: { width: number; height: number },
): { placement: WindowPlacement; maximized: boolean } {
  const mine = states.windows[kind];
  const order = mine
    ? [
        ...(mine.last !== undefined ? [String(mine.last)] : []),
        ...Object.keys(mine.byDisplay).filter((k) => k !== String(mine.last)),
      ]
    : [];
  for (const key of order) {
    const saved = mine!.byDisplay[key];
    const display = displays.find((d) => String(d.id) === key);
    if (!saved || !display || !reachable(saved.bounds, display.workArea)) continue;
    const size = fitSize(saved.bounds, display.workArea);
    return {
      placement: { x: saved.bounds.x, y: saved.bounds.y, ...size },
      maximized: saved.maximized,
    };
  }
  // Its display is gone (unplugged, or moved so far that the window would be out of reach).
  const lastSaved = mine?.last !== undefined ? mine.byDisplay[String(mine.last)] : undefined;
  return {
    placement: centred(lastSaved?.bounds ?? defaults, primary.workArea),
    maximized: lastSaved?.maximized ?? false,
  };
}

/** The states with this window's place on this display remembered (the newest display last). */
export function recordPlacement(
  states: WindowStates,
  kind: WindowKind,
  display: DisplayLike,
  saved: SavedWindow,
): WindowStates {
  const key = String(display.id);
  const before = states.windows[kind]?.byDisplay ?? {};
  const others = Object.entries(before).filter(([k]) => k !== key);
  const byDisplay = Object.fromEntries([...others.slice(-(MAX_DISPLAYS - 1)), [key, saved]]);
  return {
    ...states,
    windows: { ...states.windows, [kind]: { last: display.id, byDisplay } },
  };
}
