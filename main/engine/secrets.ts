import type Docker from 'dockerode';
import type { SwarmDataSummary } from '../../contract';

interface RawData {
  ID: string;
  CreatedAt: string;
  UpdatedAt: string;
  Spec?: { Name?: string; Labels?: Record<string, string> };
}

interface RawServiceRefs {
  Spec: {
    Name: string;
    TaskTemplate?: {
      ContainerSpec?: { Secrets?: { SecretID: string }[]; Configs?: { ConfigID: string }[] };
    };
  };
}

export type SwarmDataKind = 'secret' | 'config';

/** Secrets or configs, each with the services that mount it. Never a secret's value. */
export async function listSwarmData(
  docker: Docker,
  kind: SwarmDataKind,
): Promise<SwarmDataSummary[]> {
  const [items, services] = await Promise.all([
    (kind === 'secret' ? docker.listSecrets() : docker.listConfigs()) as Promise<RawData[]>,
    docker.listServices() as unknown as Promise<RawServiceRefs[]>,
  ]);
  const users = (id: string) =>
    services
      .filter((s) => {
        const c = s.Spec.TaskTemplate?.ContainerSpec;
        return kind === 'secret'
          ? c?.Secrets?.some((x) => x.SecretID === id)
          : c?.Configs?.some((x) => x.ConfigID === id);
      })
      .map((s) => s.Spec.Name)
      .sort();
  return items
    .map((x) => ({
      id: x.ID,
      name: x.Spec?.Name ?? x.ID,
      createdAt: x.CreatedAt,
      updatedAt: x.UpdatedAt,
      labels: x.Spec?.Labels ?? {},
      usedBy: users(x.ID),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The value goes to the engine base64-encoded in the request body and nowhere else: it is not
 * logged, not kept, not returned.
 */
export async function createSwarmData(
  docker: Docker,
  kind: SwarmDataKind,
  i: { name: string; data: string; labels: Record<string, string> },
): Promise<{ id: string }> {
  const spec = {
    Name: i.name,
    Labels: i.labels,
    Data: Buffer.from(i.data, 'utf8').toString('base64'),
  };
  const created = (await (kind === 'secret'
    ? docker.createSecret(spec)
    : docker.createConfig(spec))) as unknown as { id?: string; ID?: string };
  return { id: created.id ?? created.ID ?? '' };
}

export async function removeSwarmData(docker: Docker, kind: SwarmDataKind, id: string) {
  await (kind === 'secret' ? docker.getSecret(id) : docker.getConfig(id)).remove();
  return null;
}
