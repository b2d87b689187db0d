import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextFilter, makeTar } from '../../../../main/engine/images-tar';

describe('makeTar', () => {
  it('writes an archive tar(1) lists and extracts byte for byte, long paths included', () => {
    const long = `${'dir/'.repeat(30)}file.txt`;
    const tar = makeTar([
      { path: 'Dockerfile', data: Buffer.from('FROM scratch\n') },
      { path: 'bin/run.sh', data: Buffer.from('#!/bin/sh\necho hi\n'), mode: 0o755 },
      { path: long, data: Buffer.alloc(1500, 7) },
      { path: 'empty', data: Buffer.alloc(0) },
    ]);
    expect(tar.length % 512).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'tar-test-'));
    try {
      writeFileSync(join(dir, 'ctx.tar'), tar);
      const list = spawnSync('tar', ['-tvf', join(dir, 'ctx.tar')], { encoding: 'utf8' });
      expect(list.status).toBe(0);
      expect(list.stdout).toContain('-rwxr-xr-x');
      const x = spawnSync('tar', ['-xf', 'ctx.tar'], { cwd: dir, encoding: 'utf8' });
      expect(x.stderr).toBe('');
      expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM scratch\n');
      expect(readFileSync(join(dir, long))).toEqual(Buffer.alloc(1500, 7));
      expect(readFileSync(join(dir, 'empty')).length).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('contextFilter (.dockerignore)', () => {
  it('keeps everything without a .dockerignore', () => {
    expect(contextFilter(undefined)('node_modules/x')).toBe(true);
  });

  it('drops ignored paths, honours "!" exceptions, always keeps Dockerfile and itself', () => {
    const keep = contextFilter(
      'node_modules\n*.log\nsecret/\n!keep.log\nDockerfile\n.dockerignore\n',
    );
    expect(keep('node_modules/a/b.js')).toBe(false);
    expect(keep('debug.log')).toBe(false);
    expect(keep('keep.log')).toBe(true);
    expect(keep('secret/key')).toBe(false);
    expect(keep('src/app.js')).toBe(true);
    expect(keep('Dockerfile')).toBe(true);
    expect(keep('.dockerignore')).toBe(true);
  });
});
