import { describe, expect, it } from 'vitest';
import { EMPTY_RUN_SPEC, type RunSpec } from '../../../../../contract';
import {
  emptyPortRow,
  formFromSpec,
  joinCommand,
  parseEnv,
  splitCommand,
  validateRunForm,
  type RunForm,
} from '../../../../../renderer/src/features/containers/run-form';
import {
  checkVolumes,
  formatMemory,
  mergeRows,
  parseCaps,
  parseCpus,
  parseMemory,
  pastedLabels,
  pastedVariables,
} from '../../../../../renderer/src/features/containers/run-form-parse';
import {
  isLocalImage,
  matchTags,
  normalizeRef,
} from '../../../../../renderer/src/features/containers/image-match';

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

describe('volume rows', () => {
  it('turn into bind mounts, named and anonymous volumes, read-only or not', () => {
    const errors = {};
    expect(
      checkVolumes(
        [
          { kind: 'bind', source: '/host', target: '/c', readOnly: true, fresh: false },
          { kind: 'volume', source: 'data', target: '/data', readOnly: false, fresh: false },
          { kind: 'anonymous', source: 'ignored', target: '/anon', readOnly: false, fresh: false },
          { kind: 'volume', source: '', target: '', readOnly: false, fresh: true }, // empty row
        ],
        errors,
      ),
    ).toEqual([
      { type: 'bind', source: '/host', target: '/c', readOnly: true },
      { type: 'volume', source: 'data', target: '/data', readOnly: false },
      { type: 'volume', source: '', target: '/anon', readOnly: false },
    ]);
    expect(errors).toEqual({});
  });
  it('flag a relative path, a relative host folder and a bad or missing volume name at the row', () => {
    const errors: Record<string, string> = {};
    checkVolumes(
      [
        { kind: 'volume', source: 'data', target: 'relative', readOnly: false, fresh: false },
        { kind: 'bind', source: 'rel/dir', target: '/x', readOnly: false, fresh: false },
        { kind: 'volume', source: 'bad name', target: '/y', readOnly: false, fresh: true },
        { kind: 'volume', source: '', target: '/z', readOnly: false, fresh: false },
      ],
      errors,
    );
    expect(Object.keys(errors).sort()).toEqual([
      'volumes.0.target',
      'volumes.1.source',
      'volumes.2.source',
      'volumes.3.source',
    ]);
    expect(errors['volumes.3.source']).toMatch(/Pick a volume/);
  });
});

describe('key/value rows', () => {
  it('a pasted block merges into the rows: same key takes the new value, empty rows go', () => {
    expect(
      mergeRows(
        [
          { key: 'A', value: '1' },
          { key: '', value: '' },
        ],
        [
          { key: 'A', value: '2' },
          { key: 'B', value: 'x y' },
        ],
      ),
    ).toEqual([
      { key: 'A', value: '2' },
      { key: 'B', value: 'x y' },
    ]);
  });
  it('lines pasted into a key become rows; one line is pasted as text', () => {
    expect(pastedVariables('export A="x y"\n# c\nB=2')).toEqual([
      { key: 'A', value: 'x y' },
      { key: 'B', value: '2' },
    ]);
    expect(pastedVariables('1BAD=x\nA=1')).toBeUndefined();
    expect(pastedLabels('team=blue\ntier=web')).toEqual([
      { key: 'team', value: 'blue' },
      { key: 'tier', value: 'web' },
    ]);
  });
  it('bad keys, keys given twice and a value without a key are flagged at the row', () => {
    const r = validateRunForm(
      form({
        env: [
          { key: '1BAD', value: 'x' },
          { key: 'A', value: '1' },
          { key: 'A', value: '2' },
          { key: '', value: 'orphan' },
        ],
        labels: [{ key: 'has space', value: 'v' }],
      }),
    );
    expect(r.spec).toBeUndefined();
    expect(r.errors).toEqual({
      'env.0.key': expect.stringMatching(/“1BAD” is not a valid variable name/),
      'env.2.key': '“A” is given twice.',
      'env.3.key': 'Give the variable a name.',
      'labels.0.key': 'A key has no spaces.',
    });
  });
  it('a pasted .env not yet added is taken by Run; its bad line is named at the paste box', () => {
    const ok = validateRunForm(
      form({ env: [{ key: 'A', value: '1' }], envPaste: '# x\nexport B="two words"' }),
    );
    expect(ok.spec?.env).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: 'two words' },
    ]);
    const bad = validateRunForm(form({ envPaste: 'GOOD=1\n1BAD=x' }));
    expect(bad.errors.envPaste).toMatch(/^Line 2: “1BAD” is not a valid variable name/);
  });
});

describe('advanced options', () => {
  it('memory: --memory syntax in powers of 1024; empty is no limit', () => {
    expect(parseMemory('64m')).toBe(64 * 2 ** 20);
    expect(parseMemory('512M')).toBe(512 * 2 ** 20);
    expect(parseMemory('1.5g')).toBe(1.5 * 2 ** 30);
    expect(parseMemory('2gb')).toBe(2 * 2 ** 30);
    expect(parseMemory('1024')).toBe(1024);
    expect(parseMemory('')).toBe(0);
    for (const bad of ['12x', 'm', '-1m', '0', '1 2m']) expect(parseMemory(bad)).toBeUndefined();
    expect(formatMemory(64 * 2 ** 20)).toBe('64m');
    expect(formatMemory(1.5 * 2 ** 30)).toBe('1536m');
    expect(formatMemory(1000)).toBe('1000');
    expect(formatMemory(0)).toBe('');
  });
  it('CPUs: "1.5" is 1.5e9 nano-CPUs', () => {
    expect(parseCpus('1.5')).toBe(1_500_000_000);
    expect(parseCpus('0.5')).toBe(500_000_000);
    expect(parseCpus('.25')).toBe(250_000_000);
    expect(parseCpus('')).toBe(0);
    for (const bad of ['0', 'abc', '-1', '1.5.2', '5000']) expect(parseCpus(bad)).toBeUndefined();
  });
  it('capabilities: comma or space separated, CAP_ optional, upper-cased, once each', () => {
    expect(parseCaps('NET_ADMIN, cap_sys_time  CAP_NET_ADMIN')).toEqual({
      ok: true,
      caps: ['NET_ADMIN', 'SYS_TIME'],
    });
    expect(parseCaps('')).toEqual({ ok: true, caps: [] });
    expect(parseCaps('NET_ADMIN NET-RAW')).toEqual({
      ok: false,
      message: '“NET-RAW” is not a capability name (e.g. NET_ADMIN or CAP_NET_ADMIN).',
    });
  });
  it('are validated at their fields and reach the spec', () => {
    const r = validateRunForm(
      form({
        entrypoint: 'sh -c',
        memory: '64m',
        cpus: '0.5',
        capAdd: 'NET_ADMIN',
        capDrop: 'CAP_MKNOD',
        gpus: 'all',
      }),
    );
    expect(r.spec).toMatchObject({
      entrypoint: ['sh', '-c'],
      memory: 64 * 2 ** 20,
      nanoCpus: 500_000_000,
      capAdd: ['NET_ADMIN'],
      capDrop: ['MKNOD'],
      gpus: 'all',
    });
    const bad = validateRunForm(
      form({ entrypoint: "sh '", memory: 'lots', cpus: 'two', capAdd: 'net admin!', capDrop: '1' }),
    );
    expect(Object.keys(bad.errors).sort()).toEqual(
      ['capAdd', 'capDrop', 'cpus', 'entrypoint', 'memory'].sort(),
    );
  });
});

describe('image combobox matching', () => {
  const img = (
    repoTag: string | null,
    id = 'sha256:' + 'ab'.repeat(32),
    repoDigests: string[] = [],
  ) => ({
    id,
    repoTag,
    repoDigests,
    size: 1,
    created: 0,
    containers: 0,
    dangling: repoTag === null,
  });
  it('knows a local image by tag (":latest" implied, docker.io implied), digest or id', () => {
    const images = [
      img('busybox:latest', undefined, ['busybox@sha256:' + 'cd'.repeat(32)]),
      img('localhost:5000/x:1'),
    ];
    expect(normalizeRef('docker.io/library/busybox')).toBe('busybox:latest');
    expect(isLocalImage('busybox', images)).toBe(true);
    expect(isLocalImage('docker.io/library/busybox:latest', images)).toBe(true);
    expect(isLocalImage('busybox@sha256:' + 'cd'.repeat(32), images)).toBe(true);
    expect(isLocalImage('abababababab', images)).toBe(true);
    expect(isLocalImage('localhost:5000/x:1', images)).toBe(true);
    expect(isLocalImage('localhost:5000/x', images)).toBe(false);
    expect(isLocalImage('localhost:1/nope:1', images)).toBe(false);
  });
  it('lists the tags containing what is typed, those starting with it first', () => {
    expect(matchTags(['a/busybox:1', 'busybox:latest', 'nginx:1'], 'busy')).toEqual([
      'busybox:latest',
      'a/busybox:1',
    ]);
    expect(matchTags(['x', 'y'], '')).toEqual(['x', 'y']);
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
        labels: [{ key: 'team', value: 'blue' }],
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
        env: [{ key: '1X', value: '2' }],
        volumes: [{ kind: 'volume', source: 'x', target: 'y', readOnly: false, fresh: false }],
        labels: [{ key: '', value: 'v' }],
        workingDir: 'relative',
        memory: '12q',
      }),
    );
    expect(r.spec).toBeUndefined();
    expect(Object.keys(r.errors).sort()).toEqual(
      [
        'command',
        'env.0.key',
        'image',
        'labels.0.key',
        'memory',
        'name',
        'ports.0.containerPort',
        'ports.0.hostIp',
        'ports.0.hostPort',
        'volumes.0.target',
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
      entrypoint: ['/bin/sh', '-c'],
      memory: 64 * 2 ** 20,
      nanoCpus: 1_500_000_000,
      capAdd: ['NET_ADMIN', 'SYS_TIME'],
      capDrop: ['MKNOD'],
      gpus: 'all',
    };
    expect(validateRunForm(formFromSpec(spec)).spec).toEqual(spec);
  });
});
