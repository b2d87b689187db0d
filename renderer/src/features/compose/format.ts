import { ProjectName, type ComposeProject, type ComposeService } from '../../../../contract';
import { naturalCompare } from '../../format/sort';
import { MAX_MERGED } from '../logs/limits';

/** "2/3 running", "1 paused" added when some are. */
export function runningText(p: { running: number; total: number; paused?: number }): string {
  const paused = p.paused ? `, ${p.paused} paused` : '';
  return `${p.running}/${p.total} running${paused}`;
}

export type ProjectState = 'running' | 'partial' | 'paused' | 'exited' | 'empty';

export function projectState(p: ComposeProject): ProjectState {
  if (p.total === 0) return 'empty';
  if (p.paused === p.total) return 'paused';
  if (p.running === p.total) return 'running';
  return p.running + p.paused > 0 ? 'partial' : 'exited';
}

export interface MergedLog {
  /** The containers the log window gets, at most MAX_MERGED. */
  ids: string[];
  /** How many did not fit. */
  more: number;
  /** The names of those left out. */
  leftOut: string[];
}

/** The containers a project's (or a service's) merged log shows: running first, then by name. */
export function logIds(services: ComposeService[]): MergedLog {
  const all = services
    .flatMap((s) => s.containers)
    .sort(
      (a, b) =>
        Number(b.state === 'running') - Number(a.state === 'running') ||
        naturalCompare(a.name, b.name),
    );
  return {
    ids: all.slice(0, MAX_MERGED).map((c) => c.id),
    more: Math.max(0, all.length - MAX_MERGED),
    leftOut: all.slice(MAX_MERGED).map((c) => c.name),
  };
}

/** "shows 12 of 15 containers; left out: a, b, c." — or undefined when all fit. */
export function leftOutText(m: MergedLog): string | undefined {
  if (m.more === 0) return undefined;
  return (
    `the merged log shows ${m.ids.length} of ${m.ids.length + m.more} containers ` +
    `(running first, at most ${MAX_MERGED}); left out: ${m.leftOut.join(', ')}.`
  );
}

/** Where a service's shell opens: its first running container. */
export function shellTarget(s: ComposeService): string | undefined {
  return s.containers.find((c) => c.state === 'running' && !c.oneOff)?.id;
}

export type RemoveImages = 'none' | 'local' | 'all';

/** Everything `down` (or a remove from labels) deletes, in words, for the confirm dialog. */
export function lostInDown(
  p: ComposeProject,
  opts: { removeVolumes: boolean; removeImages: RemoveImages },
): string[] {
  const containers = p.services.flatMap((s) => s.containers.map((c) => c.name));
  const out: string[] = [];
  if (containers.length)
    out.push(`${plural(containers.length, 'container')}: ${containers.join(', ')}`);
  if (p.networks.length)
    out.push(`${plural(p.networks.length, 'network')}: ${p.networks.join(', ')}`);
  if (opts.removeVolumes) {
    out.push(
      p.volumes.length
        ? `${plural(p.volumes.length, 'named volume')} and all the data in them: ${p.volumes.join(', ')} (and anonymous volumes)`
        : 'its anonymous volumes and the data in them',
    );
  }
  if (opts.removeImages === 'all' && p.images.length)
    out.push(`${plural(p.images.length, 'image')} its services use: ${p.images.join(', ')}`);
  if (opts.removeImages === 'local')
    out.push('the images compose built for it (those without a custom tag)');
  return out;
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "a, b" from "a, b ,," — profiles as typed. */
export function parseProfiles(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
}

/** The contract's rule for a new project's name, as a sentence at the field. */
export function projectNameError(name: string): string | undefined {
  if (!name) return 'Name the project.';
  if (name.length > 63) return 'At most 63 characters.';
  const r = ProjectName.safeParse(name);
  return r.success ? undefined : `Use ${r.error.issues[0]?.message ?? 'a valid name'}.`;
}

/** A config file as people think of it: relative to the working dir when it is inside it. */
export function shortPath(file: string, workingDir: string | null): string {
  if (!workingDir) return file;
  const dir = workingDir.endsWith('/') ? workingDir : `${workingDir}/`;
  return file.startsWith(dir) ? file.slice(dir.length) : file;
}
