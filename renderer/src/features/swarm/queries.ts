import { queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Generic → specific: invalidating ['swarm', engine] covers every Swarm view of that engine. */
export const swarmKeys = {
  all: (engineId: string) => ['swarm', engineId] as const,
  state: (engineId: string) => [...swarmKeys.all(engineId), 'state'] as const,
  services: (engineId: string) => [...swarmKeys.all(engineId), 'services'] as const,
  tasks: (engineId: string, filter: { service?: string; node?: string } = {}) =>
    [...swarmKeys.all(engineId), 'tasks', filter.service ?? '', filter.node ?? ''] as const,
  allTasks: (engineId: string) => [...swarmKeys.all(engineId), 'tasks'] as const,
  nodes: (engineId: string) => [...swarmKeys.all(engineId), 'nodes'] as const,
  secrets: (engineId: string) => [...swarmKeys.all(engineId), 'secrets'] as const,
  configs: (engineId: string) => [...swarmKeys.all(engineId), 'configs'] as const,
  stackCli: () => ['swarm', 'stack-cli'] as const,
};

export const swarmQueries = {
  state: (engineId: string) =>
    queryOptions({
      queryKey: swarmKeys.state(engineId),
      queryFn: () => call('swarm.inspect', { engineId }),
    }),
  services: (engineId: string) =>
    queryOptions({
      queryKey: swarmKeys.services(engineId),
      queryFn: () => call('services.list', { engineId }),
    }),
  tasks: (engineId: string, filter: { service?: string; node?: string } = {}) =>
    queryOptions({
      queryKey: swarmKeys.tasks(engineId, filter),
      queryFn: () => call('services.tasks', { engineId, ...filter }),
    }),
  nodes: (engineId: string) =>
    queryOptions({
      queryKey: swarmKeys.nodes(engineId),
      queryFn: () => call('nodes.list', { engineId }),
    }),
  secrets: (engineId: string) =>
    queryOptions({
      queryKey: swarmKeys.secrets(engineId),
      queryFn: () => call('secrets.list', { engineId }),
    }),
  configs: (engineId: string) =>
    queryOptions({
      queryKey: swarmKeys.configs(engineId),
      queryFn: () => call('configs.list', { engineId }),
    }),
  /** Secrets or configs: one shape, so one query for either. */
  data: (engineId: string, kind: 'secret' | 'config') =>
    queryOptions({
      queryKey: (kind === 'secret'
        ? swarmKeys.secrets(engineId)
        : swarmKeys.configs(engineId)) as readonly string[],
      queryFn: () => call(kind === 'secret' ? 'secrets.list' : 'configs.list', { engineId }),
    }),
  stackCli: () =>
    queryOptions({ queryKey: swarmKeys.stackCli(), queryFn: () => call('stacks.cli', {}) }),
};
