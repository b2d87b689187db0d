import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_DESKTOP_SETTINGS,
  loadDesktopSettings,
  parseDesktopSettings,
  saveDesktopSettings,
  updateFeed,
} from '../../../../main/desktop/desktop-settings';
import { startUpdates } from '../../../../main/desktop/updates';

describe('desktop settings', () => {
  it('notifications on and updates off by default; bad fields fall back one by one', () => {
    expect(DEFAULT_DESKTOP_SETTINGS).toEqual({ notifications: true, updateFeed: null });
    expect(parseDesktopSettings(undefined)).toEqual(DEFAULT_DESKTOP_SETTINGS);
    expect(parseDesktopSettings('{')).toEqual(DEFAULT_DESKTOP_SETTINGS);
    expect(parseDesktopSettings('{"notifications":false,"updateFeed":"http://x"}')).toEqual({
      notifications: false,
      updateFeed: null,
    });
  });

  it('the off switch survives a restart (written atomically)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pt-ds-'));
    try {
      await saveDesktopSettings(dir, { notifications: false, updateFeed: null });
      expect(await loadDesktopSettings(dir)).toEqual({ notifications: false, updateFeed: null });
      expect(JSON.parse(await readFile(join(dir, 'desktop-settings.json'), 'utf8'))).toMatchObject({
        notifications: false,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the update feed: PORTHOLE_UPDATE_FEED over the file, https only, empty turns it off', () => {
    const saved = { notifications: true, updateFeed: 'https://updates.example/porthole' };
    expect(updateFeed(saved, {})).toBe('https://updates.example/porthole');
    expect(
      updateFeed(DEFAULT_DESKTOP_SETTINGS, { PORTHOLE_UPDATE_FEED: 'https://u.example/' }),
    ).toBe('https://u.example/');
    expect(updateFeed(saved, { PORTHOLE_UPDATE_FEED: '' })).toBeNull();
    expect(updateFeed(saved, { PORTHOLE_UPDATE_FEED: 'http://u.example/' })).toBeNull();
  });
});

describe('auto-update', () => {
  const updater = () => ({
    autoDownload: false,
    setFeedURL: vi.fn(),
    checkForUpdatesAndNotify: vi.fn(async () => null),
  });

  it('off without a feed, and when unpackaged', () => {
    const u = updater();
    expect(startUpdates(u, { feed: null, packaged: true, warn: vi.fn() })).toBe(false);
    expect(startUpdates(u, { feed: 'https://u.example/', packaged: false, warn: vi.fn() })).toBe(
      false,
    );
    expect(u.checkForUpdatesAndNotify).not.toHaveBeenCalled();
  });

  it('with a feed: a generic provider at that address; a failed check is a warning', async () => {
    const u = updater();
    u.checkForUpdatesAndNotify.mockRejectedValueOnce(new Error('offline'));
    const warn = vi.fn();
    expect(startUpdates(u, { feed: 'https://u.example/', packaged: true, warn })).toBe(true);
    expect(u.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://u.example/' });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('Update check failed: offline'));
  });
});
