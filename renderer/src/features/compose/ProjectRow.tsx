import { memo } from 'react';
import type { ComposeProject } from '../../../../contract';
import { EngineCell } from '../../components/EngineCell';
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
      disabled={busy || disabled}
      onClick={() => onAction(verb, p)}
    >
      {LABEL[verb]}
    </button>
  );
  const open = (
    what: ProjectOpen,
    text: string,
    label: string,
    className = 'icon-button',
    disabled = false,
  ) => (
    <button
      type="button"
      className={className}
      aria-label={`${label} ${p.name}`}
      disabled={busy || disabled}
      onClick={() => onOpen(what, p)}
    >
      {text}
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
      <td className="small">
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
        {open('logs', 'Logs', 'Logs', 'icon-button', p.total === 0)}
        {canCompose && open('config', 'Config', 'Config')}
        {canCompose
          ? open('down', 'Down', 'Down', 'icon-button danger')
          : open('down', 'Remove', 'Remove', 'icon-button danger')}
      </td>
    </tr>
  );
});
