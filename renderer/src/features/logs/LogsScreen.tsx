import { useId, useMemo, useState } from 'react';
import { useShowError } from '../../components/Toasts';
import { formatBytes } from '../../format/bytes';
import { stripAnsi } from './ansi';
import { downloadLog } from './download';
import { MAX_MERGED } from './limits';
import { LogView } from './LogView';
import { MergePicker } from './MergePicker';
import { buildMatcher } from './search';
import { RangeForm } from './RangeForm';
import { useLogStreams, WHOLE_LOG, type LogRange, type LogSource } from './useLogStreams';
import { useDocumentTitle } from '../../useDocumentTitle';
import { useSettings } from '../settings/queries';

/** Lines asked for when a view opens unless Settings → Log tail size says otherwise. */
export const TAIL_STEP = 1000;

function describe(s: LogSource, merged: boolean): string {
  const who = merged ? `${s.name}: ` : '';
  switch (s.state) {
    case 'connecting':
      return `${who}Connecting…`;
    case 'attached':
      return `${who}Following`;
    case 'stopped':
      return `${who}Container stopped — waiting for it to start again`;
    case 'removed':
      return `${who}Container removed`;
    case 'unreachable':
      return `${who}Lost the engine — following again as soon as it is back`;
    case 'error':
      return `${who}${s.error ?? 'The log stream failed'}`;
  }
}

/**
 * A log window (#/logs/ENGINE/ID[,ID…]): one container, or several merged into one timeline.
 * Follows by default from the last Settings → Log tail size lines, across restarts, until the container goes.
 */
export function LogsScreen({ params }: { params: string[] }) {
  const [engineId = '', idList = '', tailParam] = params;
  const ids = useMemo(() => idList.split(',').filter(Boolean).slice(0, MAX_MERGED), [idList]);
  // An optional third part asks for more lines up front (#/logs/ENGINE/ID/100000), or for the
  // whole log (…/all): what `docker logs` shows, and cheaper for the engine than a tail as long
  // as the log, which it finds by reading the file backwards first (85 ms for 1M lines).
  const tail =
    tailParam === 'all'
      ? WHOLE_LOG
      : /^\d{1,7}$/.test(tailParam ?? '')
        ? Number(tailParam)
        : undefined;
  return <LogPanel engineId={engineId} ids={ids} initialTail={tail} />;
}

interface PanelProps {
  engineId: string;
  /** One container, or several for the merged timeline (at most MAX_MERGED). */
  ids: string[];
  initialTail?: number;
  /** Inside another screen (a container's detail): a section with an h2, not the window's main. */
  inline?: boolean;
}

/**
 * The whole log view — search, follow, download, merge — for a window or a detail pane. It
 * starts once the settings are in: their tail size and buffer decide what is asked for.
 */
export function LogPanel(p: PanelProps) {
  const settings = useSettings();
  if (!settings.loaded) return <p>Loading…</p>;
  return (
    <LogPanelView
      {...p}
      initialTail={p.initialTail ?? settings.logTail}
      capacity={settings.logBuffer}
    />
  );
}

function LogPanelView({
  engineId,
  ids,
  initialTail = TAIL_STEP,
  inline = false,
  capacity,
}: PanelProps & { capacity: number }) {
  const [tail, setTail] = useState(initialTail);
  const [range, setRange] = useState<LogRange>({});
  const [follow, setFollow] = useState(true);
  const [timestamps, setTimestamps] = useState(false);
  // Once shown, times are kept asked for: turning them off again need not reload the view.
  const [timesAsked, setTimesAsked] = useState(false);
  const merged = ids.length > 1;
  const { buffer, version, sources, clear } = useLogStreams(
    engineId,
    ids,
    tail,
    range,
    capacity,
    merged || timesAsked,
  );
  const [wrap, setWrap] = useState(false);
  const [query, setQuery] = useState('');
  const [regex, setRegex] = useState(false);
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [filter, setFilter] = useState(false);
  const [pos, setPos] = useState<number | undefined>();
  const [downloading, setDownloading] = useState<number | undefined>();
  const showError = useShowError();

  const Wrapper = inline ? 'section' : 'main';
  const Heading = inline ? 'h2' : 'h1';
  const headingId = `logs-heading-${useId()}`;
  const names = sources.map((s) => s.name).join(', ') || ids.join(', ');
  // A log window (or tab) is named after what it shows; a panel inside a screen is not.
  useDocumentTitle(inline ? undefined : `Logs — ${names}`);
  const matcher = useMemo(
    () => buildMatcher({ query, regex, caseSensitive }),
    [query, regex, caseSensitive],
  );
  const matches = useMemo(() => {
    if (!matcher.ok || !matcher.active) return [];
    const out: number[] = [];
    for (let i = 0; i < buffer.length; i++) {
      if (matcher.test(stripAnsi(buffer.at(i)!.text))) out.push(i);
    }
    return out;
    // version: the buffer is mutable; it says when its lines changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matcher, buffer, version]);
  const current = matches.length
    ? matches[Math.min(pos ?? matches.length - 1, matches.length - 1)]
    : undefined;
  const step = (d: 1 | -1) => {
    if (!matches.length) return;
    const at = Math.min(pos ?? matches.length - 1, matches.length - 1);
    setPos((at + d + matches.length) % matches.length);
    setFollow(false);
  };
  const more =
    !range.since && sources.length === 1 && sources[0]!.received >= tail && tail < capacity;

  const download = async () => {
    const source = sources[0];
    if (!source) return;
    setDownloading(0);
    try {
      for (const s of sources)
        await downloadLog(engineId, s.id, s.name, timestamps, setDownloading);
    } catch (err) {
      showError(`Could not download the log of ${source.name}`, err);
    } finally {
      setDownloading(undefined);
    }
  };

  return (
    <Wrapper className={inline ? 'logs-inline' : 'logs-window'} aria-labelledby={headingId}>
      <header className="logs-header">
        <Heading id={headingId}>Logs — {names}</Heading>
        <p role="status" className="logs-status">
          {sources.map((s) => describe(s, merged)).join(' · ')}
        </p>
      </header>
      <div className="logs-toolbar" role="toolbar" aria-label="Log tools">
        <span className="search">
          <input
            type="search"
            aria-label="Search logs"
            placeholder="Search logs"
            value={query}
            aria-invalid={!matcher.ok}
            aria-describedby={!matcher.ok ? 'log-search-error' : undefined}
            onChange={(e) => {
              setQuery(e.target.value);
              setPos(undefined);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') step(e.shiftKey ? -1 : 1);
            }}
          />
          <button type="button" onClick={() => step(-1)} disabled={!matches.length}>
            Previous match
          </button>
          <button type="button" onClick={() => step(1)} disabled={!matches.length}>
            Next match
          </button>
          <span aria-live="polite" className="match-count" data-testid="match-count">
            {matcher.ok && matcher.active
              ? matches.length
                ? `${matches.indexOf(current!) + 1} of ${matches.length}`
                : 'No matches'
              : ''}
          </span>
          {!matcher.ok && (
            <span id="log-search-error" className="field-error">
              {matcher.error}
            </span>
          )}
        </span>
        <label className="check">
          <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} />
          Regex
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={caseSensitive}
            onChange={(e) => setCaseSensitive(e.target.checked)}
          />
          Match case
        </label>
        <label className="check">
          <input type="checkbox" checked={filter} onChange={(e) => setFilter(e.target.checked)} />
          Only matching lines
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={timestamps}
            onChange={(e) => {
              setTimestamps(e.target.checked);
              // The lines shown came without times: they are asked for again, with them.
              if (e.target.checked) setTimesAsked(true);
            }}
          />
          Timestamps
        </label>
        <label className="check">
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} />
          Wrap lines
        </label>
        <button type="button" onClick={clear}>
          Clear
        </button>
        <button type="button" onClick={() => void download()} disabled={downloading !== undefined}>
          {downloading === undefined ? 'Download' : `Downloading… ${formatBytes(downloading)}`}
        </button>
        {more && (
          <button
            type="button"
            onClick={() => setTail((t) => Math.min(capacity, Math.max(t, 200) * 5))}
          >
            Load earlier
          </button>
        )}
        {/* The merge lives in the route: only a log window of its own has one. */}
        {!inline && <MergePicker engineId={engineId} ids={ids} />}
        <RangeForm onApply={setRange} />
      </div>
      {buffer.dropped > 0 && (
        <p className="notice" role="note">
          {buffer.dropped.toLocaleString()} older lines dropped from view — download for all.
        </p>
      )}
      <LogView
        label={`Logs of ${names}`}
        buffer={buffer}
        version={version}
        rows={filter && matcher.ok && matcher.active ? matches : undefined}
        sources={sources}
        merged={merged}
        timestamps={timestamps}
        wrap={wrap}
        matcher={matcher}
        current={pos === undefined ? undefined : current}
        follow={follow}
        onFollowChange={setFollow}
      />
    </Wrapper>
  );
}
