import { memo, type ReactNode } from 'react';
import type { ComposeProject } from '../../../../contract';
import { EngineCell } from '../../components/EngineCell';
import { Icon, type IconName } from '../../components/Icon';
import type { Tagged } from '../../components/useEngineLists';
import { projectState, runningText, shortPath } from './format';

export type ProjectVerb = 'start' | 'stop' | 'restart' | 'pause' | 'unpause';
export type ProjectOpen = 'down' | 'logs' | 'config';

type Project = Tagged<ComposeProject>;

interface Props {
  project: Project;
  /** Rows from several engines: show the Engine cell. */
  multi: boolean;
  expanded: boolean;
  busy: boolean;
  /** Files here and compose installed: Down and Config; otherwise Remove from labels. */
  canCompose: boolean;
  onToggle(p: Project): void;
  onAction(verb: ProjectVerb, p: Project): void;
  onOpen(what: ProjectOpen, p: Project): void;
}

// Icons, as the Containers rows have: with Config and Down as words the row fits 1280 px.
const ICON: Record<ProjectVerb, IconName> = {
  start: 'play',
  stop: 'stop',
  restart: 'restart',
  pause: 'pause',
  unpause: 'play',
};

const LABEL: Record<ProjectVerb, string> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  pause: 'Pause',
  unpause: 'Unpause',
};

/** One project: its name (opens its services), state, services at a glance, where its files are. */
export const ProjectRow = memo(function ProjectRow({
  project: p,
  multi,
  expanded,
  busy,
  canCompose,
  onToggle,
  onAction,
  onOpen,
}: Props) {
  const state = projectState(p);
  const act = (verb: ProjectVerb, disabled = false) => (
    <button
      type="button"
      className="icon-button"
      aria-label={`${LABEL[verb]} ${p.name}`}
      title={`${LABEL[verb]} ${p.name}`}
      disabled={busy || disabled}
      onClick={() => onAction(verb, p)}
    >
      <Icon name={ICON[verb]} />
    </button>
  );
  const open = (
    what: ProjectOpen,
    content: ReactNode,
    label: string,
    className = 'icon-button',
    disabled = false,
  ) => (
    <button
      type="button"
      className={className}
      aria-label={`${label} ${p.name}`}
      title={`${label} ${p.name}`}
      disabled={busy || disabled}
      onClick={() => onOpen(what, p)}
    >
      {content}
    </button>
  );
  return (
    <tr className={p.stale ? 'compose-project-row stale' : 'compose-project-row'}>
      <th scope="row" className="name">
        <button
          type="button"
          className="disclosure-name"
          aria-expanded={expanded}
          onClick={() => onToggle(p)}
          title={expanded ? 'Hide its services' : 'Show its services'}
        >
          <span aria-hidden="true">{expanded ? '▾ ' : '▸ '}</span>
          {p.name}
        </button>
      </th>
      {multi && <EngineCell row={p} />}
      <td>
        <span
          className={`state state--${state === 'partial' ? 'restarting' : state === 'empty' ? 'exited' : state}`}
        >
          {runningText(p)}
        </span>
      </td>
      <td
        className="small compose-services"
        title={p.services.map((s) => `${s.name} ${s.running}/${s.total}`).join(', ') || undefined}
      >
        {p.services.length
          ? p.services.map((s) => (
              <span key={s.name} className="compose-svc">
                {s.name} {s.running}/{s.total}
              </span>
            ))
          : `no containers${p.networks.length ? ` — left: ${p.networks.join(', ')}` : ''}`}
      </td>
      <td className="mono small wrap-anywhere">{p.workingDir ?? '—'}</td>
      <td className="mono small wrap-anywhere">
        {p.configFiles.map((f) => (
          <div key={f} title={f}>
            {shortPath(f, p.workingDir)}
          </div>
        ))}
        {!p.filesPresent && (
          <div className="compose-files-gone">
            {p.configFiles.length ? 'files gone from this machine' : 'no files recorded'}
          </div>
        )}
      </td>
      <td className="actions">
        {act('start', p.total === 0 || p.running + p.paused === p.total)}
        {act('stop', p.running + p.paused === 0)}
        {act('restart', p.total === 0)}
        {state === 'paused' || p.paused > 0 ? act('unpause') : act('pause', p.running === 0)}
        {open('logs', <Icon name="logs" />, 'Logs', 'icon-button', p.total === 0)}
        {canCompose && open('config', 'Config', 'Config')}
        {canCompose
          ? open('down', 'Down', 'Down', 'icon-button danger')
          : open('down', 'Remove', 'Remove', 'icon-button danger')}
      </td>
    </tr>
  );
});
