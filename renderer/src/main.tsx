import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ToastProvider } from './components/Toasts';
import { ALL_ENGINES, EngineProvider } from './engine/EngineContext';
import { defaultEngine, engineQueries, SELECTED_ENGINE_KEY } from './engine/queries';
import { containerQueries } from './features/containers/queries';
import { settingsQueries } from './features/settings/queries';
import { applyRememberedTheme, ThemeFromSettings } from './features/settings/Theme';
import { ensureStyles } from './ensureStyles';
import './styles.css';

// Server state is kept fresh by the engine's events stream, not by timers or focus refetches.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 },
  },
});

// Start the first screen's requests before React's first render (and so the socket opens while
// the page renders): the engine list and settings every screen needs, and the container list
// of the engine it will open with — the one remembered from last time, or else the default
// engine, as soon as the list names it. Before, the socket opened only with React's first
// effects, and the container list waited for the engine list to come back through a render.
const firstScreenIsContainers = /^#\/(containers|dashboard)?$|^$/.test(location.hash);
const lastEngine = localStorage.getItem(SELECTED_ENGINE_KEY);
// A failure is the screens' to show (their own query of it retries); here it only stops the chain.
const engines = queryClient.fetchQuery(engineQueries.list()).catch(() => []);
void queryClient.prefetchQuery(settingsQueries.get());
if (firstScreenIsContainers && lastEngine && lastEngine !== ALL_ENGINES) {
  void queryClient.prefetchQuery(containerQueries.list(lastEngine));
} else if (firstScreenIsContainers && !lastEngine) {
  void engines.then((list) => {
    const first = defaultEngine(list);
    if (first) return queryClient.prefetchQuery(containerQueries.list(first.id));
  });
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
