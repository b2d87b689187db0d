import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Settings } from '../../../contract';
import { createSettingsStore, parseSettings } from '../../../main/settings/store';

const dir = () => mkdtempSync(join(tmpdir(), 'pt-settings-'));

describe('settings store', () => {
  it('starts from the defaults and keeps each valid saved field, dropping wrong ones', () => {
    expect(parseSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ theme: 'dark', logTail: -1, terminalFontSize: 99 })).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
    });
  });

  it('takes the notifications switch from desktop-settings.json until settings.json has one', () => {
    expect(parseSettings({}, { notifications: false }).notifications).toBe(false);
    expect(parseSettings({ notifications: true }, { notifications: false }).notifications).toBe(
      true,
    );
  });

  it('writes settings.json (0600), one change after another, and reads it back', async () => {
    const d = dir();
    writeFileSync(join(d, 'desktop-settings.json'), '{"notifications": false}');
    const store = createSettingsStore(d);
    expect(store.current().notifications).toBe(false);
    const seen: number[] = [];
    store.onChange((s) => seen.push(s.logTail));
    await Promise.all([store.set({ logTail: 5 }), store.set({ theme: 'light' })]);
    const saved = JSON.parse(readFileSync(join(d, 'settings.json'), 'utf8')) as unknown;
    expect(saved).toEqual({
      ...DEFAULT_SETTINGS,
      notifications: false,
      logTail: 5,
      theme: 'light',
    });
    expect(seen).toEqual([5, 5]);
    expect(createSettingsStore(d).current()).toEqual(saved);
  });

  it('a failed write changes nothing in memory and says where', async () => {
    const d = dir();
    writeFileSync(join(d, 'file'), '');
    const store = createSettingsStore(join(d, 'file'));
    await expect(store.set({ logTail: 5 })).rejects.toThrow(/Could not save the settings/);
    expect(store.current().logTail).toBe(DEFAULT_SETTINGS.logTail);
  });

  it('the contract bounds every field', () => {
    expect(Settings.safeParse({ ...DEFAULT_SETTINGS, logBuffer: 10 }).success).toBe(false);
    expect(Settings.safeParse({ ...DEFAULT_SETTINGS, terminalFont: 'a;}{' }).success).toBe(false);
    expect(Settings.partial().safeParse({ extra: 1 }).success).toBe(false);
  });
});
