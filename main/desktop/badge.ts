/**
 * The running count where the platform shows one. macOS's dock and Linux launchers that
 * support it take a number (app.setBadgeCount). Windows' taskbar has no count: the main window
 * gets a small overlay icon with the count instead (assets/overlay/N.png, 9plus.png above
 * nine, drawn by scripts/make-icons.mjs), and none at zero.
 */
export interface BadgeDeps<Image> {
  platform: NodeJS.Platform;
  setBadgeCount(count: number): void;
  /** The main window, when there is one. */
  mainWindow(): { setOverlayIcon(icon: Image | null, description: string): void } | undefined;
  /** An image from a file of assets/overlay (nativeImage.createFromPath). */
  image(file: string): Image;
}

export const overlayFile = (count: number) => (count > 9 ? '9plus.png' : `${count}.png`);

export function createBadge<Image>(deps: BadgeDeps<Image>) {
  let last = 0;
  const images = new Map<string, Image>();
  const apply = () => {
    if (deps.platform !== 'win32') return deps.setBadgeCount(last);
    const win = deps.mainWindow();
    if (!win) return;
    if (last === 0) return win.setOverlayIcon(null, '');
    const file = overlayFile(last);
    let icon = images.get(file);
    if (!icon) images.set(file, (icon = deps.image(file)));
    win.setOverlayIcon(icon, `${last} running container${last === 1 ? '' : 's'}`);
  };
  return {
    set(count: number) {
      last = Math.max(0, Math.floor(count));
      apply();
    },
    /** A new main window (Windows: the overlay belongs to the window, not the app). */
    refresh: apply,
  };
}
