import { AsyncLocalStorage } from 'node:async_hooks';
import { getMaxListeners, setMaxListeners } from 'node:events';
import type DockerModem from 'docker-modem';
import Docker from 'dockerode';
import { LIST_IDS_MAX } from '../../contract';

/** Engine requests one call or stream may have in flight at once, with room to spare. */
const IN_FLIGHT_MAX = LIST_IDS_MAX + 14;

/**
 * The client `docker` with every request it makes (and every container, image, exec … object
 * it hands out, which share its modem) carrying `signal` as docker-modem's `abortSignal`: an
 * aborted signal destroys the request, and with it the engine's work on it.
 *
 * The bound client shares the original's modem through its prototype — the same socket path,
 * TLS material and agent (an ssh:// engine's tunnel) — so no connection pool is made per call.
 * A request that names its own signal keeps it, combined with this one. A request *started*
 * after `signal` was aborted is the caller cleaning up (removing a helper container in a
 * `finally`, undoing a half-made container): it runs unbound, or the cleanup would fail too.
 */
export function bindDocker(docker: Docker, signal: AbortSignal): Docker {
  // Each request in flight listens on `signal` until it ends, and one stream may hold one per
  // container it watches (containers.stats: up to LIST_IDS_MAX): past Node's default of 10
  // it would print a listener-leak warning about listeners that are in fact removed.
  if (getMaxListeners(signal) < IN_FLIGHT_MAX) setMaxListeners(IN_FLIGHT_MAX, signal);
  const base = docker.modem as DockerModem;
  const modem = Object.create(base) as DockerModem;
  modem.dial = function dial(this: DockerModem, options, callback) {
    if (signal.aborted) return base.dial.call(this, options, callback);
    const own = options.abortSignal;
    const abortSignal = own && own !== signal ? AbortSignal.any([own, signal]) : signal;
    return base.dial.call(this, { ...options, abortSignal }, callback);
  };
  return new Docker({ modem } as Docker.DockerOptions);
}

/**
 * Which call or stream the code running now works for. The router runs each handler in
 * `run(ctx.signal, …)`; the handlers' `docker(engineId)` then binds the engine's client to that
 * signal, so a cancelled call, a closed stream, or a closed window or socket aborts the engine
 * requests it made — with one mechanism, not a `signal` threaded through every handler.
 * One scope per core; nothing module-level.
 */
export interface RequestScope {
  run<T>(signal: AbortSignal, fn: () => T): T;
  /** `docker` bound to the current call's or stream's signal; as it is outside any. */
  bind(docker: Docker): Docker;
}

export function createRequestScope(): RequestScope {
  const current = new AsyncLocalStorage<AbortSignal>();
  return {
    run: (signal, fn) => current.run(signal, fn),
    bind(docker) {
      const signal = current.getStore();
      return signal ? bindDocker(docker, signal) : docker;
    },
  };
}
