import { describe, expect, it } from 'vitest';
import { childPath, parentOf } from '../../../../../renderer/src/components/FileTree';
import { imageType } from '../../../../../renderer/src/features/files/PreviewPane';
import { fileKeys } from '../../../../../renderer/src/features/files/queries';

describe('tree paths', () => {
  it('joins and splits absolute paths, the root included', () => {
    expect(childPath('/', 'etc')).toBe('/etc');
    expect(childPath('/srv/my files', 'é☃.txt')).toBe('/srv/my files/é☃.txt');
    expect(parentOf('/srv/my files/é☃.txt')).toBe('/srv/my files');
    expect(parentOf('/etc')).toBe('/');
    expect(parentOf('/')).toBe('/');
  });
  it('previews images by extension only', () => {
    expect(imageType('/a/b.PNG')).toBe('image/png');
    expect(imageType('/a/b.svg')).toBe('image/svg+xml');
    expect(imageType('/a/b.txt')).toBeUndefined();
    expect(imageType('/a/png')).toBeUndefined();
  });
  it('file keys sit under one root per container, outside the containers root', () => {
    const root = fileKeys.all('e', 'c');
    expect(fileKeys.folder('e', 'c', '/etc').slice(0, root.length)).toEqual(root);
    expect(fileKeys.changes('e', 'c').slice(0, root.length)).toEqual(root);
    expect(root[0]).not.toBe('containers');
  });
});
