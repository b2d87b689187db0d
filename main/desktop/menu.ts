import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** Cmd/Ctrl+W: closes a log or shell window, never the app (see windows.ts closeAction). */
  closeWindow(): void;
  /** The main window at the Containers screen with "Run a container" ready. */
  showContainers(): void;
  /** The notifications off switch (a checkbox item; kept in desktop-settings.json). */
  setNotifications(enabled: boolean): void;
  openDocs(): void;
}

/**
 * The application menu, with the platform's standard roles and shortcuts: on macOS
 * App/File/Edit/View/Window/Help, elsewhere File/Edit/View/Help. Cmd/Ctrl+W is ours (not the
 * `close` role) so that it closes a log or shell window but not the main one.
 */
export function buildMenuTemplate(opts: {
  platform: NodeJS.Platform;
  appName: string;
  /** Reload and developer tools only when unpackaged. */
  dev: boolean;
  notifications: boolean;
  actions: MenuActions;
}): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const { actions } = opts;
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const notify: MenuItemConstructorOptions = {
    label: 'Show Notifications',
    type: 'checkbox',
    checked: opts.notifications,
    click: (item) => actions.setNotifications(item.checked),
  };

  const app: MenuItemConstructorOptions = {
    label: opts.appName,
    submenu: [
      { role: 'about' },
      sep,
      notify,
      sep,
      { role: 'services' },
      sep,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Containers', accelerator: 'CmdOrCtrl+1', click: actions.showContainers },
      ...(mac ? [] : [notify]),
      sep,
      { label: 'Close Window', accelerator: 'CmdOrCtrl+W', click: actions.closeWindow },
      ...(mac ? [] : [sep, { role: 'quit' as const, accelerator: 'Ctrl+Q' }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
      { role: 'delete' },
      sep,
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(opts.dev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, sep] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = {
    role: 'window',
    submenu: [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: `${opts.appName} documentation`, click: actions.openDocs },
      ...(mac ? [] : [sep, { role: 'about' as const }]),
    ],
  };
  return mac ? [app, file, edit, view, window, help] : [file, edit, view, help];
}
