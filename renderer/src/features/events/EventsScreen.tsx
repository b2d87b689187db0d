import { useMemo, useRef, useState } from 'react';
import { ResourceType } from '../../../../contract';
import { useEngine } from '../../engine/EngineContext';
import { clockTime, FEED_LIMIT, matches, toJsonLines, type FeedFilter } from './feed';
import { useEventFeed } from './useEventFeed';
import './events.css';

// The engine's resource types, but "other" (not something one filters for).
const TYPES = ResourceType.options.filter((t) => t !== 'other');

/** Rows in the DOM at once: the newest matches (the feed itself keeps FEED_LIMIT). */
const SHOWN = 500;

/** A live list of engine events (the current engine, or all of them), filterable and exportable. */
export function EventsScreen() {
  const { scope, all } = useEngine();
  const [held, setHeld] = useState(false);
  const { feed, pendingCount, release, clear } = useEventFeed(scope, held);
  const [filter, setFilter] = useState<FeedFilter>({ type: '', action: '', name: '' });
  const scrollRef = useRef<HTMLDivElement>(null);
  const visible = useMemo(() => feed.filter((i) => matches(i, filter)), [feed, filter]);
  const multi = all && scope.length > 1;

  const exportLines = () => {
    const blob = new Blob([toJsonLines(visible)], { type: 'application/x-ndjson' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'porthole-events.jsonl';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  const showNew = () => {
    scrollRef.current?.scrollTo({ top: 0 });
    setHeld(false);
    release();
  };
  const set = (patch: Partial<FeedFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <main className="screen events-screen" aria-labelledby="events-heading">
      <header className="screen-header">
        <h1 id="events-heading">Events</h1>
        <div className="toolbar">
          <select
            aria-label="Type"
            value={filter.type}
            onChange={(e) => set({ type: e.target.value })}
          >
            <option value="">All types</option>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <input
            type="text"
            aria-label="Filter actions"
            placeholder="Action: start, die…"
            value={filter.action}
            onChange={(e) => set({ action: e.target.value })}
          />
          <input
            type="text"
            aria-label="Filter names"
            placeholder="Name or id"
            value={filter.name}
            onChange={(e) => set({ name: e.target.value })}
          />
          <button type="button" onClick={exportLines} disabled={visible.length === 0}>
            Export JSON lines
          </button>
          <button type="button" onClick={clear} disabled={feed.length === 0}>
            Clear
          </button>
        </div>
      </header>
      <p className="small" aria-live="polite">
        {feed.length === 0
          ? `Listening to ${multi ? `${scope.length} engines` : (scope[0]?.name ?? 'no engine')}…`
          : `${visible.length} of ${feed.length} events${feed.length >= FEED_LIMIT ? ` (the last ${FEED_LIMIT} kept)` : ''}.`}
      </p>
      {pendingCount > 0 && (
        <button type="button" className="new-marker" onClick={showNew}>
          {pendingCount} new
        </button>
      )}
      <div
        className="events-scroll"
        ref={scrollRef}
        onScroll={(e) => setHeld(e.currentTarget.scrollTop > 4)}
      >
        <table aria-label="Events" className="resource-table events-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              {multi && <th scope="col">Engine</th>}
              <th scope="col">Type</th>
              <th scope="col">Action</th>
              <th scope="col">Name</th>
              <th scope="col">ID</th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, SHOWN).map((i) =>
              i.kind === 'reconnect' ? (
                <tr key={i.seq} className="reconnect-row">
                  <td>{clockTime(i.timeNano)}</td>
                  {multi && <td>{i.engineName}</td>}
                  <td colSpan={4}>
                    Connected to {i.engineName}: events from while it was away may be missing.
                  </td>
                </tr>
              ) : (
                <tr key={i.seq}>
                  <td className="mono small">{clockTime(i.timeNano)}</td>
                  {multi && <td>{i.engineName}</td>}
                  <td>{i.type}</td>
                  <td>{i.action}</td>
                  <th scope="row" className="name">
                    {i.name || '—'}
                  </th>
                  <td className="mono small">{i.id.replace(/^sha256:/, '').slice(0, 12)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </main>
  );
}
