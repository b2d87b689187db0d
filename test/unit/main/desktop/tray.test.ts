import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  buildTrayTemplate,
  guardQuit,
  installTray,
  quitPrompt,
  runningLabel,
  trayContainers,
  type TrayContainer,
} from '../../../../main/desktop/tray';

const c = (name: string, state = 'running', engineId = 'local'): TrayContainer => ({
  engineId,
  id: `id-${name}`,
  name,
  state,
});
const actions = () => ({ start: vi.fn(), stop: vi.fn(), openPorthole: vi.fn(), quit: vi.fn() });
const labels = (t: MenuItemConstructorOptions[]) => t.map((i) => i.label ?? i.type);

describe('tray menu', () => {
  it('running count, start/stop of recent containers, Open Porthole, Quit', () => {
    const a = actions();
    const list = [c('web'), c('db'), c('job', 'exited'), c('cache', 'exited')];
    const t = buildTrayTemplate({ containers: list, recent: ['local/id-job'], actions: a });
    expect(labels(t)).toEqual([
      '2 containers running',
      'separator',
      'Start job',
      'Stop db',
      'Stop web',
      'separator',
      'Open Porthole',
      'Quit Porthole',
    ]);
    expect(t[0]!.enabled).toBe(false);
    (t[2]!.click as () => void)();
    expect(a.start).toHaveBeenCalledWith(list[2]);
    (t[3]!.click as () => void)();
    expect(a.stop).toHaveBeenCalledWith(list[1]);
    (t.at(-1)!.click as () => void)();
    expect(a.quit).toHaveBeenCalled();
  });

  it('no containers: just the count and the two commands', () => {
    expect(labels(buildTrayTemplate({ containers: [], recent: [], actions: actions() }))).toEqual([
      'No containers running',
      'separator',
      'Open Porthole',
      'Quit Porthole',
    ]);
    expect(runningLabel(1)).toBe('1 container running');
  });

  it('recently used first (gone ones skipped), then running, at most five, per engine', () => {
    const list = [
      c('a'),
      c('b'),
      c('c'),
      c('d'),
      c('e'),
      c('f'),
      c('old', 'exited'),
      c('a', 'exited', 'remote'),
    ];
    const shown = trayContainers(list, ['remote/id-a', 'local/id-gone', 'local/id-old']);
    expect(shown.map((x) => `${x.engineId}/${x.name}`)).toEqual([
      'remote/a',
      'local/old',
      'local/a',
      'local/b',
      'local/c',
    ]);
  });

  it('installTray keeps tooltip, menu and badge in step with the list', () => {
    const menus: MenuItemConstructorOptions[][] = [];
    const tray = { setToolTip: vi.fn(), setContextMenu: vi.fn(), on: vi.fn(), destroy: vi.fn() };
    const badge = vi.fn();
    const t = installTray({
      tray,
      Menu: { buildFromTemplate: (tpl) => (menus.push(tpl), tpl) },
      actions: actions(),
      badge,
    });
    t.update([c('web'), c('db', 'exited')]);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Porthole — 1 container running');
    expect(badge).toHaveBeenLastCalledWith(1);
    t.used('local', 'id-db');
    expect(labels(menus.at(-1)!).slice(2, 4)).toEqual(['Start db', 'Stop web']);
    expect(tray.on).toHaveBeenCalledWith('click', expect.any(Function));
  });
});

describe('quitting with shells open', () => {
  function fakeApp() {
    let listener: ((e: { preventDefault(): void }) => void) | undefined;
    return {
      on: (_e: 'before-quit', l: (e: { preventDefault(): void }) => void) => void (listener = l),
      quit: () => {
        const e = { preventDefault: vi.fn() };
        listener!(e);
        return e.preventDefault.mock.calls.length === 0;
      },
    };
  }

  it('asks first, and Cancel keeps the app', () => {
    const app = fakeApp();
    const ask = vi.fn().mockReturnValueOnce(1).mockReturnValueOnce(0);
    guardQuit(app, () => 2, ask);
    expect(app.quit()).toBe(false);
    expect(ask.mock.calls[0]![0]).toMatchObject({
      message: 'Quit Porthole? 2 shells are open.',
      buttons: ['Quit', 'Cancel'],
      cancelId: 1,
    });
    expect(app.quit()).toBe(true);
  });

  it('no shells: no question', () => {
    const app = fakeApp();
    const ask = vi.fn();
    guardQuit(app, () => 0, ask);
    expect(app.quit()).toBe(true);
    expect(ask).not.toHaveBeenCalled();
    expect(quitPrompt(1)!.message).toBe('Quit Porthole? 1 shell is open.');
  });
});
