import { describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../../../../contract';
import { parseBuildArgs, uploadOrder } from '../../../../../renderer/src/features/images/build';
import {
  imageRef,
  otherTags,
  visibleImages,
} from '../../../../../renderer/src/features/images/format';
import {
  overallProgress,
  reduceTransfer,
  startTransfer,
} from '../../../../../renderer/src/features/images/transfer';

const img = (
  id: string,
  repoTag: string | null,
  over: Partial<ImageSummary> = {},
): ImageSummary => ({
  id,
  repoTag,
  repoDigests: [],
  size: 1,
  created: 1,
  containers: 0,
  dangling: repoTag === null,
  ...over,
});

describe('images format', () => {
  const list = [
    img('sha256:0123456789abcdef', null),
    img('sha256:b', 'zeta:1'),
    img('sha256:b', 'alpha:2'),
    img('sha256:c', null, { dangling: false, repoDigests: ['x@sha256:1'] }),
  ];

  it('untagged rows are called by their short id', () => {
    expect(imageRef(list[0]!)).toBe('0123456789ab');
  });

  it('hides dangling images unless asked; sorts tagged first', () => {
    expect(visibleImages(list, '', false).map(imageRef)).toEqual(['alpha:2', 'zeta:1', 'c']);
    expect(visibleImages(list, '', true)).toHaveLength(4);
    expect(visibleImages(list, 'ZETA', true).map(imageRef)).toEqual(['zeta:1']);
  });

  it('knows the other tags of the same image (remove only untags)', () => {
    expect(otherTags(list, list[1]!)).toEqual(['alpha:2']);
    expect(otherTags(list, list[0]!)).toEqual([]);
  });
});

describe('transfer reducer', () => {
  it('progress, then done', () => {
    let s = startTransfer('Pull', 'a:1');
    s = reduceTransfer(s, {
      event: {
        kind: 'progress',
        layers: [{ id: 'l', status: 'Downloading', current: 1, total: 4 }],
        messages: [],
      },
    });
    expect(overallProgress(s.layers)).toBe(0.25);
    s = reduceTransfer(s, { event: { kind: 'done', messages: ['Digest: x'] } });
    s = reduceTransfer(s, { end: undefined });
    expect(s.phase).toBe('done');
  });

  it('an error end fails it; cancel after the end changes nothing', () => {
    let s = reduceTransfer(startTransfer('Push', 'a:1'), {
      end: { code: 'AUTH_REQUIRED', message: 'authentication required' },
    });
    expect(s.phase).toBe('failed');
    s = reduceTransfer(s, { cancel: true });
    expect(s.phase).toBe('failed');
    expect(reduceTransfer(startTransfer('Pull', 'b'), { cancel: true }).phase).toBe('cancelled');
  });

  it('a transfer that ends early says which layers stopped; finished ones keep their status', () => {
    let s = reduceTransfer(startTransfer('Push', 'a:1'), {
      event: {
        kind: 'progress',
        layers: [
          { id: 'a', status: 'Retrying in 1 second', current: 5, total: 10 },
          { id: 'b', status: 'Layer already exists' },
          { id: 'c', status: 'Pushed', current: 3, total: 3 },
        ],
        messages: [],
      },
    });
    const failed = reduceTransfer(s, { end: { code: 'PULL_FAILED', message: 'refused' } });
    expect(failed.layers.map((l) => l.status)).toEqual([
      'Stopped',
      'Layer already exists',
      'Pushed',
    ]);
    expect(failed.layers[0]).toMatchObject({ current: 5, total: 10 });
    s = reduceTransfer(s, { cancel: true });
    expect(s.layers[0]!.status).toBe('Cancelled');
  });

  it('overall progress is unknown until a layer has a size', () => {
    expect(overallProgress([{ id: 'x', status: 'Waiting' }])).toBeUndefined();
    expect(
      overallProgress([
        { id: 'x', status: 'Downloading', current: 5, total: 10 },
        { id: 'y', status: 'Download complete', current: 30, total: 30 },
      ]),
    ).toBe(35 / 40);
  });
});

describe('build form helpers', () => {
  it('parses KEY=VALUE lines, skipping blanks and comments', () => {
    expect(parseBuildArgs('A=1\n\n# c\nB=x=y\nC')).toEqual({
      ok: true,
      args: { A: '1', B: 'x=y', C: '' },
    });
    expect(parseBuildArgs('1BAD=x')).toMatchObject({ ok: false });
  });

  it('sends the .dockerignore first (main applies it to the files after it)', () => {
    const names = (fs: { name: string }[]) => fs.map((f) => f.name);
    const files = [{ name: 'a.txt' }, { name: '.dockerignore' }, { name: 'Dockerfile' }];
    expect(names(uploadOrder(files))).toEqual(['.dockerignore', 'a.txt', 'Dockerfile']);
  });
});

describe('engine events reach the image queries', () => {
  it('image and container-create events invalidate a prefix of every image key', async () => {
    const { invalidationsFor } = await import('../../../../../renderer/src/events/invalidation');
    const { imageKeys } = await import('../../../../../renderer/src/features/images/queries');
    const ev = (type: 'image' | 'container', action: string) => ({
      kind: 'event' as const,
      type,
      action,
      id: 'x',
      timeNano: '1',
    });
    const covers = (keys: readonly (readonly unknown[])[], key: readonly unknown[]) =>
      keys.some((k) => k.every((part, i) => part === key[i]));
    for (const event of [ev('image', 'pull'), ev('image', 'untag'), ev('container', 'destroy')]) {
      const keys = invalidationsFor('e1', [event]);
      expect(covers(keys, imageKeys.list('e1'))).toBe(true);
      expect(covers(keys, imageKeys.detail('e1', 'sha256:a'))).toBe(true);
      expect(covers(keys, imageKeys.prunePreview('e1', 'dangling'))).toBe(true);
    }
    expect(covers(invalidationsFor('e1', [ev('image', 'pull')]), imageKeys.list('e2'))).toBe(false);
  });
});
