import type { ComponentType } from 'react';
import { ContainersScreen } from './features/containers/ContainersScreen';
import { DashboardScreen } from './features/dashboard/DashboardScreen';
import { EnginesScreen } from './features/engines/EnginesScreen';
import { NetworksScreen } from './features/networks/NetworksScreen';
import { VolumesScreen } from './features/volumes/VolumesScreen';
import { LogsScreen } from './features/logs/LogsScreen';
import { ShellScreen } from './features/shell/ShellScreen';
import { ImagesScreen } from './features/images/ImagesScreen';
import { RegistriesScreen } from './features/registries/RegistriesScreen';

export interface ScreenDef {
  /** The hash route: #/containers */
  path: string;
  /** The link text in the "Main" navigation and the screen's h1. */
  label: string;
  /** Unbuilt screens have none and say "coming soon". */
  Screen?: ComponentType<{ params: string[] }>;
  /** Routes that are not in the navigation (log and shell windows). */
  hidden?: boolean;
  /** Rendered full-window, without the top bar and navigation (log and shell windows). */
  standalone?: boolean;
}

/** Every screen, in navigation order. A new feature adds one line here. */
export const SCREENS: ScreenDef[] = [
  { path: 'dashboard', label: 'Dashboard', Screen: DashboardScreen },
  { path: 'containers', label: 'Containers', Screen: ContainersScreen },
  { path: 'images', label: 'Images', Screen: ImagesScreen },
  { path: 'volumes', label: 'Volumes', Screen: VolumesScreen },
  { path: 'networks', label: 'Networks', Screen: NetworksScreen },
  { path: 'registries', label: 'Registries', Screen: RegistriesScreen },
  { path: 'engines', label: 'Engines', Screen: EnginesScreen },
  { path: 'logs', label: 'Logs', Screen: LogsScreen, hidden: true, standalone: true },
  { path: 'shell', label: 'Shell', Screen: ShellScreen, hidden: true, standalone: true },
];
