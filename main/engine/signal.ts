import type Docker from 'dockerode';

type Signalled = { abortSignal?: AbortSignal };

/**
 * /_ping, /version, /info and /system/df with an abort signal: dockerode passes `abortSignal`
 * through for these, but @types/dockerode declares them without options.
 */
export function withSignal(docker: Docker) {
  const d = docker as unknown as {
    ping(o: Signalled): Promise<unknown>;
    version(o: Signalled): Promise<unknown>;
    info(o: Signalled): Promise<unknown>;
    df(o: Signalled): Promise<unknown>;
  };
  const opts = (signal?: AbortSignal): Signalled => (signal ? { abortSignal: signal } : {});
  return {
    ping: (signal?: AbortSignal) => d.ping.call(docker, opts(signal)),
    version: (signal?: AbortSignal) => d.version.call(docker, opts(signal)),
    info: (signal?: AbortSignal) => d.info.call(docker, opts(signal)),
    df: (signal?: AbortSignal) => d.df.call(docker, opts(signal)),
  };
}
