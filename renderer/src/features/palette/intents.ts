/**
 * Requests the palette hands to the screen that owns the work (a pull runs in the Images
 * screen's transfer panel, with its progress and errors) instead of a second path to the engine.
 */
type PullListener = (ref: string) => void;

const pullListeners = new Set<PullListener>();
let pendingPull: string | undefined;

/** Asks the Images screen to pull `ref`: now if it is on screen, else as soon as it mounts. */
export function requestPull(ref: string) {
  if (pullListeners.size === 0) pendingPull = ref;
  else for (const l of pullListeners) l(ref);
}

/** The Images screen's pull form listens; a request made before it mounted is handed over. */
export function onPullRequest(listener: PullListener): () => void {
  pullListeners.add(listener);
  if (pendingPull !== undefined) {
    const ref = pendingPull;
    pendingPull = undefined;
    listener(ref);
  }
  return () => {
    pullListeners.delete(listener);
  };
}
