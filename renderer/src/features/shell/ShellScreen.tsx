import type { SearchAddon } from '@xterm/addon-search';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { containerKeys, containerQueries } from '../containers/queries';
import { splitCommand } from './ackPolicy';

/** Attach opens its own window: the shell here keeps running beside it. */
function openAttach(engineId: string, id: string) {
  window.open(`#/shell/${engineId}/${id}/attach`, '_blank');
}
import { Terminal, type ShellOptions, type ShellStatus } from './Terminal';
import { useDocumentTitle } from '../../useDocumentTitle';

function describe(s: ShellStatus): string {
  switch (s.state) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return `Connected: ${s.cmd.join(' ')}`;
    case 'exited':
      return s.code === null ? 'Process ended' : `Process exited with code ${s.code}`;
    case 'failed':
      return s.message;
  }
}

/**
 * A shell window (#/shell/ENGINE/ID): an exec terminal in the container. The first of
 * /bin/bash, /bin/sh by default, or the command, user and directory the user gives.
 */
export function ShellScreen({ params }: { params: string[] }) {
  const [engineId = '', id = '', modeParam] = params;
  // #/shell/ENGINE/ID/attach: the container's main process instead of a new shell.
  const mode = modeParam === 'attach' ? 'attach' : 'exec';
  const list = useQuery({ ...containerQueries.list(engineId), enabled: !!engineId });
  const container = list.data?.find((c) => c.id === id || c.name === id);
  const name = container?.name ?? id.slice(0, 12);
  useDocumentTitle(`Shell — ${name}`);
  const running = container ? container.state === 'running' : true;
  const [options, setOptions] = useState<ShellOptions>({});
  const [draft, setDraft] = useState({ cmd: '', user: '', workdir: '' });
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<ShellStatus>({ state: 'connecting' });
  const [size, setSize] = useState('');
  const [find, setFind] = useState('');
  const [starting, setStarting] = useState(false);
  const searchRef = useRef<SearchAddon | undefined>(undefined);
  const showError = useShowError();
  const queryClient = useQueryClient();
  const onSize = useCallback((cols: number, rows: number) => setSize(`${cols}×${rows}`), []);

  const connect = (e?: FormEvent) => {
    e?.preventDefault();
    const cmd = splitCommand(draft.cmd);
    setOptions({
      ...(cmd.length ? { cmd } : {}),
      ...(draft.user.trim() ? { user: draft.user.trim() } : {}),
      ...(draft.workdir.trim() ? { workdir: draft.workdir.trim() } : {}),
    });
    setAttempt((a) => a + 1);
  };

  const start = async () => {
    setStarting(true);
    try {
      await call('containers.start', { engineId, id: container?.id ?? id });
      await queryClient.invalidateQueries({ queryKey: containerKeys.all(engineId) });
      setAttempt((a) => a + 1);
    } catch (err) {
      showError(`Could not start ${name}`, err);
    } finally {
      setStarting(false);
    }
  };

  const live = status.state === 'connecting' || status.state === 'connected';
  return (
    <main className="shell-window" aria-labelledby="shell-heading">
      <header className="logs-header">
        <h1 id="shell-heading">
          {mode === 'attach' ? 'Attached' : 'Shell'} — {name}
        </h1>
        <p role="status" className="logs-status">
          {running ? describe(status) : `${name} is not running.`}
        </p>
        <span className="term-size" aria-label="Terminal size">
          {size}
        </span>
      </header>
      <form className="logs-toolbar" onSubmit={connect} aria-label="Shell options">
        {mode === 'exec' && (
          <>
            <input
              aria-label="Command"
              placeholder="Command (default: /bin/bash, else /bin/sh)"
              value={draft.cmd}
              onChange={(e) => setDraft({ ...draft, cmd: e.target.value })}
            />
            <input
              aria-label="User"
              placeholder="User"
              value={draft.user}
              onChange={(e) => setDraft({ ...draft, user: e.target.value })}
            />
            <input
              aria-label="Working directory"
              placeholder="Working directory"
              value={draft.workdir}
              onChange={(e) => setDraft({ ...draft, workdir: e.target.value })}
            />
          </>
        )}
        <button type="submit">
          {live ? (mode === 'attach' ? 'Re-attach' : 'Restart shell') : 'Reconnect'}
        </button>
        <input
          type="search"
          aria-label="Search terminal"
          placeholder="Search terminal"
          value={find}
          onChange={(e) => setFind(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && find) {
              if (e.shiftKey) searchRef.current?.findPrevious(find);
              else searchRef.current?.findNext(find);
            }
          }}
        />
        {mode === 'exec' && (
          <button type="button" onClick={() => openAttach(engineId, container?.id ?? id)}>
            Attach to main process
          </button>
        )}
      </form>
      {!running ? (
        <div className="shell-stopped">
          <p>A shell needs a running container.</p>
          <button type="button" onClick={() => void start()} disabled={starting}>
            Start {name}
          </button>
        </div>
      ) : (
        <Terminal
          engineId={engineId}
          containerId={container?.id ?? id}
          label={`Shell in ${name}`}
          mode={mode}
          options={options}
          attempt={attempt}
          onStatus={setStatus}
          onSize={onSize}
          searchRef={searchRef}
        />
      )}
    </main>
  );
}
