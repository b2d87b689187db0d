import type { ComposeRunEvent, PortholeError } from '../../../../contract';

/** Output lines kept on screen; older ones are counted, not kept. */
export const MAX_LINES = 1000;

type Progress = Extract<ComposeRunEvent, { kind: 'progress' }>;
type Exit = Extract<ComposeRunEvent, { kind: 'exit' }>;

export interface RunState {
  phase: 'running' | 'done' | 'failed' | 'stopped';
  command: string | undefined;
  lines: { text: string; err: boolean }[];
  dropped: number;
  /** The last step of each container, network or volume, in the order they appeared. */
  units: Progress[];
  exit: Exit | undefined;
  /** The stream ended with an error before or instead of the CLI's exit. */
  error: PortholeError | undefined;
}

export const initialRun: RunState = {
  phase: 'running',
  command: undefined,
  lines: [],
  dropped: 0,
  units: [],
  exit: undefined,
  error: undefined,
};

export type RunAction =
  | { type: 'event'; event: ComposeRunEvent }
  | { type: 'end'; error?: PortholeError | undefined }
  | { type: 'stopped' }
  | { type: 'reset' };

/** Shell-like quoting for showing the command (display only: it never runs from here). */
const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

export function reduceRun(s: RunState, a: RunAction): RunState {
  switch (a.type) {
    case 'reset':
      return initialRun;
    case 'stopped':
      return s.phase === 'running' ? { ...s, phase: 'stopped' } : s;
    case 'end':
      if (s.phase !== 'running') return s;
      if (a.error) return { ...s, phase: 'failed', error: a.error };
      return { ...s, phase: s.exit && s.exit.code !== 0 ? 'failed' : 'done' };
    case 'event': {
      const e = a.event;
      switch (e.kind) {
        case 'command':
          return { ...s, command: e.argv.map(quote).join(' ') };
        case 'output': {
          const lines = [...s.lines, { text: e.text, err: e.err }];
          const over = Math.max(0, lines.length - MAX_LINES);
          return { ...s, lines: over ? lines.slice(over) : lines, dropped: s.dropped + over };
        }
        case 'progress': {
          const i = s.units.findIndex((u) => u.unit === e.unit && u.resource === e.resource);
          const units = i < 0 ? [...s.units, e] : s.units.map((u, j) => (j === i ? e : u));
          return { ...s, units };
        }
        case 'exit':
          return { ...s, exit: e };
      }
    }
  }
}

export interface StepView {
  resource: Progress['resource'];
  name: string;
  step: string;
  state: 'waiting' | 'working' | 'done' | 'error';
  /** Containers (units) done of those seen, for a service. */
  done: number;
  total: number;
}

/**
 * One line per service (its containers taken together) and per network and volume, in the
 * order of `services` first. Once the run is over, nothing is still "working".
 */
export function stepsOf(s: RunState, services: readonly string[]): StepView[] {
  const over = s.phase !== 'running';
  const failed = s.phase === 'failed' || s.phase === 'stopped';
  const byName = new Map<string, Progress[]>();
  for (const u of s.units) {
    const key = `${u.resource}:${u.name}`;
    byName.set(key, [...(byName.get(key) ?? []), u]);
  }
  const view = (resource: Progress['resource'], name: string): StepView => {
    const units = byName.get(`${resource}:${name}`) ?? [];
    const done = units.filter((u) => u.state === 'done').length;
    const err = units.find((u) => u.state === 'error');
    const working = units.find((u) => u.state === 'working');
    let state: StepView['state'] = err
      ? 'error'
      : working
        ? 'working'
        : units.length
          ? 'done'
          : 'waiting';
    // What was under way when the CLI failed or was stopped failed with it; what never began
    // did not start.
    if (over && state === 'working') state = failed ? 'error' : 'done';
    const last = err ?? working ?? units[units.length - 1];
    const step = last?.step ?? (over ? 'not started' : 'waiting');
    return { resource, name, step, state, done, total: units.length };
  };
  const seen = new Set(services.map((n) => `service:${n}`));
  const rest = [...byName.keys()].filter((k) => !seen.has(k));
  return [
    ...services.map((n) => view('service', n)),
    ...rest.map((k) => {
      const [resource, ...name] = k.split(':');
      return view(resource as Progress['resource'], name.join(':'));
    }),
  ];
}
