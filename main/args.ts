export interface LaunchOptions {
  web: boolean;
  port: number;
  open: boolean;
}

/** `--web`, `--port N` (0 = random), `--no-open`. Unknown flags are an error, not ignored. */
export function parseArgs(argv: string[]): LaunchOptions {
  const opts: LaunchOptions = { web: false, port: 0, open: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--web') opts.web = true;
    else if (arg === '--no-open') opts.open = false;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg.includes('=') ? arg.slice('--port='.length) : argv[++i];
      // Digits only: Number('') is 0 and Number('0x50') is 80, neither of which was asked for.
      const port = value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN;
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`--port needs a number from 0 to 65535, got "${value ?? ''}"`);
      }
      opts.port = port;
    } else if (arg.startsWith('--')) {
      throw new Error(`Unknown option ${arg}. Options: --web, --port N, --no-open`);
    }
  }
  return opts;
}
