import { Suspense } from 'react';
import { ScreenBoundary } from './components/ScreenBoundary';
import { EngineStatusBar } from './engine/EngineStatusBar';
import { AppKeys } from './features/palette/AppKeys';
import { ComingSoon } from './features/placeholder/ComingSoon';
import { SCREENS } from './screens';
import { useHashRoute } from './useHashRoute';

export function App() {
  const [path = 'containers', ...params] = useHashRoute();
  const screen = SCREENS.find((s) => s.path === path);
  const Screen = screen?.Screen;
  // Log and shell windows fill their own window: no navigation around them.
  if (screen?.standalone && Screen) {
    return (
      <ScreenBoundary key={path}>
        <Suspense fallback={<Loading />}>
          <Screen params={params} />
        </Suspense>
      </ScreenBoundary>
    );
  }
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">
          <img src="./icon.svg" alt="" width={22} height={22} /> Porthole
        </span>
        <EngineStatusBar />
      </header>
      <nav aria-label="Main" className="sidebar">
        <ul>
          {SCREENS.filter((s) => !s.hidden).map((s) => (
            <li key={s.path}>
              <a href={`#/${s.path}`} aria-current={path === s.path ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {Screen ? (
        <ScreenBoundary key={path}>
          <Suspense fallback={<Loading />}>
            <Screen params={params} />
          </Suspense>
        </ScreenBoundary>
      ) : (
        <ComingSoon title={screen?.label ?? 'Not found'} />
      )}
      <AppKeys />
    </div>
  );
}

/** While a screen's chunk loads (a moment, from the app's own files). Not a `status`: the
 * engine's connection line is the page's one status. */
function Loading() {
  return (
    <main className="screen" aria-busy="true">
      <p className="small">Loading…</p>
    </main>
  );
}
