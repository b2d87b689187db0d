import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, type CSSProperties } from 'react';
import { MAX_LOG_LINE } from '../../../../contract';
import { formatBytes } from '../../format/bytes';
import { parseAnsi, type AnsiStyle } from './ansi';
import type { LogBuffer, LogLine } from './buffer';
import { highlight, type Matcher } from './search';
import type { LogSource } from './useLogStreams';

const LINE_HEIGHT = 18;
/** Container-name colours in the merged timeline: readable on light and dark backgrounds. */
export const SOURCE_COLORS = ['#1f8ad2', '#c2410c', '#15803d', '#a21caf', '#b45309', '#0e7490'];

interface Props {
  label: string;
  buffer: LogBuffer;
  version: number;
  /** Buffer indexes to show (filter mode), or undefined for all lines. */
  rows: number[] | undefined;
  sources: LogSource[];
  merged: boolean;
  timestamps: boolean;
  wrap: boolean;
  matcher: Matcher;
  /** The buffer index of the current search match, scrolled to and outlined. */
  current: number | undefined;
  follow: boolean;
  onFollowChange(follow: boolean): void;
}

function styleOf(s: AnsiStyle | undefined): CSSProperties | undefined {
  if (!s) return undefined;
  return {
    color: s.fg,
    background: s.bg,
    fontWeight: s.bold ? 600 : undefined,
    opacity: s.dim ? 0.7 : undefined,
    fontStyle: s.italic ? 'italic' : undefined,
    textDecoration: s.underline ? 'underline' : undefined,
  };
}

/** "2024-01-31T12:00:00.123456789Z" → "2024-01-31 12:00:00.123" (UTC, as the engine stamps). */
export function shortTime(ts: string): string {
  return ts ? `${ts.slice(0, 10)} ${ts.slice(11, 23)}` : '';
}

const Line = memo(function Line({
  line,
  source,
  merged,
  timestamps,
  matcher,
  current,
}: {
  line: LogLine;
  source: LogSource | undefined;
  merged: boolean;
  timestamps: boolean;
  matcher: Matcher;
  current: boolean;
}) {
  const segments = parseAnsi(line.text);
  const ranges =
    matcher.ok && matcher.active ? matcher.ranges(segments.map((s) => s.text).join('')) : [];
  const pieces = highlight(segments, ranges);
  return (
    <>
      {timestamps && <span className="log-ts">{shortTime(line.ts)} </span>}
      {merged && (
        <span className="log-src" style={{ color: SOURCE_COLORS[line.src % SOURCE_COLORS.length] }}>
          {source?.name ?? line.src}{' '}
        </span>
      )}
      <span className="log-text">
        {pieces.map((p, i) =>
          p.mark ? (
            <mark key={i} className={current ? 'current' : undefined} style={styleOf(p.style)}>
              {p.text}
            </mark>
          ) : (
            <span key={i} style={styleOf(p.style)}>
              {p.text}
            </span>
          ),
        )}
      </span>
      {line.cut !== undefined && (
        <span
          className="log-cut"
          title={`Only the first ${MAX_LOG_LINE / 1024} KiB of this line are shown: download the log for all of it.`}
        >
          {' … line cut: '}
          {formatBytes(line.cut)} in all
        </span>
      )}
    </>
  );
});

/**
 * The virtualized lines: only what is on screen is in the DOM. Follow keeps the newest line in
 * view; scrolling up pauses it, scrolling back to the bottom resumes it.
 */
export function LogView(p: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = p.rows ? p.rows.length : p.buffer.length;
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this build
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 20,
  });
  const { follow, onFollowChange, current, rows } = p;

  // New lines while following: stay at the bottom.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (follow && el) el.scrollTop = el.scrollHeight;
  }, [follow, p.version, count, p.wrap]);

  // A search match was chosen: bring it into view.
  useEffect(() => {
    if (current === undefined) return;
    const index = rows ? rows.indexOf(current) : current;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [current, rows, virtualizer]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < LINE_HEIGHT;
    if (atBottom !== follow) onFollowChange(atBottom);
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div className="log-frame">
      <div
        ref={scrollRef}
        role="log"
        aria-label={p.label}
        // Announcing thousands of lines a second helps no one: state changes go to the status line.
        aria-live="off"
        tabIndex={0}
        className={`log-scroll${p.wrap ? ' wrap' : ''}`}
        onScroll={onScroll}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const index = p.rows ? p.rows[item.index]! : item.index;
            const line = p.buffer.at(index);
            if (!line) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={p.wrap ? virtualizer.measureElement : undefined}
                className={`log-line${line.err ? ' err' : ''}${p.current === index ? ' current' : ''}`}
                data-stream={line.err ? 'stderr' : 'stdout'}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <Line
                  line={line}
                  source={p.sources[line.src]}
                  merged={p.merged}
                  timestamps={p.timestamps}
                  matcher={p.matcher}
                  current={p.current === index}
                />
              </div>
            );
          })}
        </div>
      </div>
      {!follow && (
        <button type="button" className="jump-latest" onClick={() => onFollowChange(true)}>
          Jump to latest
        </button>
      )}
    </div>
  );
}
