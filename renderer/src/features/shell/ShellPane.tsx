import type { SearchAddon } from '@xterm/addon-search';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { containerKeys } from '../containers/queries';
import { splitCommand } from './ackPolicy';
import { Terminal, type ShellOptions, type ShellStatus } from './Terminal';

/** Attach opens its own window: the shell here keeps running beside it. */
function openAttach(engineId: string, id: string) {
  window.open(`#/shell/${engineId}/${id}/attach`, '_blank');
}

export interface PaneProps {
  engineId: string;
  /** The container's id (or the route's id until the list has it). */
  containerId: string;
  name: string;
  running: boolean;
  mode: 'exec' | 'attach';
  /** This pane's tab is the one shown. */
  active: boolean;
  /** This pane's tab, as its reports name it. */
  tab: number;
  onStatus(tab: number, status: ShellStatus): void;
  onSize(tab: number, size: string): void;
}

/**
 * One session of a shell window (a tab): its options, its terminal, and Start when the
 * container is not running. Each pane is its own exec session; a hidden pane keeps running.
 */
export function ShellPane({
  engineId,
  containerId,
  name,
  running,
  mode,
  active,
  tab,
  ...p
}: PaneProps) {
  const [options, setOptions] = useState<ShellOptions>({});
  const [draft, setDraft] = useState({ cmd: '', user: '', workdir: '' });
  const [attempt, setAttempt] = useState(0);
  const [live, setLive] = useState(true);
  const [find, setFind] = useState('');
  const [starting, setStarting] = useState(false);
  const searchRef = useRef<SearchAddon | undefined>(undefined);
  const showError = useShowError();
  const queryClient = useQueryClient();
  const { onStatus: report, onSize: reportSize } = p;
  const onStatus = useCallback(
    (s: ShellStatus) => {
      setLive(s.state === 'connecting' || s.state === 'connected');
      report(tab, s);
    },
    [report, tab],
  );
  const onSize = useCallback(
    (cols: number, rows: number) => reportSize(tab, `${cols}×${rows}`),
    [reportSize, tab],
  );

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
      await call('containers.start', { engineId, id: containerId });
      await queryClient.invalidateQueries({ queryKey: containerKeys.all(engineId) });
      setAttempt((a) => a + 1);
    } catch (err) {
      showError(`Could not start ${name}`, err);
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
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
          <button type="button" onClick={() => openAttach(engineId, containerId)}>
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
          containerId={containerId}
          label={`Shell in ${name}`}
          mode={mode}
          options={options}
          attempt={attempt}
          onStatus={onStatus}
          onSize={onSize}
          searchRef={searchRef}
          active={active}
        />
      )}
    </>
  );
}
