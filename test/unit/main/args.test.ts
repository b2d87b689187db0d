import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../main/args';

describe('parseArgs', () => {
  it('defaults to Electron mode, random port, open browser', () => {
    expect(parseArgs([])).toEqual({ web: false, port: 0, open: true });
  });

  it('reads --web and --no-open', () => {
    expect(parseArgs(['--web', '--no-open'])).toEqual({ web: true, port: 0, open: false });
  });

  it('reads --port N', () => {
    expect(parseArgs(['--web', '--port', '8080'])).toEqual({ web: true, port: 8080, open: true });
  });

  it('reads --port=N, including 0', () => {
    expect(parseArgs(['--port=0']).port).toBe(0);
    expect(parseArgs(['--port=65535']).port).toBe(65535);
  });

  it('a later --port wins', () => {
    expect(parseArgs(['--port', '1000', '--port=2000']).port).toBe(2000);
  });

  it('consumes the value after --port so it is not read as an argument', () => {
    expect(parseArgs(['--port', '3000', '--web'])).toEqual({ web: true, port: 3000, open: true });
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '-1']],
    [['--port', '65536']],
    [['--port', '80.5']],
    [['--port']],
    [['--port', '--web']],
    [['--port=']],
    [['--port', '']],
    [['--port', ' ']],
    [['--port=0x50']],
  ])('throws on a bad port: %j', (argv) => {
    expect(() => parseArgs(argv)).toThrow(/--port needs a number from 0 to 65535/);
  });

  it('throws on an unknown flag, naming it', () => {
    expect(() => parseArgs(['--verbose'])).toThrow(/Unknown option --verbose/);
    expect(() => parseArgs(['--web', '--portx=1'])).toThrow(/Unknown option --portx=1/);
  });
});
