import type { ComponentType } from 'react';
import { ContainersScreen } from './features/containers/ContainersScreen';
import { DashboardScreen } from './features/dashboard/DashboardScreen';
import { EnginesScreen } from './features/engines/EnginesScreen';

export interface ScreenDef {
  /** The hash route: #/containers */
  path: string;
  /** The link text in the "Main" navigation and the screen's h1. */
  label: string;
  /** Unbuilt screens have none and say "coming soon". */
  Screen?: ComponentType<{ params: string[] }>;
  /** Routes that are not in the navigation (log and shell windows). */
  hidden?: boolean;
}

/** Every screen, in navigation order. A new feature adds one line here. */
export const SCREENS: ScreenDef[] = [
  { path: 'dashboard', label: 'Dashboard', Screen: DashboardScreen },
  { path: 'containers', label: 'Containers', Screen: ContainersScreen },
  { path: 'images', label: 'Images' },
  { path: 'volumes', label: 'Volumes' },
  { path: 'networks', label: 'Networks' },
  { path: 'registries', label: 'Registries' },
  { path: 'engines', label: 'Engines', Screen: EnginesScreen },
];
