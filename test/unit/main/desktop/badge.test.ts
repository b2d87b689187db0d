import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createBadge, overlayFile } from '../../../../main/desktop/badge';

function setup(platform: NodeJS.Platform, withWindow = true) {
  const setBadgeCount = vi.fn();
  const setOverlayIcon = vi.fn();
  const image = vi.fn((file: string) => `image:${file}`);
  let win = withWindow ? { setOverlayIcon } : undefined;
  const badge = createBadge({ platform, setBadgeCount, mainWindow: () => win, image });
  return { badge, setBadgeCount, setOverlayIcon, image, open: () => (win = { setOverlayIcon }) };
}

describe('badge', () => {
  it('macOS and Linux: the count on the dock or launcher', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const { badge, setBadgeCount, setOverlayIcon } = setup(platform);
      badge.set(3);
      badge.set(0);
      expect(setBadgeCount.mock.calls).toEqual([[3], [0]]);
      expect(setOverlayIcon).not.toHaveBeenCalled();
    }
  });

  it('Windows: an overlay icon with the count on the main window, none at zero', () => {
    const { badge, setBadgeCount, setOverlayIcon, image } = setup('win32');
    badge.set(1);
    badge.set(4);
    badge.set(4);
    badge.set(12);
    badge.set(0);
    expect(setBadgeCount).not.toHaveBeenCalled();
    expect(setOverlayIcon.mock.calls).toEqual([
      ['image:1.png', '1 running container'],
      ['image:4.png', '4 running containers'],
      ['image:4.png', '4 running containers'],
      ['image:9plus.png', '12 running containers'],
      [null, ''],
    ]);
    // Each image is read once.
    expect(image.mock.calls).toEqual([['1.png'], ['4.png'], ['9plus.png']]);
  });

  it('Windows: with no main window yet, the count waits for it', () => {
    const { badge, setOverlayIcon, open } = setup('win32', false);
    badge.set(2);
    expect(setOverlayIcon).not.toHaveBeenCalled();
    open();
    badge.refresh();
    expect(setOverlayIcon).toHaveBeenCalledWith('image:2.png', '2 running containers');
  });

  it('every overlay file the badge can ask for is in assets/overlay', () => {
    for (let n = 1; n <= 12; n++) {
      expect(existsSync(join(__dirname, '../../../../assets/overlay', overlayFile(n)))).toBe(true);
    }
  });
});
