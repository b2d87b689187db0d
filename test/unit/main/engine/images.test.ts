import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { flattenImages, splitTarget } from '../../../../main/engine/images';
import { loadedNames } from '../../../../main/engine/images-archive';
import { loopbackBindings } from '../../../../main/engine/images-run';
import { defaultContainerName } from '../../../../contract';

const image = (over: Partial<Docker.ImageInfo>): Docker.ImageInfo =>
  ({
    Id: 'sha256:aaa',
    ParentId: '',
    RepoTags: [],
    RepoDigests: [],
    Created: 1,
    Size: 10,
    VirtualSize: 10,
    SharedSize: 0,
    Labels: {},
    Containers: -1,
    ...over,
  }) as Docker.ImageInfo;

describe('flattenImages', () => {
  it('one row per repo:tag, one for an untagged image, with in-use counts', () => {
    const rows = flattenImages(
      [
        image({ Id: 'sha256:a', RepoTags: ['x:1', 'y:2'] }),
        image({ Id: 'sha256:b', RepoTags: ['<none>:<none>'], RepoDigests: ['<none>@<none>'] }),
        image({
          Id: 'sha256:c',
          RepoTags: null as unknown as string[],
          RepoDigests: ['x@sha256:1'],
        }),
      ],
      new Map([['sha256:a', ['web', 'db']]]),
    );
    expect(rows.map((r) => [r.repoTag, r.containers, r.dangling])).toEqual([
      ['x:1', 2, false],
      ['y:2', 2, false],
      [null, 0, true],
      [null, 0, false],
    ]);
  });
});

describe('splitTarget', () => {
  it('splits the tag off, not a registry port', () => {
    expect(splitTarget('127.0.0.1:5000/a/b:v1')).toEqual({ repo: '127.0.0.1:5000/a/b', tag: 'v1' });
    expect(splitTarget('127.0.0.1:5000/a/b')).toEqual({
      repo: '127.0.0.1:5000/a/b',
      tag: 'latest',
    });
  });
});

describe('run defaults', () => {
  it('names the container after the repository’s last part', () => {
    expect(defaultContainerName('127.0.0.1:5000/team/web-app:1.2', 'ab12')).toBe('web-app-ab12');
    expect(defaultContainerName('busybox', '0000')).toBe('busybox-0000');
    expect(defaultContainerName(`sha256:${'a'.repeat(64)}`, '0000')).toBe('image-0000');
  });

  it('publishes every exposed port on a random loopback port', () => {
    expect(loopbackBindings(['80/tcp', '53/udp'])).toEqual({
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
      '53/udp': [{ HostIp: '127.0.0.1', HostPort: '' }],
    });
  });
});

describe('loadedNames', () => {
  it('reads what docker load printed, or its error', () => {
    const out =
      '{"stream":"Loaded image: app:1\\n"}\n{"stream":"Loaded image ID: sha256:abc\\n"}\n';
    expect(loadedNames(out)).toEqual({ loaded: ['app:1', 'sha256:abc'], error: undefined });
    expect(loadedNames('{"error":"unexpected EOF"}').error).toBe('unexpected EOF');
  });
});
