import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../../main/desktop/menu';

const actions = () => ({
  closeWindow: vi.fn(),
  showContainers: vi.fn(),
  setNotifications: vi.fn(),
  openDocs: vi.fn(),
});
const build = (platform: NodeJS.Platform, dev = false, a = actions()) =>
  buildMenuTemplate({ platform, appName: 'Porthole', dev, notifications: true, actions: a });
const sub = (m: MenuItemConstructorOptions) => m.submenu as MenuItemConstructorOptions[];
const roles = (m: MenuItemConstructorOptions) => sub(m).map((i) => i.role ?? i.label ?? i.type);
const labels = (t: MenuItemConstructorOptions[]) => t.map((m) => m.label ?? m.role);

describe('application menu', () => {
  it('macOS: App, File, Edit, View, Window, Help with the standard roles', () => {
    const t = build('darwin');
    expect(labels(t)).toEqual(['Porthole', 'File', 'Edit', 'View', 'window', 'help']);
    expect(roles(t[0]!)).toEqual([
      'about',
      'separator',
      'Show Notifications',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(roles(t[2]!)).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'separator',
      'selectAll',
    ]);
    expect(roles(t[4]!)).toEqual(['minimize', 'zoom', 'separator', 'front']);
    // Quit lives in the app menu on macOS, not in File.
    expect(roles(t[1]!)).not.toContain('quit');
  });

  it('Windows and Linux: File, Edit, View, Help; Quit and the switch in File', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const t = build(platform);
      expect(labels(t)).toEqual(['File', 'Edit', 'View', 'help']);
      expect(roles(t[0]!)).toEqual([
        'Containers',
        'Show Notifications',
        'separator',
        'Close Window',
        'separator',
        'quit',
      ]);
      expect(sub(t[0]!).find((i) => i.role === 'quit')!.accelerator).toBe('Ctrl+Q');
      expect(roles(t[1]!)).not.toContain('pasteAndMatchStyle');
      expect(roles(t[3]!)).toContain('about');
    }
  });

  it('Cmd/Ctrl+W is ours, not the close role: it closes log and shell windows only', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const a = actions();
      const items = build(platform, false, a).flatMap(sub);
      expect(items.some((i) => i.role === 'close')).toBe(false);
      const close = items.find((i) => i.accelerator === 'CmdOrCtrl+W')!;
      expect(close.label).toBe('Close Window');
      (close.click as () => void)();
      expect(a.closeWindow).toHaveBeenCalledTimes(1);
    }
  });

  it('reload and developer tools only when unpackaged', () => {
    expect(roles(build('linux', false)[2]!)).not.toContain('toggleDevTools');
    expect(roles(build('linux', true)[2]!)).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });

  it('the notifications switch is a checkbox that reports its new state', () => {
    const a = actions();
    const item = build('linux', false, a)
      .flatMap(sub)
      .find((i) => i.label === 'Show Notifications')!;
    expect(item).toMatchObject({ type: 'checkbox', checked: true });
    (item.click as (i: { checked: boolean }) => void)({ checked: false });
    expect(a.setNotifications).toHaveBeenCalledWith(false);
  });
});
