import { readFileSync } from 'node:fs';
import Docker from 'dockerode';
import { sshAddress } from './address';
import type { EngineConfig } from './detect';
import { resolveSshTarget, type SshDefaults } from './ssh-config';
import { SshTunnel, type SshDeps } from './ssh';

/** What an ssh:// engine needs from the machine: home, user, agent, files. */
export interface SshEnv extends SshDeps, SshDefaults {
  /** Entry names in a folder (for `Include ~/.ssh/config.d/*`); empty when it is missing. */
  listDir?(path: string): string[];
}

export interface EngineClient {
  docker: Docker;
  /** The SSH tunnel behind it, for ssh:// engines. */
  tunnel?: SshTunnel;
  close(): void;
}

/** One dockerode client for an engine. No request timeout: it would cut long streams. */
export function createClient(config: EngineConfig, ssh: SshEnv): EngineClient {
  const endpoint = config.endpoint;
  const plain = (docker: Docker): EngineClient => ({ docker, close: () => undefined });
  switch (endpoint.kind) {
    case 'unix':
    case 'npipe':
      return plain(new Docker({ socketPath: endpoint.socketPath }));
    case 'tcp': {
      const tls = endpoint.tls;
      if (!tls) {
        return plain(new Docker({ host: endpoint.host, port: endpoint.port, protocol: 'http' }));
      }
      const read = (p?: string) => (p ? readFileSync(p) : undefined);
      return plain(
        new Docker({
          host: endpoint.host,
          port: endpoint.port,
          protocol: 'https',
          ca: read(tls.ca),
          cert: read(tls.cert),
          key: read(tls.key),
          // Verification stays on unless the user's own config (DOCKER_TLS without _VERIFY) says so.
          ...(tls.verify ? {} : { rejectUnauthorized: false }),
        } as Docker.DockerOptions),
      );
    }
    case 'ssh': {
      const text = ssh.readText(`${ssh.home}/.ssh/config`) ?? '';
      const target = resolveSshTarget(text, sshAddress(config), ssh, {
        home: ssh.home,
        read: (path) => ssh.readText(path),
        list: (dir) => ssh.listDir?.(dir) ?? [],
      });
      const tunnel = new SshTunnel(target, ssh);
      // Plain HTTP over the tunnel's channels; the host and port only fill the Host header.
      const docker = new Docker({
        protocol: 'http',
        host: 'docker',
        port: 80,
        agent: tunnel.agent,
      } as Docker.DockerOptions);
      return { docker, tunnel, close: () => tunnel.close() };
    }
  }
}
