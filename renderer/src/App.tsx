import { EngineStatusBar } from './engine/EngineStatusBar';
import { ContainersScreen } from './features/containers/ContainersScreen';
import { DashboardScreen } from './features/dashboard/DashboardScreen';
import { EnginesScreen } from './features/engines/EnginesScreen';
import { ComingSoon } from './features/placeholder/ComingSoon';
import { useHashRoute } from './useHashRoute';

const NAV = [
  ['dashboard', 'Dashboard'],
  ['containers', 'Containers'],
  ['images', 'Images'],
  ['volumes', 'Volumes'],
  ['networks', 'Networks'],
  ['registries', 'Registries'],
  ['engines', 'Engines'],
] as const;

function Screen({ route }: { route: string }) {
  switch (route) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'containers':
      return <ContainersScreen />;
    case 'engines':
      return <EnginesScreen />;
    default: {
      const label = NAV.find(([r]) => r === route)?.[1] ?? 'Not found';
      return <ComingSoon title={label} />;
    }
  }
}

export function App() {
  const [route = 'containers'] = useHashRoute();
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
          {NAV.map(([r, label]) => (
            <li key={r}>
              <a href={`#/${r}`} aria-current={route === r ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Screen route={route} />
    </div>
  );
}
