import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal as XTerm } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, type MutableRefObject } from 'react';
import type { ExecEvent, PortholeError } from '../../../../contract';
import { call, subscribe } from '../../api/client';
import { AckBatcher } from './ackPolicy';

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
}

const RESIZE_DEBOUNCE_MS = 80;

/**
 * One exec session in an xterm. Output is written to xterm and acknowledged from its write
 * callback (flow control); keystrokes go out as `exec.input`; a new size (window resize → fit)
 * is sent debounced. Unmounting unsubscribes, which ends this session and nothing else.
 */
export function Terminal(p: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const { engineId, containerId, options, attempt, onStatus, onSize, searchRef, mode } = p;
  const optionsKey = JSON.stringify(options);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const opts = JSON.parse(optionsKey) as ShellOptions;
    const term = new XTerm({
      cursorBlink: true,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 13,
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
    onSize(term.cols, term.rows);

    let sessionId = '';
    let ended = false;
    const early: string[] = [];
    const acks = new AckBatcher((bytes) => {
      if (sessionId) call('exec.ack', { engineId, sessionId, bytes }).catch(() => {});
    });
    const send = (data: string) => {
      if (ended) return;
      if (!sessionId) return void early.push(data);
      call('exec.input', { engineId, sessionId, data }).catch(() => {});
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
    const sent = { cols: term.cols, rows: term.rows };
    const onEvent = (e: ExecEvent) => {
      if (e.kind === 'session') {
        sessionId = e.sessionId;
        onStatus({ state: 'connected', cmd: e.cmd });
        for (const d of early.splice(0)) send(d);
        // Fitted again while the session was being created: tell the engine the final size.
        if (term.cols !== sent.cols || term.rows !== sent.rows) {
          call('exec.resize', { engineId, sessionId, cols: term.cols, rows: term.rows }).catch(
            () => {},
          );
        }
        term.focus();
      } else if (e.kind === 'data') {
        term.write(e.data, () => acks.written(e.bytes));
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
    const unsubscribe =
      mode === 'attach'
        ? subscribe('exec.attach', { engineId, id: containerId, ...sent }, onEvent, onEnd)
        : subscribe(
            'exec.session',
            {
              engineId,
              id: containerId,
              ...sent,
              ...(opts.cmd?.length ? { cmd: opts.cmd } : {}),
              ...(opts.user ? { user: opts.user } : {}),
              ...(opts.workdir ? { workdir: opts.workdir } : {}),
            },
            onEvent,
            onEnd,
          );

    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => fit.fit(), RESIZE_DEBOUNCE_MS);
    });
    observer.observe(host);
    const resizeSub = term.onResize(({ cols, rows }) => {
      onSize(cols, rows);
      if (sessionId && !ended) {
        call('exec.resize', { engineId, sessionId, cols, rows }).catch(() => {});
      }
    });

    return () => {
      clearTimeout(timer);
      observer.disconnect();
      resizeSub.dispose();
      dataSub.dispose();
      acks.dispose();
      unsubscribe();
      term.dispose();
      searchRef.current = undefined;
    };
  }, [engineId, containerId, optionsKey, attempt, onStatus, onSize, searchRef, mode]);

  return (
    <section className="terminal" aria-label={p.label}>
      <div ref={hostRef} className="terminal-host" />
    </section>
  );
}
