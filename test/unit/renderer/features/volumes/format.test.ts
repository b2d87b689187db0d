import { describe, expect, it } from 'vitest';
import {
  downloadName,
  formatLabels,
  joinPath,
  parentPath,
} from '../../../../../renderer/src/features/volumes/format';
import { volumeKeys } from '../../../../../renderer/src/features/volumes/queries';
import { networkKeys } from '../../../../../renderer/src/features/networks/queries';
import { invalidationsFor } from '../../../../../renderer/src/events/invalidation';

describe('format', () => {
  it('paths inside a volume', () => {
    expect(joinPath('', 'logs')).toBe('logs');
    expect(joinPath('logs', 'a')).toBe('logs/a');
    expect(parentPath('logs/a')).toBe('logs');
    expect(parentPath('logs')).toBe('');
    expect(downloadName('logs/a:b.txt')).toBe('a_b.txt');
  });
  it('formatLabels', () => {
    expect(formatLabels({ a: '1', flag: '' })).toBe('a=1, flag');
  });
});

describe('query keys and engine events', () => {
  const E = 'local';
  const covers = (root: readonly unknown[], key: readonly unknown[]) =>
    root.every((part, i) => part === key[i]);
  const ev = (type: 'volume' | 'network' | 'container', action: string) => ({
    kind: 'event' as const,
    type,
    action,
    id: 'x',
    timeNano: '1',
  });

  it('volume events refresh the list and prune preview, never sizes or folder listings', () => {
    const [root] = invalidationsFor(E, [ev('volume', 'mount')]);
    expect(covers(root!, volumeKeys.list(E))).toBe(true);
    expect(covers(root!, volumeKeys.prunePreview(E))).toBe(true);
    // Sizes call disk usage; a listing runs a helper whose mount events would loop back.
    expect(covers(root!, volumeKeys.sizes(E))).toBe(false);
    expect(covers(root!, volumeKeys.files(E, 'v', ''))).toBe(false);
  });

  it('network events and container create/destroy refresh network lists and details', () => {
    for (const event of [ev('network', 'connect'), ev('container', 'destroy')]) {
      const keys = invalidationsFor(E, [event]);
      expect(keys.some((k) => covers(k, networkKeys.detail(E, 'n1')))).toBe(true);
      expect(keys.some((k) => covers(k, networkKeys.list(E)))).toBe(true);
    }
  });
});
