import { join } from 'node:path';
import type { ChooseSavePath } from '../transport/save-to-file';

/** The part of Electron's `dialog` this module uses (a stand-in serves the unit tests). */
export interface SaveDialogLike<W> {
  showSaveDialog(
    window: W,
    options: { title: string; defaultPath: string; buttonLabel: string },
  ): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

/**
 * The desktop's save dialog for a download main writes itself (downloads.toFile): it opens on
 * the window the user clicked Save in, suggests the file in their Downloads folder, and gives
 * the chosen path — or undefined when they closed it.
 */
export function createSavePathChooser<W>(
  dialog: SaveDialogLike<W>,
  deps: { parentWindow(): W | undefined; downloadsDir(): string },
): ChooseSavePath {
  return async (filename) => {
    const parent = deps.parentWindow();
    // Without a window to attach to (it closed meanwhile), nothing is asked and nothing saved.
    if (parent === undefined) return undefined;
    const r = await dialog.showSaveDialog(parent, {
      title: `Save ${filename}`,
      defaultPath: join(deps.downloadsDir(), filename),
      buttonLabel: 'Save',
    });
    return r.canceled || !r.filePath ? undefined : r.filePath;
  };
}
