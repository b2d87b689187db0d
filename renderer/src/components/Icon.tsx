// Inline SVG icons: no icon font or emoji (absent on many Linux desktops). Always aria-hidden;
// the button around an icon carries the accessible name.
const PATHS = {
  play: 'M5 3.5v9l8-4.5z',
  stop: 'M4 4h8v8H4z',
  restart: 'M8 3a5 5 0 1 0 5 5h-1.6A3.4 3.4 0 1 1 8 4.6V7l3.2-3.2L8 .6z',
  pause: 'M4 3h3v10H4zm5 0h3v10H9z',
  // Lines of text: a log.
  logs: 'M2 3h12v1.6H2zm0 3.5h9v1.6H2zm0 3.5h12v1.6H2zm0 3.5h7v1.6H2z',
  // A prompt, ">_": a shell.
  shell: 'M2.2 3.4 3.4 2.2 8.2 7l-4.8 4.8-1.2-1.2L5.8 7zM8 12h6v1.6H8z',
  trash:
    'M6 1.5h4l.5 1H14v1.5H2V2.5h3.5zM3.5 5h9l-.7 9.5H4.2zM6 6.5v6.5h1.2V6.5zm2.8 0v6.5H10V6.5z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
