/**
 * A controller that is aborted when `parent` is, for one call on a long-lived connection.
 * Unlike `AbortSignal.any([parent, …])` — which Node keeps alive for as long as the parent
 * lives (nodejs/node#55351: 10,000 calls on one socket, 10,000 signals retained) — its one
 * listener on the parent is removed by `release()`, once the call has settled.
 */
export function linkedController(parent: AbortSignal): {
  controller: AbortController;
  release(): void;
} {
  const controller = new AbortController();
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { controller, release: () => undefined };
  }
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  return { controller, release: () => parent.removeEventListener('abort', onAbort) };
}
