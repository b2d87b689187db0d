import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { defaultContainerName, type RunResult } from '../../contract';
import type { AuthResolver } from '../credentials/resolve';
import { mapPorts } from './containers';
import { toPortholeError } from './errors';
import { normalizeRef, pullQuietly } from './images-transfer';

/** Every EXPOSEd port published on a random port of the loopback interface only. */
export function loopbackBindings(
  exposed: string[],
): Record<string, { HostIp: string; HostPort: string }[]> {
  return Object.fromEntries(exposed.map((p) => [p, [{ HostIp: '127.0.0.1', HostPort: '' }]]));
}

async function ensureImage(
  docker: Docker,
  authFor: AuthResolver,
  ref: string,
  signal: AbortSignal,
): Promise<Docker.ImageInspectInfo> {
  try {
    return await docker.getImage(ref).inspect();
  } catch (err) {
    if (toPortholeError(err).code !== 'NOT_FOUND') throw err;
  }
  await pullQuietly(docker, authFor, ref, signal);
  return docker.getImage(ref).inspect();
}

/** "Run now": pull if missing, create with the image's defaults, start. */
export async function runImage(
  docker: Docker,
  authFor: AuthResolver,
  input: { ref: string; name?: string | undefined },
  signal: AbortSignal,
): Promise<RunResult> {
  const { ref, name } = input;
  const image = normalizeRef(ref);
  const info = await ensureImage(docker, authFor, image, signal);
  const exposed = Object.keys(info.Config?.ExposedPorts ?? {});
  const container = await docker.createContainer({
    Image: image,
    name: name || defaultContainerName(image, randomBytes(2).toString('hex')),
    ExposedPorts: Object.fromEntries(exposed.map((p) => [p, {}])),
    HostConfig: { PortBindings: loopbackBindings(exposed) },
  });
  await container.start();
  const inspected = await container.inspect();
  const ports = Object.entries(inspected.NetworkSettings.Ports ?? {}).flatMap(([key, bindings]) => {
    const [port, type = 'tcp'] = key.split('/');
    return (bindings ?? [{ HostIp: '', HostPort: '' }]).map((b) => ({
      PrivatePort: Number(port),
      PublicPort: b.HostPort ? Number(b.HostPort) : undefined,
      IP: b.HostIp || undefined,
      Type: type,
    }));
  });
  return {
    id: inspected.Id,
    name: inspected.Name.replace(/^\//, ''),
    ports: mapPorts(ports as Docker.Port[]),
  };
}
