import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { containerQueries } from '../containers/queries';
import { useDocumentTitle } from '../../useDocumentTitle';
import { ShellPane } from './ShellPane';
import { isNewTab } from './shellWindow';
import type { ShellStatus } from './Terminal';

function describe(s: ShellStatus | undefined): string {
  switch (s?.state) {
    case undefined:
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
 * A shell window (#/shell/ENGINE/ID): exec terminals in the container, one per tab. Another
 * "Shell NAME" for the same container comes to this window as a new fragment
 * (#/shell/ENGINE/ID/tab-N, see shellWindow.ts) and opens a tab; so does "New shell tab".
 * #/shell/ENGINE/ID/attach: the container's main process instead, one per window.
 */
export function ShellScreen({ params }: { params: string[] }) {
  const [engineId = '', id = '', modeParam] = params;
  const mode = modeParam === 'attach' ? 'attach' : 'exec';
  const list = useQuery({ ...containerQueries.list(engineId), enabled: !!engineId });
  const container = list.data?.find((c) => c.id === id || c.name === id);
  const name = container?.name ?? id.slice(0, 12);
  useDocumentTitle(`Shell — ${name}`);
  const running = container ? container.state === 'running' : true;

  const [tabs, setTabs] = useState<number[]>([1]);
  const [active, setActive] = useState(1);
  const next = useRef(2);
  const seen = useRef(modeParam);
  const [statuses, setStatuses] = useState<Record<number, ShellStatus>>({});
  const [sizes, setSizes] = useState<Record<number, string>>({});
  const addTab = useCallback(() => {
    const n = next.current++;
    setTabs((t) => [...t, n]);
    setActive(n);
  }, []);
  useEffect(() => {
    if (mode !== 'exec' || seen.current === modeParam || !isNewTab(modeParam)) return;
    seen.current = modeParam;
    addTab();
  }, [mode, modeParam, addTab]);
  const closeTab = (n: number) => {
    const at = tabs.indexOf(n);
    const rest = tabs.filter((t) => t !== n);
    setTabs(rest);
    if (active === n) setActive(rest[Math.min(at, rest.length - 1)] ?? 1);
  };
  // Stable, so that a pane's terminal is not re-made on every render.
  const reportStatus = useCallback(
    (n: number, st: ShellStatus) => setStatuses((m) => ({ ...m, [n]: st })),
    [],
  );
  const reportSize = useCallback(
    (n: number, sz: string) => setSizes((m) => ({ ...m, [n]: sz })),
    [],
  );

  const title = (n: number) => `Shell ${n}`;
  return (
    <main className="shell-window" aria-labelledby="shell-heading">
      <header className="logs-header">
        <h1 id="shell-heading">
          {mode === 'attach' ? 'Attached' : 'Shell'} — {name}
        </h1>
        <p role="status" className="logs-status">
          {running ? describe(statuses[active]) : `${name} is not running.`}
        </p>
        <span className="term-size" aria-label="Terminal size">
          {sizes[active] ?? ''}
        </span>
      </header>
      {mode === 'exec' && (
        <div className="shell-tabs">
          <div role="tablist" aria-label={`Shells of ${name}`} className="tabs">
            {tabs.map((n) => (
              <span key={n} className="shell-tab">
                <button
                  type="button"
                  role="tab"
                  id={`shell-tab-${n}`}
                  aria-selected={n === active}
                  aria-controls={`shell-panel-${n}`}
                  onClick={() => setActive(n)}
                >
                  {title(n)}
                </button>
                {tabs.length > 1 && (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Close ${title(n)}`}
                    title={`Close ${title(n)}: its session ends`}
                    onClick={() => closeTab(n)}
                  >
                    ×
                  </button>
                )}
              </span>
            ))}
          </div>
          <button type="button" onClick={addTab}>
            New shell tab
          </button>
        </div>
      )}
      {tabs.map((n) => (
        <div
          key={n}
          role={mode === 'exec' ? 'tabpanel' : undefined}
          id={`shell-panel-${n}`}
          aria-labelledby={mode === 'exec' ? `shell-tab-${n}` : undefined}
          className="shell-panel"
          hidden={n !== active}
        >
          <ShellPane
            engineId={engineId}
            containerId={container?.id ?? id}
            name={name}
            running={running}
            mode={mode}
            active={n === active}
            tab={n}
            onStatus={reportStatus}
            onSize={reportSize}
          />
        </div>
      ))}
    </main>
  );
}
