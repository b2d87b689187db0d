import { lazy, type ComponentType } from 'react';
import { ContainersScreen } from './features/containers/ContainersScreen';
import { browserChunkDeps, loadChunk } from './loadChunk';

type ScreenComponent = ComponentType<{ params: string[] }>;

/**
 * Every screen but the first (Containers) is its own chunk, fetched when it is first opened:
 * the first screen's JS stays small (#19: ≤ 250 KB gzip), xterm and the YAML parser come only
 * with the screens that use them. The import paths are literals so that Vite splits them. A
 * chunk that fails to arrive is retried (loadChunk.ts).
 */
const onDemand = <K extends string, M extends Record<K, ScreenComponent>>(
  load: () => Promise<M>,
  name: K,
) => lazy(async () => ({ default: (await loadChunk(load, browserChunkDeps))[name] }));

const ComposeScreen = onDemand(() => import('./features/compose/ComposeScreen'), 'ComposeScreen');
const RunLinkScreen = onDemand(
  () => import('./features/containers/RunLinkScreen'),
  'RunLinkScreen',
);
const DashboardScreen = onDemand(
  () => import('./features/dashboard/DashboardScreen'),
  'DashboardScreen',
);
const EnginesScreen = onDemand(() => import('./features/engines/EnginesScreen'), 'EnginesScreen');
const EventsScreen = onDemand(() => import('./features/events/EventsScreen'), 'EventsScreen');
const NetworksScreen = onDemand(
  () => import('./features/networks/NetworksScreen'),
  'NetworksScreen',
);
const VolumesScreen = onDemand(() => import('./features/volumes/VolumesScreen'), 'VolumesScreen');
const LogsScreen = onDemand(() => import('./features/logs/LogsScreen'), 'LogsScreen');
const ShellScreen = onDemand(() => import('./features/shell/ShellScreen'), 'ShellScreen');
const ImagesScreen = onDemand(() => import('./features/images/ImagesScreen'), 'ImagesScreen');
const RegistriesScreen = onDemand(
  () => import('./features/registries/RegistriesScreen'),
  'RegistriesScreen',
);
const SettingsScreen = onDemand(
  () => import('./features/settings/SettingsScreen'),
  'SettingsScreen',
);
const SwarmScreen = onDemand(() => import('./features/swarm/SwarmScreen'), 'SwarmScreen');

export interface ScreenDef {
  /** The hash route: #/containers */
  path: string;
  /** The link text in the "Main" navigation and the screen's h1. */
  label: string;
  /** Unbuilt screens have none and say "coming soon". */
  Screen?: ScreenComponent;
  /** Routes that are not in the navigation (log and shell windows). */
  hidden?: boolean;
  /** Rendered full-window, without the top bar and navigation (log and shell windows). */
  standalone?: boolean;
}

/** Every screen, in navigation order. A new feature adds one line here. */
export const SCREENS: ScreenDef[] = [
  { path: 'dashboard', label: 'Dashboard', Screen: DashboardScreen },
  { path: 'containers', label: 'Containers', Screen: ContainersScreen },
  { path: 'compose', label: 'Compose', Screen: ComposeScreen },
  { path: 'images', label: 'Images', Screen: ImagesScreen },
  { path: 'volumes', label: 'Volumes', Screen: VolumesScreen },
  { path: 'networks', label: 'Networks', Screen: NetworksScreen },
  { path: 'registries', label: 'Registries', Screen: RegistriesScreen },
  { path: 'swarm', label: 'Swarm', Screen: SwarmScreen },
  { path: 'events', label: 'Events', Screen: EventsScreen },
  { path: 'engines', label: 'Engines', Screen: EnginesScreen },
  { path: 'settings', label: 'Settings', Screen: SettingsScreen },
  { path: 'logs', label: 'Logs', Screen: LogsScreen, hidden: true, standalone: true },
  { path: 'shell', label: 'Shell', Screen: ShellScreen, hidden: true, standalone: true },
  // Deep link: #/run?image=REF (porthole://run?image=REF in Electron).
  { path: 'run', label: 'Containers', Screen: RunLinkScreen, hidden: true },
];
