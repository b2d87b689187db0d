/** The part of Electron's Session this module uses (a stand-in serves the unit tests). */
export interface PermissionSessionLike {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: string,
      requestingOrigin: string,
      details: { requestingUrl?: string },
    ) => boolean,
  ): void;
}

/**
 * The only permissions any page may have, and only our own (app://porthole): the shell copies
 * its selection (sanitized write) and pastes with Ctrl+Shift+V (read). Camera, microphone,
 * geolocation, notifications from the page, HID/USB/serial, fullscreen from a link… all denied.
 */
const ALLOWED = new Set(['clipboard-sanitized-write', 'clipboard-read']);

export function isAllowedPermission(permission: string, url: string | undefined): boolean {
  if (!ALLOWED.has(permission) || !url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'porthole';
  } catch {
    return false;
  }
}

/** Deny by default, for requests and for checks alike. */
export function denyPermissions(session: PermissionSessionLike, appOrigin: string): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(isAllowedPermission(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_wc, permission, origin, details) =>
    isAllowedPermission(
      permission,
      details.requestingUrl ?? (origin === appOrigin ? `${origin}/` : origin),
    ),
  );
}
