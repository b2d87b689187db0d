import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ToastProvider } from './components/Toasts';
import { EngineProvider } from './engine/EngineContext';
import { containerQueries } from './features/containers/queries';
import { applyRememberedTheme, ThemeFromSettings } from './features/settings/Theme';
import { ensureStyles } from './ensureStyles';
import './styles.css';

// Server state is kept fresh by the engine's events stream, not by timers or focus refetches.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 },
  },
});

// Start the first screen's request before React's first render: the engine list would only
// tell us the engine id we remember from last time anyway.
const lastEngine = localStorage.getItem('porthole.engine');
if (lastEngine && lastEngine !== 'all' && /^#\/(containers|dashboard)?$|^$/.test(location.hash)) {
  void queryClient.prefetchQuery(containerQueries.list(lastEngine));
}

ensureStyles();
applyRememberedTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ThemeFromSettings />
      <ToastProvider>
        <EngineProvider>
          <App />
        </EngineProvider>
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
