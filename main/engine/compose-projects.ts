import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type Docker from 'dockerode';
import type { ComposeContainer, ComposeProject, ComposeService } from '../../contract';
import { mapPorts } from './containers';

/** The labels compose (v1 and v2 alike) puts on what it makes. */
export const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  envFile: 'com.docker.compose.project.environment_file',
  number: 'com.docker.compose.container-number',
  oneOff: 'com.docker.compose.oneoff',
  version: 'com.docker.compose.version',
} as const;

/** A network or volume, with its labels. */
export interface Labelled {
  name: string;
  labels: Record<string, string>;
}

/** The label filter for everything of one project. */
export const projectFilter = (project: string) => ({ label: [`${LABEL.project}=${project}`] });

/** Config files as absolute paths: v1 records them relative to the working dir. */
export function configFilesOf(labels: Record<string, string>): string[] {
  const raw = labels[LABEL.configFiles];
  if (!raw) return [];
  const dir = labels[LABEL.workingDir];
  return raw
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => (isAbsolute(f) || !dir ? f : resolve(dir, f)));
}

function container(c: Docker.ContainerInfo): ComposeContainer {
  const labels = c.Labels ?? {};
  const n = Number(labels[LABEL.number]);
  return {
    id: c.Id,
    name: c.Names?.[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12),
    number: Number.isInteger(n) && n > 0 ? n : null,
    state: c.State,
    status: c.Status,
    image: c.Image,
    ports: mapPorts(c.Ports ?? []),
    oneOff: labels[LABEL.oneOff]?.toLowerCase() === 'true',
  };
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/**
 * Projects from labels. Containers make a project; so do networks left without containers (a
 * failed `up` leaves its network): a half-made project is shown, never hidden. Volumes alone do
 * not — `down` keeps them on purpose, and the Volumes screen shows them. The newest container's
 * labels say where the files are (a project may have been brought up again from elsewhere).
 */
export function groupProjects(
  containers: Docker.ContainerInfo[],
  networks: Labelled[],
  volumes: Labelled[],
  exists: (path: string) => boolean = existsSync,
): ComposeProject[] {
  const members = new Map<string, Docker.ContainerInfo[]>();
  for (const c of containers) {
    const project = c.Labels?.[LABEL.project];
    if (!project) continue;
    const list = members.get(project);
    if (list) list.push(c);
    else members.set(project, [c]);
  }
  const ofProject = (list: Labelled[], project: string) =>
    list
      .filter((x) => x.labels[LABEL.project] === project)
      .map((x) => x.name)
      .sort();
  const names = new Set([...members.keys()]);
  for (const n of networks) if (n.labels[LABEL.project]) names.add(n.labels[LABEL.project]!);

  return [...names]
    .map((name) => {
      const list = [...(members.get(name) ?? [])].sort((a, b) => b.Created - a.Created);
      const labels = list[0]?.Labels ?? {};
      const configFiles = configFilesOf(labels);
      const missingFiles = configFiles.filter((f) => !exists(f));
      const services = new Map<string, Docker.ContainerInfo[]>();
      for (const c of list) {
        const svc = c.Labels?.[LABEL.service] ?? '(none)';
        services.set(svc, [...(services.get(svc) ?? []), c]);
      }
      const serviceList: ComposeService[] = [...services].map(([svc, cs]) => {
        const items = cs
          .map(container)
          .sort((a, b) => (a.number ?? 1e9) - (b.number ?? 1e9) || a.name.localeCompare(b.name));
        return {
          name: svc,
          image: cs[0]!.Image,
          containers: items,
          running: items.filter((c) => c.state === 'running').length,
          total: items.length,
        };
      });
      const all = serviceList.flatMap((s) => s.containers);
      return {
        name,
        workingDir: labels[LABEL.workingDir] ?? null,
        configFiles,
        missingFiles,
        filesPresent: configFiles.length > 0 && missingFiles.length === 0,
        envFile: labels[LABEL.envFile]?.split(',')[0] || null,
        services: serviceList.sort(byName),
        running: all.filter((c) => c.state === 'running').length,
        paused: all.filter((c) => c.state === 'paused').length,
        total: all.length,
        networks: ofProject(networks, name),
        volumes: ofProject(volumes, name),
        images: [...new Set(list.map((c) => c.Image))].sort(),
        composeVersion: labels[LABEL.version] ?? null,
      };
    })
    .sort(byName);
}

/** Everything labelled as one project's, or every project's when `project` is absent. */
export async function labelled(docker: Docker, project?: string) {
  const filters = project ? projectFilter(project) : { label: [LABEL.project] };
  const [containers, networks, volumes] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listNetworks({ filters }),
    docker.listVolumes({ filters }),
  ]);
  return {
    containers,
    networks: networks.map((n) => ({ name: n.Name, labels: n.Labels ?? {} })),
    volumes: (volumes.Volumes ?? []).map((v) => ({ name: v.Name, labels: v.Labels ?? {} })),
  };
}

export async function listProjects(docker: Docker): Promise<ComposeProject[]> {
  const l = await labelled(docker);
  return groupProjects(l.containers, l.networks, l.volumes);
}

/** One project by name, or undefined when nothing of it is left on the engine. */
export async function findProject(
  docker: Docker,
  project: string,
): Promise<ComposeProject | undefined> {
  const l = await labelled(docker, project);
  return groupProjects(l.containers, l.networks, l.volumes).find((p) => p.name === project);
}
