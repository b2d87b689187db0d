import { EngineStatusBar } from './engine/EngineStatusBar';
import { ComingSoon } from './features/placeholder/ComingSoon';
import { SCREENS } from './screens';
import { useHashRoute } from './useHashRoute';

export function App() {
  const [path = 'containers', ...params] = useHashRoute();
  const screen = SCREENS.find((s) => s.path === path);
  const Screen = screen?.Screen;
  // Log and shell windows fill their own window: no navigation around them.
  if (screen?.standalone && Screen) return <Screen params={params} />;
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
      {Screen ? <Screen params={params} /> : <ComingSoon title={screen?.label ?? 'Not found'} />}
    </div>
  );
}
