import { z } from 'zod';
import { call, OnEngine } from '../define';
import { ContainerSummary } from '../resources';

export const ContainerRef = OnEngine.extend({ id: z.string().min(1).max(256) });

export const containerCalls = {
  'containers.list': call(OnEngine, z.array(ContainerSummary)),
  'containers.start': call(ContainerRef, z.null()),
  'containers.stop': call(ContainerRef, z.null()),
  'containers.restart': call(ContainerRef, z.null()),
  'containers.remove': call(
    ContainerRef.extend({ force: z.boolean(), removeVolumes: z.boolean() }),
    z.null(),
  ),
} as const;

export const containerStreams = {} as const;
