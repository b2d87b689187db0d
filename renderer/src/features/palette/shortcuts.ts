/** Every keyboard shortcut, for the help dialog and the palette's hints. */
export const NAV_KEYS: Record<string, string> = {
  dashboard: 'd',
  containers: 'c',
  compose: 'o',
  images: 'i',
  volumes: 'v',
  networks: 'n',
  registries: 'r',
  events: 'a',
  engines: 'e',
  swarm: 'w',
  settings: 's',
};

export const PALETTE_KEY = 'Ctrl+K';

/** The row letters (containers table), also shown next to the palette's matching commands. */
export const ROW_KEYS = {
  Start: 's',
  Stop: 'x',
  Restart: 'r',
  Logs: 'l',
  Shell: 't',
  Open: 'Enter',
} as const;

export interface ShortcutGroup {
  title: string;
  keys: { keys: string; what: string }[];
}

export function shortcutGroups(screens: { path: string; label: string }[]): ShortcutGroup[] {
  return [
    {
      title: 'Anywhere',
      keys: [
        { keys: 'Ctrl+K / ⌘K', what: 'Command palette' },
        { keys: '?', what: 'Keyboard shortcuts' },
        { keys: '/', what: 'Filter this screen’s table' },
        { keys: 'j / k', what: 'Move into the table' },
      ],
    },
    {
      title: 'Go to',
      keys: screens
        .filter((s) => NAV_KEYS[s.path])
        .map((s) => ({ keys: `g ${NAV_KEYS[s.path]}`, what: s.label })),
    },
    {
      title: 'Containers table',
      keys: [
        { keys: 'j / k or ↓ / ↑', what: 'Next / previous row' },
        { keys: 'Home / End', what: 'First / last row' },
        { keys: 'Enter', what: 'Open the container' },
        { keys: 's', what: 'Start' },
        { keys: 'x', what: 'Stop' },
        { keys: 'r', what: 'Restart' },
        { keys: 'l', what: 'Logs (new window)' },
        { keys: 't', what: 'Terminal (new window)' },
      ],
    },
  ];
}
