import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where settings live by default. PORTHOLE_DATA_DIR wins, so tests never write a user's home. */
export function defaultDataDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  if (env.PORTHOLE_DATA_DIR) return env.PORTHOLE_DATA_DIR;
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, 'Porthole');
}
