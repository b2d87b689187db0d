import { defaultContainerName, type PortSpec, type RunSpec } from '../../../../contract';

/** "80/tcp" → a row publishing it on a random port of 127.0.0.1 (never every interface). */
export function loopbackPort(exposed: string): PortSpec | undefined {
  const match = /^(\d+)(?:\/(tcp|udp|sctp))?$/.exec(exposed);
  if (!match) return undefined;
  const protocol = (match[2] ?? 'tcp') as PortSpec['protocol'];
  return { hostIp: '127.0.0.1', hostPort: null, containerPort: Number(match[1]), protocol };
}

/** The run form's prefill for an image: its EXPOSEd ports on loopback and a readable name. */
export function runPrefill(ref: string, exposedPorts: string[], suffix: string): Partial<RunSpec> {
  return {
    image: ref,
    name: defaultContainerName(ref, suffix),
    ports: exposedPorts.flatMap((p) => loopbackPort(p) ?? []),
  };
}

export const randomSuffix = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(2)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
