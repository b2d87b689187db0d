import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';

interface Toast {
  id: number;
  title: string;
  message: string;
  hint?: string;
}

const Ctx = createContext<(title: string, err: unknown) => void>(() => undefined);

let nextId = 1;

/** Operation errors: a toast with role alert, in the engine's words plus what to do. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const showError = useCallback((title: string, err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    const hint = err instanceof ApiError ? err.hint : undefined;
    setToasts((t) => [...t.slice(-4), { id: nextId++, title, message, ...(hint ? { hint } : {}) }]);
  }, []);
  const dismiss = (id: number) => setToasts((t) => t.filter((x) => x.id !== id));
  const value = useMemo(() => showError, [showError]);
  return (
    <Ctx.Provider value={value}>
      {children}
      <div className="toasts">
        {toasts.map((t) => (
          <div key={t.id} role="alert" className="toast">
            <strong>{t.title}</strong>
            <p>{t.message}</p>
            {t.hint && <p className="hint">{t.hint}</p>}
            <button type="button" onClick={() => dismiss(t.id)} aria-label={`Dismiss: ${t.title}`}>
              ×
            </button>
          </div>
        ))}
      </div>
    </Ctx.Provider>
  );
}

export function useShowError() {
  return useContext(Ctx);
}
