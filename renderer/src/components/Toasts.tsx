import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { ApiError } from '../api/client';
import { createExpiry, type Expiry } from './toastExpiry';
import './toasts.css';

interface Toast {
  id: number;
  title: string;
  message: string;
  hint?: string;
  /** A result (role status, goes by itself) rather than an error (role alert, stays). */
  result?: boolean;
  /** Undos: "Start again" after a stop, "Recreate web-1" after a remove. */
  actions: ToastAction[];
}

export interface ToastAction {
  label: string;
  run(): void;
}

type ShowResult = (title: string, action?: ToastAction | ToastAction[], message?: string) => void;
const Ctx = createContext<(title: string, err: unknown) => void>(() => undefined);
const ResultCtx = createContext<ShowResult>(() => undefined);

let nextId = 1;
/** Long enough to reach the undo button by keyboard; a focused or hovered toast stays. */
const RESULT_MS = 10_000;

/**
 * Operation errors: a toast with role alert, in the engine's words plus what to do. Results: a
 * toast with role status, with an undo where the action can be undone.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const showError = useCallback((title: string, err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    const hint = err instanceof ApiError ? err.hint : undefined;
    setToasts((t) => [
      ...t.slice(-4),
      { id: nextId++, title, message, actions: [], ...(hint ? { hint } : {}) },
    ]);
  }, []);
  const showResult = useCallback<ShowResult>((title, action, message = '') => {
    const actions = action ? [action].flat() : [];
    setToasts((t) => [...t.slice(-4), { id: nextId++, title, message, result: true, actions }]);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const value = useMemo(() => showError, [showError]);
  return (
    <Ctx.Provider value={value}>
      <ResultCtx.Provider value={showResult}>
        {children}
        <div className="toasts">
          {toasts.map((t) =>
            t.result ? (
              <ResultToast key={t.id} toast={t} onDismiss={dismiss} />
            ) : (
              <div key={t.id} role="alert" className="toast">
                <strong>{t.title}</strong>
                <p>{t.message}</p>
                {t.hint && <p className="hint">{t.hint}</p>}
                <button
                  type="button"
                  onClick={() => dismiss(t.id)}
                  aria-label={`Dismiss: ${t.title}`}
                >
                  ×
                </button>
              </div>
            ),
          )}
        </div>
      </ResultCtx.Provider>
    </Ctx.Provider>
  );
}

function ResultToast({ toast: t, onDismiss }: { toast: Toast; onDismiss(id: number): void }) {
  const expiry = useRef<Expiry | undefined>(undefined);
  const messageId = useId();
  const [used, setUsed] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => {
    const e = createExpiry(RESULT_MS, () => onDismiss(t.id));
    expiry.current = e;
    return () => e.cancel();
  }, [onDismiss, t.id]);
  const left = t.actions.filter((_a, i) => !used.has(i));
  return (
    <div
      role="status"
      className="toast toast--result"
      onMouseEnter={() => expiry.current?.hold('pointer')}
      onMouseLeave={() => expiry.current?.release('pointer')}
      onFocus={() => expiry.current?.hold('focus')}
      onBlur={() => expiry.current?.release('focus')}
    >
      <div className="toast-text">
        <strong>{t.title}</strong>
        {t.message && <p id={messageId}>{t.message}</p>}
      </div>
      {left.length > 0 && (
        <div className="toast-actions">
          {t.actions.map(
            (a, i) =>
              !used.has(i) && (
                <button
                  key={i}
                  type="button"
                  className="toast-action"
                  aria-describedby={t.message ? messageId : undefined}
                  onClick={(e) => {
                    // One button per undo; the toast goes with its last one. A used button goes
                    // away: focus moves to the next one rather than to nowhere (a removed
                    // element never reports its blur, which would hold the toast for good).
                    if (left.length === 1) onDismiss(t.id);
                    else {
                      const others = [
                        ...(e.currentTarget.parentElement?.querySelectorAll('button') ?? []),
                      ].filter((b) => b !== e.currentTarget);
                      others[0]?.focus();
                      setUsed((u) => new Set(u).add(i));
                    }
                    a.run();
                  }}
                >
                  {a.label}
                </button>
              ),
          )}
        </div>
      )}
      <button type="button" onClick={() => onDismiss(t.id)} aria-label={`Dismiss: ${t.title}`}>
        ×
      </button>
    </div>
  );
}

export function useShowError() {
  return useContext(Ctx);
}

/**
 * A result toast ("Stopped web-1") with optional undos ("Start again") and a line saying what
 * they do; it goes after 10 s (one timer for all its buttons) unless hovered or focused.
 */
export function useShowResult() {
  return useContext(ResultCtx);
}
