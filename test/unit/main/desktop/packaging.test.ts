import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(__dirname, '../../../..');
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a YAML document, checked by the schema below
  any
>;
// electron-builder ships its configuration schema; nothing is downloaded to check against it.
const SCHEMA = join(ROOT, 'node_modules/app-builder-lib/scheme.json');
const hasSchema = existsSync(SCHEMA);

describe('packaging', () => {
  it('flips the Electron fuses that close code-injection doors', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it.skipIf(!hasSchema)(
    'is valid against electron-builder’s own JSON schema (skipped, saying so, where node_modules/app-builder-lib/scheme.json is absent)',
    () => {
      const ajv = new Ajv({ strict: false, allErrors: true });
      const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
      const ok = validate(config);
      expect(ok ? [] : validate.errors).toEqual([]);
      // The check is real: a misspelt key is refused.
      expect(validate({ ...config, mac: { ...config.mac, hardendRuntime: true } })).toBe(false);
    },
  );

  it('macOS: dmg and zip for x64 and arm64, hardened runtime, entitlements, notarisation', () => {
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    const plist = readFileSync(join(ROOT, config.mac.entitlements), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    // Nothing that would loosen the hardened runtime.
    expect(plist).not.toMatch(
      /disable-library-validation|allow-dyld-environment-variables|get-task-allow/,
    );
  });

  it('Windows: NSIS installer and portable; Linux: AppImage, deb, rpm with the protocol', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual([
      'nsis',
      'portable',
    ]);
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.protocols).toEqual([{ name: 'Porthole run link', schemes: ['porthole'] }]);
    expect(config.linux.mimeTypes).toEqual(['x-scheme-handler/porthole']);
    expect(config.linux.desktop.entry.MimeType).toBe('x-scheme-handler/porthole;');
  });

  it('auto-update is off by default: nothing published', () => {
    expect(config.publish).toBeNull();
  });

  it('every icon it names exists (generated from the one SVG by scripts/make-icons.mjs)', () => {
    for (const icon of [config.mac.icon, config.win.icon, 'assets/icon.png', 'assets/tray.png']) {
      expect(existsSync(join(ROOT, icon)), icon).toBe(true);
    }
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(existsSync(join(ROOT, config.linux.icon, `${size}x${size}.png`))).toBe(true);
    }
  });
});
