import type { MenuItemConstructorOptions } from 'electron';

/** A container as the tray shows it. */
export interface TrayContainer {
  engineId: string;
  id: string;
  name: string;
  state: string;
}

export interface TrayActions {
  start(c: TrayContainer): void;
  stop(c: TrayContainer): void;
  openPorthole(): void;
  quit(): void;
}

/** Containers in the tray: the recently used first, then running ones, at most this many. */
export const TRAY_CONTAINERS = 5;

export const keyOf = (c: { engineId: string; id: string }) => `${c.engineId}/${c.id}`;

export function runningLabel(running: number): string {
  if (running === 0) return 'No containers running';
  return `${running} container${running === 1 ? '' : 's'} running`;
}

/** Recently used (newest first, by `engineId/id`) that still exist, then running ones. */
export function trayContainers(
  list: readonly TrayContainer[],
  recent: readonly string[],
  limit = TRAY_CONTAINERS,
): TrayContainer[] {
  const byKey = new Map(list.map((c) => [keyOf(c), c]));
  const picked = recent.map((k) => byKey.get(k)).filter((c): c is TrayContainer => !!c);
  const seen = new Set(picked.map(keyOf));
  const running = list
    .filter((c) => c.state === 'running' && !seen.has(keyOf(c)))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [...picked, ...running].slice(0, limit);
}

/** The tray menu: the running count, start/stop of recent containers, Open Porthole, Quit. */
export function buildTrayTemplate(opts: {
  containers: readonly TrayContainer[];
  recent: readonly string[];
  actions: TrayActions;
}): MenuItemConstructorOptions[] {
  const running = opts.containers.filter((c) => c.state === 'running').length;
  const shown = trayContainers(opts.containers, opts.recent);
  const items: MenuItemConstructorOptions[] = shown.map((c) =>
    c.state === 'running'
      ? { label: `Stop ${c.name}`, click: () => opts.actions.stop(c) }
      : { label: `Start ${c.name}`, click: () => opts.actions.start(c) },
  );
  return [
    { label: runningLabel(running), enabled: false },
    ...(items.length ? [{ type: 'separator' as const }, ...items] : []),
    { type: 'separator' },
    { label: 'Open Porthole', click: opts.actions.openPorthole },
    { label: 'Quit Porthole', click: opts.actions.quit },
  ];
}

/** The parts of Electron's Tray and Menu this uses. */
export interface TrayLike {
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}
export interface MenuFactory {
  buildFromTemplate(template: MenuItemConstructorOptions[]): unknown;
}

/**
 * The tray (menu-bar) icon, kept up to date from the container list. `badge` sets the
 * dock/taskbar count where the platform has one (app.setBadgeCount).
 */
export function installTray(deps: {
  tray: TrayLike;
  Menu: MenuFactory;
  actions: TrayActions;
  badge?(count: number): void;
}) {
  let containers: readonly TrayContainer[] = [];
  const recent: string[] = [];
  const render = () => {
    const running = containers.filter((c) => c.state === 'running').length;
    deps.tray.setToolTip(`Porthole — ${runningLabel(running).toLowerCase()}`);
    deps.tray.setContextMenu(
      deps.Menu.buildFromTemplate(buildTrayTemplate({ containers, recent, actions: deps.actions })),
    );
    deps.badge?.(running);
  };
  deps.tray.on('click', deps.actions.openPorthole);
  render();
  return {
    update(list: readonly TrayContainer[]) {
      containers = list;
      render();
    },
    /** A container the user just worked with (opened its logs or shell, started, stopped). */
    used(engineId: string, id: string) {
      const key = keyOf({ engineId, id });
      const at = recent.indexOf(key);
      if (at >= 0) recent.splice(at, 1);
      recent.unshift(key);
      recent.length = Math.min(recent.length, 20);
      render();
    },
    destroy: () => deps.tray.destroy(),
  };
}

/** Quitting with shells open asks first: the dialog, or nothing to ask. */
export function quitPrompt(shells: number) {
  if (shells === 0) return undefined;
  return {
    type: 'question' as const,
    title: 'Quit Porthole?',
    message: `Quit Porthole? ${shells === 1 ? '1 shell is' : `${shells} shells are`} open.`,
    detail: 'Quitting ends every shell session; the containers keep running.',
    buttons: ['Quit', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  };
}

/**
 * Asks before a quit that would end shell sessions (the menu's Quit, the tray's, Cmd+Q…).
 * `ask` is dialog.showMessageBoxSync; it answers the index of the button pressed.
 */
export function guardQuit(
  app: { on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown },
  shells: () => number,
  ask: (options: NonNullable<ReturnType<typeof quitPrompt>>) => number,
): void {
  let confirmed = false;
  app.on('before-quit', (event) => {
    const prompt = quitPrompt(shells());
    if (confirmed || !prompt) return;
    if (ask(prompt) === 0) confirmed = true;
    else event.preventDefault();
  });
}
