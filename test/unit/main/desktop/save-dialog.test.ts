import { describe, expect, it } from 'vitest';
import { createSavePathChooser, type SaveDialogLike } from '../../../../main/desktop/save-dialog';

type Win = { id: number };

function fakeDialog(answer: { canceled: boolean; filePath?: string }) {
  const asked: { window: Win; defaultPath: string; title: string }[] = [];
  const dialog: SaveDialogLike<Win> = {
    showSaveDialog: (window, options) => {
      asked.push({ window, defaultPath: options.defaultPath, title: options.title });
      return Promise.resolve(answer);
    },
  };
  return { asked, dialog };
}

describe('createSavePathChooser', () => {
  it('asks on the window that clicked Save, suggesting the name in the Downloads folder', async () => {
    const { asked, dialog } = fakeDialog({ canceled: false, filePath: '/home/me/x/app.tar' });
    const choose = createSavePathChooser(dialog, {
      parentWindow: () => ({ id: 7 }),
      downloadsDir: () => '/home/me/Downloads',
    });
    expect(await choose('app_latest.tar')).toBe('/home/me/x/app.tar');
    expect(asked).toEqual([
      {
        window: { id: 7 },
        defaultPath: '/home/me/Downloads/app_latest.tar',
        title: 'Save app_latest.tar',
      },
    ]);
  });

  it('a dismissed dialog chooses nothing', async () => {
    const { dialog } = fakeDialog({ canceled: true, filePath: '' });
    const choose = createSavePathChooser(dialog, {
      parentWindow: () => ({ id: 1 }),
      downloadsDir: () => '/d',
    });
    expect(await choose('a.tar')).toBeUndefined();
  });

  it('no window to attach to: nothing is asked', async () => {
    const { asked, dialog } = fakeDialog({ canceled: false, filePath: '/d/a.tar' });
    const choose = createSavePathChooser(dialog, {
      parentWindow: () => undefined,
      downloadsDir: () => '/d',
    });
    expect(await choose('a.tar')).toBeUndefined();
    expect(asked).toEqual([]);
  });
});
