import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, resolveStatic } from '../../../../main/web/static';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'porthole-static-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  // Siblings of root that a traversal would reach.
  writeFileSync(join(base, 'secret.txt'), 'secret');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('resolveStatic', () => {
  it('serves index.html for /', () => {
    expect(resolveStatic(root, '/')).toBe(join(root, 'index.html'));
  });

  it('serves files inside root', () => {
    expect(resolveStatic(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveStatic(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it('works with a root that ends in a separator', () => {
    expect(resolveStatic(root + '/', '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it('decodes percent-escapes in names', () => {
    expect(resolveStatic(root, '/assets/app%2Ejs')).toBe(join(root, 'assets', 'app.js'));
  });

  it.each([
    '/../etc/passwd',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e/x',
    '/..%2f..%2fetc%2fpasswd',
    '/..%2fsecret.txt',
    '/assets/../../secret.txt',
    '..%2fsecret.txt',
    '../renderer-evil/x.js',
    '/..%5csecret.txt',
  ])('refuses to escape root: %j', (path) => {
    expect(resolveStatic(root, path)).toBeUndefined();
  });

  it('refuses NUL bytes', () => {
    expect(resolveStatic(root, '/index.html%00')).toBeUndefined();
    expect(resolveStatic(root, '/index.html%00.js')).toBeUndefined();
  });

  it('refuses malformed escapes', () => {
    expect(resolveStatic(root, '/%E0%A4%A')).toBeUndefined();
  });

  it('returns undefined for missing files and for directories', () => {
    expect(resolveStatic(root, '/missing.js')).toBeUndefined();
    expect(resolveStatic(root, '/assets')).toBeUndefined();
    expect(resolveStatic(root, '/assets/')).toBeUndefined();
  });
});

describe('contentType', () => {
  it('maps known extensions and defaults to octet-stream', () => {
    expect(contentType('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('/x/app.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('/x/font.woff2')).toBe('font/woff2');
    expect(contentType('/x/file.exe')).toBe('application/octet-stream');
    expect(contentType('/x/noext')).toBe('application/octet-stream');
  });
});
