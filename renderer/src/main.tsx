import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ToastProvider } from './components/Toasts';
import { EngineProvider } from './engine/EngineContext';
import './styles.css';

// Server state is kept fresh by the engine's events stream, not by timers or focus refetches.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <EngineProvider>
          <App />
        </EngineProvider>
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
