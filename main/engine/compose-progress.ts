import type { ComposeRunEvent } from '../../contract';

export type Progress = Extract<ComposeRunEvent, { kind: 'progress' }>;

/** What the parser knows of the project, to turn container names back into services. */
export interface ProgressContext {
  project: string;
  services: readonly string[];
}

const V1_VERB: Record<string, [working: string, done: string]> = {
  Creating: ['creating', 'created'],
  Starting: ['starting', 'started'],
  Recreating: ['recreating', 'recreated'],
  Stopping: ['stopping', 'stopped'],
  Removing: ['removing', 'removed'],
  Restarting: ['restarting', 'restarted'],
  Pausing: ['pausing', 'paused'],
  Unpausing: ['unpausing', 'unpaused'],
  Killing: ['killing', 'killed'],
};

const V2_WORKING = new Set([
  'Creating',
  'Starting',
  'Stopping',
  'Removing',
  'Recreate',
  'Pulling',
  'Waiting',
  'Restarting',
  'Building',
]);
const V2_DONE = new Set([
  'Created',
  'Started',
  'Stopped',
  'Removed',
  'Recreated',
  'Pulled',
  'Running',
  'Healthy',
  'Skipped',
  'Built',
  'Exited',
]);

/**
 * The service of a container compose named: `project_service_1` (v1) or `project-service-1`
 * (v2). With the service list known the match is exact; otherwise prefix and number are cut.
 */
export function serviceOf(container: string, ctx: ProgressContext): string | undefined {
  for (const sep of ['_', '-']) {
    const head = `${ctx.project}${sep}`;
    if (!container.startsWith(head)) continue;
    const m = new RegExp(`^(.+)\\${sep}\\d+$`).exec(container.slice(head.length));
    if (!m) continue;
    const service = m[1]!;
    if (ctx.services.length === 0 || ctx.services.includes(service)) return service;
  }
  return undefined;
}

const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1');

/** One line of compose's output (v1 or v2, without ANSI) as a progress step, if it is one. */
export function parseProgress(line: string, ctx: ProgressContext): Progress | undefined {
  const text = line.trim();
  const p = (
    resource: Progress['resource'],
    name: string,
    step: string,
    state: Progress['state'],
    unit = name,
  ): Progress => ({ kind: 'progress', resource, name, unit, step, state });

  // v1: Creating network "demo_default" with the default driver / Removing volume demo_data
  let m = /^(Creating|Removing) (network|volume) "?([^"\s]+)"?/.exec(text);
  if (m) {
    const [, verb, what, name] = m;
    // v1 prints one line per network or volume, before the work: it is done once the next starts.
    return p(
      what as 'network' | 'volume',
      name!,
      verb === 'Creating' ? 'created' : 'removed',
      'done',
    );
  }
  // v1: Pulling web (nginx:1.27)... / Building web
  m = /^(Pulling|Building) ([a-zA-Z0-9._-]+)(?: \(.*\))?\.*$/.exec(text);
  if (m && (ctx.services.length === 0 || ctx.services.includes(m[2]!))) {
    return p('service', m[2]!, m[1]!.toLowerCase(), 'working');
  }
  // v1: Creating demo_web_1 ... / … done / … error
  m = /^([A-Z][a-z]+) (\S+)\s+\.\.\.\s*(done|error)?$/.exec(text);
  if (m && V1_VERB[m[1]!]) {
    const service = serviceOf(m[2]!, ctx);
    if (!service) return undefined;
    const [working, done] = V1_VERB[m[1]!]!;
    const unit = m[2]!;
    if (m[3] === 'error') return p('service', service, working, 'error', unit);
    return m[3] === 'done'
      ? p('service', service, done, 'done', unit)
      : p('service', service, working, 'working', unit);
  }
  // v1: demo_web_1 is up-to-date
  m = /^(\S+) is up-to-date$/.exec(text);
  if (m) {
    const service = serviceOf(m[1]!, ctx);
    return service ? p('service', service, 'up-to-date', 'done', m[1]) : undefined;
  }
  // v1: ERROR: for demo_web_1  Cannot start service web: … / ERROR: for web  …
  m = /^ERROR: for (\S+)\s/.exec(text);
  if (m) {
    const service = ctx.services.includes(m[1]!) ? m[1]! : serviceOf(m[1]!, ctx);
    return service ? p('service', service, 'failed', 'error', m[1]) : undefined;
  }
  // v2: Container demo-web-1  Started / Network demo_default  Created / web Pulling / Volume "x"  Created
  m = /^(?:(Container|Network|Volume|Image) )?("[^"]+"|\S+)\s+([A-Z][a-z]+)\b/.exec(text);
  if (m) {
    const [, type, rawName, verb] = m;
    const state =
      verb === 'Error'
        ? 'error'
        : V2_DONE.has(verb!)
          ? 'done'
          : V2_WORKING.has(verb!)
            ? 'working'
            : undefined;
    if (!state) return undefined;
    const name = unquote(rawName!);
    const step = verb!.toLowerCase();
    if (type === 'Network' || type === 'Volume') {
      return p(type.toLowerCase() as 'network' | 'volume', name, step, state);
    }
    if (type === 'Container') {
      const service = serviceOf(name, ctx);
      return service ? p('service', service, step, state, name) : undefined;
    }
    if (!type && ctx.services.includes(name)) return p('service', name, step, state);
  }
  return undefined;
}

/**
 * The lines that explain a failure, in the CLI's (and so the engine's) words: what is not a
 * progress step or a warning, the last ones first to go if there are many.
 */
export class ErrorLines {
  private lines: string[] = [];

  push(line: string, isProgress: boolean): void {
    const text = line.trim();
    if (!text || /^(WARNING|WARN\[|time=.*level=warn)/.test(text)) return;
    // "ERROR: for web  Cannot start service web: …" is a step and the explanation at once.
    if (isProgress && !text.startsWith('ERROR')) return;
    this.lines.push(text);
    if (this.lines.length > 20) this.lines.shift();
  }

  text(): string | null {
    return this.lines.length ? this.lines.join('\n').slice(-16 * 1024) : null;
  }
}
