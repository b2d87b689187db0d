import { readFileSync } from 'node:fs';
import Docker from 'dockerode';
import type { Endpoint } from './detect';

/** One dockerode client for an endpoint. No request timeout: it would cut long streams. */
export function createClient(endpoint: Endpoint): Docker {
  switch (endpoint.kind) {
    case 'unix':
    case 'npipe':
      return new Docker({ socketPath: endpoint.socketPath });
    case 'tcp': {
      const tls = endpoint.tls;
      if (!tls) return new Docker({ host: endpoint.host, port: endpoint.port, protocol: 'http' });
      const read = (p?: string) => (p ? readFileSync(p) : undefined);
      return new Docker({
        host: endpoint.host,
        port: endpoint.port,
        protocol: 'https',
        ca: read(tls.ca),
        cert: read(tls.cert),
        key: read(tls.key),
        // Verification stays on unless the user's own config (DOCKER_TLS without _VERIFY) says so.
        ...(tls.verify ? {} : { rejectUnauthorized: false }),
      } as Docker.DockerOptions);
    }
    case 'ssh':
      return new Docker({
        protocol: 'ssh',
        host: endpoint.host,
        port: endpoint.port,
        ...(endpoint.username ? { username: endpoint.username } : {}),
        sshOptions: { agent: process.env.SSH_AUTH_SOCK },
      } as Docker.DockerOptions);
  }
}
