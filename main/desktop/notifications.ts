import type { PortholeError } from '../../contract';
import type { Router } from '../router';
import type { StreamOut } from '../streams/sink';

/** A system notification: what it says, and the screen a click opens. */
export interface Notice {
  title: string;
  body: string;
  route: string;
}

/** Long operations worth a notification when they finish, and the screen that shows them. */
const LONG: Record<string, { what: string; route: string }> = {
  'images.pull': { what: 'Pull', route: '/images' },
  'images.push': { what: 'Push', route: '/images' },
  'images.build': { what: 'Build', route: '/images' },
  'compose.run': { what: 'Compose', route: '/compose' },
};
/** Of the compose jobs, only `up` is long enough to be worth one. */
const COMPOSE_NOTIFIED = new Set(['up']);

function subjectOf(name: string, input: unknown): string {
  const i = (input ?? {}) as {
    ref?: unknown;
    tag?: unknown;
    job?: { op?: unknown; spec?: { projectName?: unknown }; project?: unknown };
  };
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 120) : undefined);
  if (name === 'compose.run') {
    const op = text(i.job?.op) ?? 'run';
    const project = text(i.job?.spec?.projectName) ?? text(i.job?.project);
    return project ? `${op} ${project}` : op;
  }
  return text(i.ref) ?? text(i.tag) ?? '';
}

/** The notice for a finished operation, or none for streams that are not long operations. */
export function operationNotice(
  name: string,
  input: unknown,
  error?: PortholeError,
): Notice | undefined {
  const long = LONG[name];
  // Cancelled by the user (or its window closed): they know.
  if (!long || error?.code === 'CANCELLED') return undefined;
  const op = (input as { job?: { op?: unknown } } | undefined)?.job?.op;
  if (name === 'compose.run' && !COMPOSE_NOTIFIED.has(String(op))) return undefined;
  const subject = subjectOf(name, input);
  const what = `${long.what}${subject ? ` ${subject}` : ''}`;
  return error
    ? { title: `${what} failed`, body: error.message.slice(0, 240), route: long.route }
    : { title: `${what} finished`, body: 'Done.', route: long.route };
}

/** A container that exited non-zero; nothing for a clean exit. */
export function exitNotice(c: {
  engineId: string;
  id: string;
  name: string;
  exitCode: number;
}): Notice | undefined {
  if (c.exitCode === 0) return undefined;
  return {
    title: `${c.name} exited with code ${c.exitCode}`,
    body: 'Open its logs to see why.',
    route: `/containers/${c.engineId}/${c.id}`,
  };
}

/** The parts of Electron's Notification this uses. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}
export interface NotificationClass {
  new (options: { title: string; body: string }): NotificationLike;
  isSupported(): boolean;
}

/**
 * Shows notices only when they would be missed: notifications switched on, and no Porthole
 * window focused. A click opens the notice's screen in the main window.
 */
export function createNotifier(deps: {
  Notification: NotificationClass;
  enabled(): boolean;
  focused(): boolean;
  open(route: string): void;
}) {
  return (notice: Notice | undefined): boolean => {
    if (!notice || !deps.enabled() || deps.focused() || !deps.Notification.isSupported())
      return false;
    const n = new deps.Notification({ title: notice.title, body: notice.body });
    n.on('click', () => deps.open(notice.route));
    n.show();
    return true;
  };
}

/**
 * The router as both transports use it, telling `finished` when a long operation's stream ends
 * (with its error, if any). A stream its consumer closed (cancelled) is not reported.
 */
export function watchOperations(
  router: Router,
  finished: (name: string, input: unknown, error?: PortholeError) => void,
): Router {
  return {
    call: (ctx, name, input) => router.call(ctx, name, input),
    open(ctx, name, input, out) {
      if (typeof name !== 'string' || !LONG[name]) return router.open(ctx, name, input, out);
      const watched: StreamOut = {
        event: (event, cost) => out.event(event, cost),
        buffered: () => out.buffered(),
        end(error) {
          finished(name, input, error);
          out.end(error);
        },
      };
      return router.open(ctx, name, input, watched);
    },
  };
}
