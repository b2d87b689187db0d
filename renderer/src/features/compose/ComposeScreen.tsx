import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ComposeProject, ComposeService } from '../../../../contract';
import { call } from '../../api/client';
import { AllEnginesNote } from '../../components/AllEnginesNote';
import { EngineFailures } from '../../components/EngineCell';
import { ScreenBody } from '../../components/ScreenBody';
import { useShowError, useShowResult } from '../../components/Toasts';
import { useEngineLists, type Tagged } from '../../components/useEngineLists';
import { useEngine } from '../../engine/EngineContext';
import { ConfigDialog } from './ConfigDialog';
import { DownDialog } from './DownDialog';
import { leftOutText, logIds } from './format';
import { ProjectDetail, type ServiceVerb } from './ProjectDetail';
import { ProjectRow, type ProjectOpen, type ProjectVerb } from './ProjectRow';
import { composeKeys, composeQueries } from './queries';
import { RecreateDialog, ScaleDialog } from './ServiceDialogs';
import { UpDialog } from './UpDialog';
import './compose.css';
import { EmptyList } from '../../components/EmptyList';
import { naturalSortBy } from '../../format/sort';

/** A project as listed: tagged with the engine it lives on, where its actions go. */
type Project = Tagged<ComposeProject>;
// Dialogs hold the project as it was when opened: a `down` makes it vanish from the list while
// the dialog still shows the run (unmounting it would stop compose half-way).
type Open =
  | { kind: 'up' }
  | { kind: 'down' | 'config'; project: Project }
  | { kind: ServiceVerb; project: Project; service: ComposeService }
  | undefined;

/** A row's identity: the same project name may live on several engines. */
const keyOf = (p: { engineId: string; name: string }) => `${p.engineId}\u0000${p.name}`;

/** State, Services, Working dir, Config files, actions (five icons, Config, Down): px. */
const COLUMN_WIDTHS = [110, 170, 170, 150, 296];
const COLUMNS_WIDTH = COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
const ENGINE_WIDTH = 110;
const PROJECT_MIN = 124;

/**
 * #/compose: every compose project on the engines in view (each one's own, or all of them
 * merged), from their labels, live from engine events. Every row acts on its own engine.
 */
export function ComposeScreen() {
  const { current } = useEngine();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const showResult = useShowResult();
  const list = useEngineLists(composeQueries.projects);
  const cli = useQuery(composeQueries.cli());
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<string | undefined>();
  const [open, setOpen] = useState<Open>();
  const action = useMutation({
    mutationFn: ({ project: p, verb }: { project: Project; verb: ProjectVerb }) =>
      call('compose.action', { engineId: p.engineId, project: p.name, action: verb }),
    onError: (err, { project, verb }) => showError(`Could not ${verb} ${project.name}`, err),
    onSettled: (_d, _e, { project }) =>
      queryClient.invalidateQueries({ queryKey: composeKeys.projects(project.engineId) }),
  });
  const { mutate } = action;
  const busy = action.isPending && action.variables ? keyOf(action.variables.project) : undefined;

  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    // The engine's order is code-point order; show names in natural order (idle-2 before idle-10).
    const all = naturalSortBy(list.data ?? [], (p) => p.name);
    if (!f) return all;
    return all.filter((p) =>
      [p.name, p.engineName, p.workingDir ?? '', ...p.services.map((s) => s.name)]
        .join(' ')
        .toLowerCase()
        .includes(f),
    );
  }, [list.data, filter]);
  const shown = list.data?.find((p) => keyOf(p) === expanded);

  const onToggle = useCallback(
    (p: Project) => setExpanded((e) => (e === keyOf(p) ? undefined : keyOf(p))),
    [],
  );
  const onAction = useCallback(
    (verb: ProjectVerb, p: Project) => mutate({ project: p, verb }),
    [mutate],
  );
  const onOpen = useCallback(
    (what: ProjectOpen, p: Project) => {
      if (what !== 'logs') return setOpen({ kind: what, project: p });
      const merged = logIds(p.services);
      // The log window's merged timeline: the project's containers in one view, on its engine.
      if (!merged.ids.length)
        return showError(`No logs for ${p.name}`, new Error('It has no containers.'));
      window.open(`#/logs/${p.engineId}/${merged.ids.join(',')}`, '_blank');
      const left = leftOutText(merged);
      if (left) showResult(`Logs of ${p.name}: ${left}`);
    },
    [showError, showResult],
  );
  const onService = (verb: ServiceVerb, project: Project, s: ComposeService) =>
    setOpen({ kind: verb, project, service: s });

  const close = () => setOpen(undefined);
  // Until the CLI is found (or not), compose's own actions are offered: they say if it is missing.
  const cliMissing = cli.data?.available === false;
  const cliText = cli.data?.available ? `${cli.data.command} ${cli.data.version}` : undefined;

  return (
    <main className="screen" aria-labelledby="compose-heading">
      <header className="screen-header">
        <h1 id="compose-heading">Compose</h1>
        <div className="toolbar">
          <input
            type="text"
            aria-label="Filter projects"
            placeholder="Filter by project, service, folder…"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <button
            type="button"
            className="primary"
            disabled={!current}
            onClick={() => setOpen({ kind: 'up' })}
          >
            Up from file
          </button>
        </div>
      </header>
      <AllEnginesNote what="new projects (Up from file)" pickable />
      {cli.data && !cli.data.available && (
        <div className="compose-cli-missing" role="note">
          <p>
            <strong>{cli.data.message}</strong> Projects are still listed and can be started,
            stopped and removed; Up, Down, config, scale and recreate need it.
          </p>
          <p className="small">{cli.data.hint}</p>
        </div>
      )}
      <EngineFailures failures={list.failures} noun="compose projects" />
      <ScreenBody list={list} noun="compose projects">
        {() => (
          <table
            aria-label="Compose projects"
            aria-busy={list.isPending}
            className="resource-table fixed-columns"
            style={{ minWidth: PROJECT_MIN + (list.multi ? ENGINE_WIDTH : 0) + COLUMNS_WIDTH }}
          >
            {/* Fixed widths (the Project name takes the rest): a long path or service list is
                cut with an ellipsis instead of pushing the table past a 1280 px window. */}
            <colgroup>
              <col />
              {list.multi && <col style={{ width: ENGINE_WIDTH }} />}
              {COLUMN_WIDTHS.map((w, i) => (
                <col key={i} style={{ width: w }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Project</th>
                {list.multi && <th scope="col">Engine</th>}
                <th scope="col">State</th>
                <th scope="col">Services</th>
                <th scope="col">Working dir</th>
                <th scope="col">Config files</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <ProjectRow
                  key={keyOf(p)}
                  project={p}
                  multi={list.multi}
                  expanded={expanded === keyOf(p)}
                  busy={busy === keyOf(p)}
                  canCompose={p.filesPresent && !cliMissing}
                  onToggle={onToggle}
                  onAction={onAction}
                  onOpen={onOpen}
                />
              ))}
            </tbody>
          </table>
        )}
      </ScreenBody>
      <EmptyList
        total={list.data?.length}
        shown={rows.length}
        none={`No compose projects on ${list.multi ? 'any engine' : 'this engine'}. Up one from a file, or run compose up in a folder: it appears here.`}
        filtered="No projects match. Clear the filter."
      />
      {shown && (
        <ProjectDetail
          project={shown}
          multi={list.multi}
          canChange={shown.filesPresent && !!cli.data?.available}
          onService={(verb, s) => onService(verb, shown, s)}
        />
      )}
      {cliText && <p className="small compose-cli">Compose: {cliText}</p>}
      {open?.kind === 'up' && <UpDialog onClose={close} />}
      {open?.kind === 'down' && (
        <DownDialog
          engineId={open.project.engineId}
          project={open.project}
          viaCli={open.project.filesPresent && !cliMissing}
          onClose={close}
        />
      )}
      {open?.kind === 'config' && (
        <ConfigDialog
          engineId={open.project.engineId}
          project={open.project.name}
          onClose={close}
        />
      )}
      {open?.kind === 'scale' && (
        <ScaleDialog
          engineId={open.project.engineId}
          project={open.project}
          service={open.service}
          onClose={close}
        />
      )}
      {open?.kind === 'recreate' && (
        <RecreateDialog
          engineId={open.project.engineId}
          project={open.project}
          service={open.service}
          onClose={close}
        />
      )}
    </main>
  );
}
