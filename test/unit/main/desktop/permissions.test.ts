import { describe, expect, it } from 'vitest';
import {
  denyPermissions,
  isAllowedPermission,
  type PermissionSessionLike,
} from '../../../../main/desktop/permissions';

function fakeSession() {
  const s = {
    request: undefined as
      Parameters<PermissionSessionLike['setPermissionRequestHandler']>[0] | undefined,
    check: undefined as
      Parameters<PermissionSessionLike['setPermissionCheckHandler']>[0] | undefined,
  };
  const session: PermissionSessionLike = {
    setPermissionRequestHandler: (h) => void (s.request = h),
    setPermissionCheckHandler: (h) => void (s.check = h),
  };
  return { s, session };
}

describe('permissions', () => {
  it('denies every permission a page asks for, but clipboard for our own page', () => {
    const { s, session } = fakeSession();
    denyPermissions(session, 'app://porthole');
    const ask = (permission: string, url: string) =>
      new Promise<boolean>((resolve) =>
        s.request!({}, permission, resolve, { requestingUrl: url }),
      );
    return Promise.all([
      expect(ask('media', 'app://porthole/index.html')).resolves.toBe(false),
      expect(ask('geolocation', 'app://porthole/index.html')).resolves.toBe(false),
      expect(ask('notifications', 'app://porthole/index.html')).resolves.toBe(false),
      expect(ask('openExternal', 'app://porthole/index.html')).resolves.toBe(false),
      expect(ask('clipboard-read', 'https://evil.example/')).resolves.toBe(false),
      expect(ask('clipboard-read', 'app://porthole/index.html#/shell/e/c')).resolves.toBe(true),
    ]);
  });

  it('checks answer the same way', () => {
    const { s, session } = fakeSession();
    denyPermissions(session, 'app://porthole');
    expect(s.check!({}, 'hid', 'app://porthole', {})).toBe(false);
    expect(s.check!({}, 'clipboard-sanitized-write', 'app://porthole', {})).toBe(true);
    expect(s.check!({}, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
  });

  it('a URL that only looks like ours is not ours', () => {
    expect(isAllowedPermission('clipboard-read', 'app://porthole.evil/')).toBe(false);
    expect(isAllowedPermission('clipboard-read', 'not a url')).toBe(false);
    expect(isAllowedPermission('clipboard-read', undefined)).toBe(false);
  });
});
