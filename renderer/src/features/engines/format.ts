import type { EngineFacts, EngineInfo } from '../../../../contract';
import { formatBytes } from '../../format/bytes';

export const SOURCES: Record<EngineInfo['source'], string> = {
  env: 'DOCKER_HOST',
  context: 'docker context',
  default: 'default socket',
  podman: 'Podman socket',
  added: 'added by you',
};

/** tcp:// and https:// addresses take TLS files; the others never do. Pure. */
export function usesTls(address: string): boolean {
  return /^\s*(tcp|https):\/\//i.test(address);
}

export const kindName = (facts: EngineFacts | undefined, source: EngineInfo['source']) =>
  facts ? (facts.kind === 'podman' ? 'Podman' : 'Docker') : source === 'podman' ? 'Podman' : '—';

/**
 * Whether the engine runs without root: said for every Podman engine ("rootless" / "rootful",
 * Podman runs both ways side by side), and for Docker only when rootless (the unusual case).
 */
export function privilege(f: EngineFacts | undefined): string | undefined {
  if (!f) return undefined;
  if (f.rootless) return 'rootless';
  return f.kind === 'podman' ? 'rootful' : undefined;
}

/** "Docker 20.10.24 (API 1.41), Debian GNU/Linux 12, x86_64, 2 CPUs, 23.5 GiB". Pure. */
export function describeFacts(f: EngineFacts): string {
  const kind = f.kind === 'podman' ? 'Podman' : 'Docker';
  const parts = [
    `${kind} ${f.version} (API ${f.apiVersion})`,
    f.os,
    f.arch,
    `${f.cpus} CPU${f.cpus === 1 ? '' : 's'}`,
    formatBytes(f.memory),
  ];
  parts.push(privilege(f) ?? '');
  return parts.filter(Boolean).join(', ');
}
