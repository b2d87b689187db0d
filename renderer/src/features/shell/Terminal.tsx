import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal as XTerm } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, type MutableRefObject } from 'react';
import type { ExecControl, ExecEvent, PortholeError } from '../../../../contract';
import { subscribe, type Stream } from '../../api/client';
import { AckBatcher } from './ackPolicy';
import { useSettings } from '../settings/queries';

export interface ShellOptions {
  cmd?: string[];
  user?: string;
  workdir?: string;
}

export type ShellStatus =
  | { state: 'connecting' }
  | { state: 'connected'; cmd: string[] }
  | { state: 'exited'; code: number | null }
  | { state: 'failed'; message: string; code: string };

interface Props {
  engineId: string;
  containerId: string;
  label: string;
  options: ShellOptions;
  /** exec: a new process (shell); attach: the container's main process. */
  mode: 'exec' | 'attach';
  /** Bumped by "Reconnect": a new session. */
  attempt: number;
  onStatus(status: ShellStatus): void;
  onSize(cols: number, rows: number): void;
  searchRef: MutableRefObject<SearchAddon | undefined>;
  /** A tab of a shell window: shown (false while another tab is). Default true. */
  active?: boolean;
}

const RESIZE_DEBOUNCE_MS = 80;

/**
 * One exec session (or attach) in an xterm, on one stream. Output bytes are written to xterm and
 * acknowledged from its write callback (flow control); keystrokes and a new size (window
 * resize → fit, debounced) go out as control messages on the same stream. Unmounting closes
 * the stream, which ends this session and nothing else.
 */
export function Terminal(p: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const { engineId, containerId, options, attempt, onStatus, onSize, searchRef, mode } = p;
  const optionsKey = JSON.stringify(options);
  // Settings → Terminal font and size: applied to the live terminal, the session goes on.
  const { terminalFont, terminalFontSize, terminalCursorBlink } = useSettings();
  const font = useRef({ family: terminalFont, size: terminalFontSize, blink: terminalCursorBlink });
  useEffect(() => {
    font.current = { family: terminalFont, size: terminalFontSize, blink: terminalCursorBlink };
  });
  const live = useRef<{ term: XTerm; fit: FitAddon } | undefined>(undefined);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const opts = JSON.parse(optionsKey) as ShellOptions;
    const term = new XTerm({
      cursorBlink: font.current.blink,
      fontFamily: font.current.family,
      fontSize: font.current.size,
      scrollback: 5000,
    });
    const fit = new FitAddon();
    const search = new SearchAddon();
    term.loadAddon(fit);
    term.loadAddon(search);
    term.loadAddon(new WebLinksAddon());
    searchRef.current = search;
    term.open(host);
    fit.fit();
    live.current = { term, fit };
    onSize(term.cols, term.rows);

    let connected = false;
    let ended = false;
    const early: string[] = [];
    // `stream` is opened below; these only run on later events, once it exists.
    const control = (msg: ExecControl) => {
      if (!ended) stream.control(msg);
    };
    const acks = new AckBatcher((n) => stream.ack(n));
    const send = (data: string) => {
      if (ended) return;
      // Typed before the process runs: kept, and sent in order once it does.
      if (!connected) return void early.push(data);
      control({ kind: 'input', data });
    };

    // Copy and paste with Ctrl+Shift+C / V: plain Ctrl+C must reach the process as an interrupt.
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown' || !e.ctrlKey || !e.shiftKey) return true;
      if (e.code === 'KeyC' && term.hasSelection()) {
        void navigator.clipboard?.writeText(term.getSelection());
        return false;
      }
      if (e.code === 'KeyV') {
        void navigator.clipboard?.readText().then((t) => term.paste(t));
        return false;
      }
      return true;
    });
    const dataSub = term.onData(send);

    onStatus({ state: 'connecting' });
    const size = { cols: term.cols, rows: term.rows };
    const onEvent = (e: ExecEvent, cost: number) => {
      if (e.kind === 'session') {
        connected = true;
        onStatus({ state: 'connected', cmd: e.cmd });
        for (const d of early.splice(0)) send(d);
        term.focus();
      } else if (e.kind === 'data') {
        // Credit goes back only once xterm has really taken the bytes in (flow control).
        term.write(e.data, () => acks.written(cost));
      } else {
        ended = true;
        const how = e.code === null ? 'ended' : `exited with code ${e.code}`;
        term.write(`\r\n\x1b[2m[Process ${how}]\x1b[0m\r\n`);
        onStatus({ state: 'exited', code: e.code });
      }
    };
    const onEnd = (error?: PortholeError) => {
      ended = true;
      if (error) onStatus({ state: 'failed', message: error.message, code: error.code });
    };
    const manual = { manualAck: true };
    const stream: Stream<'exec.session'> | Stream<'exec.attach'> =
      mode === 'attach'
        ? subscribe('exec.attach', { engineId, id: containerId, ...size }, onEvent, onEnd, manual)
        : subscribe(
            'exec.session',
            {
              engineId,
              id: containerId,
              ...size,
              ...(opts.cmd?.length ? { cmd: opts.cmd } : {}),
              ...(opts.user ? { user: opts.user } : {}),
              ...(opts.workdir ? { workdir: opts.workdir } : {}),
            },
            onEvent,
            onEnd,
            manual,
          );

    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => fit.fit(), RESIZE_DEBOUNCE_MS);
    });
    observer.observe(host);
    // Main keeps the latest size until the process runs, then applies it: no need to wait here.
    const resizeSub = term.onResize(({ cols, rows }) => {
      onSize(cols, rows);
      control({ kind: 'resize', cols, rows });
    });

    return () => {
      clearTimeout(timer);
      observer.disconnect();
      resizeSub.dispose();
      dataSub.dispose();
      acks.dispose();
      stream.close();
      live.current = undefined;
      term.dispose();
      searchRef.current = undefined;
    };
  }, [engineId, containerId, optionsKey, attempt, onStatus, onSize, searchRef, mode]);

  // A tab shown again: its size may have changed while hidden, and the keyboard goes to it.
  const active = p.active ?? true;
  useEffect(() => {
    const t = live.current;
    if (!t || !active) return;
    const frame = requestAnimationFrame(() => {
      t.fit.fit();
      t.term.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [active]);

  useEffect(() => {
    const t = live.current;
    if (!t) return;
    t.term.options.fontFamily = terminalFont;
    t.term.options.fontSize = terminalFontSize;
    t.term.options.cursorBlink = terminalCursorBlink;
    t.fit.fit();
  }, [terminalFont, terminalFontSize, terminalCursorBlink]);

  return (
    <section className="terminal" aria-label={p.label}>
      <div ref={hostRef} className="terminal-host" />
    </section>
  );
}
