import type { ContainerSummary, ImageSummary } from '../../../../contract';

/** Running / paused / stopped as `docker info` counts them (restarting counts as running). Pure. */
export function countContainers(list: ContainerSummary[]) {
  let running = 0;
  let paused = 0;
  for (const c of list) {
    if (c.state === 'running' || c.state === 'restarting') running++;
    else if (c.state === 'paused') paused++;
  }
  return { running, paused, stopped: list.length - running - paused };
}

/** Images by id (the list has a row per tag) and their total size. Pure. */
export function countImages(list: ImageSummary[]) {
  const sizes = new Map<string, number>();
  for (const i of list) sizes.set(i.id, i.size);
  return { count: sizes.size, bytes: [...sizes.values()].reduce((n, s) => n + s, 0) };
}
