/** The part of electron-updater's autoUpdater this uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdatesAndNotify(): Promise<unknown>;
}

/**
 * Auto-update, off by default: only with a feed (desktop-settings.json `updateFeed` or
 * PORTHOLE_UPDATE_FEED), only when packaged. Returns whether it checked.
 */
export function startUpdates(
  updater: UpdaterLike | undefined,
  opts: { feed: string | null; packaged: boolean; warn(message: string): void },
): boolean {
  if (!updater || !opts.feed || !opts.packaged) return false;
  updater.autoDownload = true;
  updater.setFeedURL({ provider: 'generic', url: opts.feed });
  updater
    .checkForUpdatesAndNotify()
    .catch((err: unknown) =>
      opts.warn(`Update check failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  return true;
}
