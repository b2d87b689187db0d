/**
 * How "Shell NAME" finds the container's shell window: web mode opens the route in a window
 * named after the container, so a second open reaches the same window (a new fragment, no
 * reload); Electron's window manager does the same by route. The fragment's last part is a
 * fresh token each time, so that the window sees a change and opens a tab.
 */
export function shellRoute(engineId: string, id: string, token: number = Date.now()): string {
  return `#/shell/${engineId}/${id}/tab-${token.toString(36)}`;
}

export const shellWindowName = (engineId: string, id: string) => `porthole-shell-${engineId}-${id}`;

/** A route's last part asks for a new tab. */
export const isNewTab = (part: string | undefined) => !!part && /^tab-[0-9a-z]{1,16}$/.test(part);
