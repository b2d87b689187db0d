import { describe, expect, it } from 'vitest';
import { EMPTY_RUN_SPEC, type RunSpec } from '../../../../../contract';
import {
  emptyPortRow,
  formFromSpec,
  joinCommand,
  parseEnv,
  parseVolumes,
  splitCommand,
  validateRunForm,
  type RunForm,
} from '../../../../../renderer/src/features/containers/run-form';

const form = (patch: Partial<RunForm> = {}): RunForm => ({
  ...formFromSpec({ image: 'nginx:1.27' }),
  ...patch,
});

describe('splitCommand / joinCommand', () => {
  it('splits words like a shell, honouring quotes and backslashes', () => {
    expect(splitCommand(`sh -c 'echo "hi there"' a\\ b "x\\"y" ''`)).toEqual({
      ok: true,
      args: ['sh', '-c', 'echo "hi there"', 'a b', 'x"y', ''],
    });
  });
  it('refuses an unclosed quote', () => {
    expect(splitCommand(`echo 'oops`)).toEqual({ ok: false });
  });
  it('joins back to a line that splits to the same words', () => {
    const args = ['sh', '-c', "it's $HOME & more", '', 'plain'];
    const line = joinCommand(args);
    expect(line).toBe(`sh -c 'it'\\''s $HOME & more' '' plain`);
    expect(splitCommand(line)).toEqual({ ok: true, args });
  });
});

describe('parseEnv', () => {
  it('reads KEY=VALUE lines and pasted .env files', () => {
    const text = [
      '# a comment',
      'FOO=bar',
      'export QUOTED="hello world" # trailing comment',
      "SINGLE='a # not a comment'",
      'BARE=value # comment',
      'MULTI="line1\\nline2"',
      'EMPTY=',
      'NOEQ',
      '',
      'FOO=again',
    ].join('\n');
    expect(parseEnv(text)).toEqual({
      ok: true,
      env: [
        { key: 'FOO', value: 'again' },
        { key: 'QUOTED', value: 'hello world' },
        { key: 'SINGLE', value: 'a # not a comment' },
        { key: 'BARE', value: 'value' },
        { key: 'MULTI', value: 'line1\nline2' },
        { key: 'EMPTY', value: '' },
        { key: 'NOEQ', value: '' },
      ],
    });
  });
  it('names the line of a bad key', () => {
    const r = parseEnv('OK=1\n1BAD=x');
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('Line 2: “1BAD”') });
    expect(parseEnv('HAS SPACE=1')).toMatchObject({ ok: false });
    expect(parseEnv('=nokey')).toMatchObject({ ok: false });
  });
});

describe('parseVolumes', () => {
  it('understands bind mounts, named and anonymous volumes, and :ro', () => {
    expect(parseVolumes('/host:/c:ro\ndata:/data\n/anon\n')).toEqual({
      ok: true,
      mounts: [
        { type: 'bind', source: '/host', target: '/c', readOnly: true },
        { type: 'volume', source: 'data', target: '/data', readOnly: false },
        { type: 'volume', source: '', target: '/anon', readOnly: false },
      ],
    });
  });
  it('refuses relative targets and odd sources', () => {
    expect(parseVolumes('data:relative')).toMatchObject({ ok: false });
    expect(parseVolumes('a:b:c:d')).toMatchObject({ ok: false });
    expect(parseVolumes('bad name:/x')).toMatchObject({ ok: false });
  });
});

describe('validateRunForm', () => {
  it('turns a valid form into a spec; an empty host port means random', () => {
    const r = validateRunForm(
      form({
        name: 'web',
        command: 'nginx -g "daemon off;"',
        ports: [
          { hostIp: '127.0.0.1', hostPort: '', containerPort: '80', protocol: 'tcp' },
          { hostIp: '', hostPort: '5353', containerPort: '53', protocol: 'udp' },
          emptyPortRow(),
        ],
        labels: 'team=blue',
      }),
    );
    expect(r.errors).toEqual({});
    expect(r.spec).toMatchObject({
      image: 'nginx:1.27',
      name: 'web',
      command: ['nginx', '-g', 'daemon off;'],
      ports: [
        { hostIp: '127.0.0.1', hostPort: null, containerPort: 80, protocol: 'tcp' },
        { hostIp: '', hostPort: 5353, containerPort: 53, protocol: 'udp' },
      ],
      labels: { team: 'blue' },
    });
  });
  it('flags each bad field and sends nothing', () => {
    const r = validateRunForm(
      form({
        image: '',
        name: '-bad',
        command: `echo 'x`,
        ports: [{ hostIp: 'not-an-ip', hostPort: '70000', containerPort: 'abc', protocol: 'tcp' }],
        env: '1X=2',
        volumes: 'x:y',
        labels: '=v',
        workingDir: 'relative',
      }),
    );
    expect(r.spec).toBeUndefined();
    expect(Object.keys(r.errors).sort()).toEqual(
      [
        'command',
        'env',
        'image',
        'labels',
        'name',
        'ports.0.containerPort',
        'ports.0.hostIp',
        'ports.0.hostPort',
        'volumes',
        'workingDir',
      ].sort(),
    );
    expect(r.errors['ports.0.hostPort']).toMatch(/1 to 65535/);
  });
  it('round-trips a spec through the form (Recreate prefill)', () => {
    const spec: RunSpec = {
      ...EMPTY_RUN_SPEC,
      image: 'busybox',
      name: 'x',
      command: ['sh', '-c', "echo 'hi' && sleep 1"],
      env: [
        { key: 'A', value: 'two words' },
        { key: 'B', value: 'quote " and \\ back' },
        { key: 'C', value: 'line\nbreak' },
      ],
      ports: [{ hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
      mounts: [{ type: 'bind', source: '/h', target: '/c', readOnly: true }],
      restart: 'always',
      labels: { a: 'b' },
      workingDir: '/w',
      user: '1000',
      tty: true,
    };
    expect(validateRunForm(formFromSpec(spec)).spec).toEqual(spec);
  });
});
