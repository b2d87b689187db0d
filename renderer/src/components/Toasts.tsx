import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { ApiError } from '../api/client';
import './toasts.css';

interface Toast {
  id: number;
  title: string;
  message: string;
  hint?: string;
  /** A result (role status, goes by itself) rather than an error (role alert, stays). */
  result?: boolean;
  /** An undo: "Start again" after a stop. */
  action?: ToastAction;
}

export interface ToastAction {
  label: string;
  run(): void;
}

const Ctx = createContext<(title: string, err: unknown) => void>(() => undefined);
const ResultCtx = createContext<(title: string, action?: ToastAction) => void>(() => undefined);

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
    setToasts((t) => [...t.slice(-4), { id: nextId++, title, message, ...(hint ? { hint } : {}) }]);
  }, []);
  const showResult = useCallback((title: string, action?: ToastAction) => {
    setToasts((t) => [
      ...t.slice(-4),
      { id: nextId++, title, message: '', result: true, ...(action ? { action } : {}) },
    ]);
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
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => onDismiss(t.id), RESULT_MS);
    return () => clearTimeout(timer);
  }, [held, onDismiss, t.id]);
  return (
    <div
      role="status"
      className="toast toast--result"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <strong>{t.title}</strong>
      {t.action && (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            onDismiss(t.id);
            t.action?.run();
          }}
        >
          {t.action.label}
        </button>
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

/** A result toast ("Stopped web-1") with an optional undo ("Start again"). */
export function useShowResult() {
  return useContext(ResultCtx);
}
