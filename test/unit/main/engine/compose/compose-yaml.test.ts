import { describe, expect, it } from 'vitest';
import { previewCompose } from '../../../../../main/engine/compose-preview';
import { checkCompose, createComposeValidator } from '../../../../../main/engine/compose-yaml';

/** One per file, as one per core: the schema compiles once. */
const validate = createComposeValidator();

const issues = (yaml: string, vars: Record<string, string> = {}) => {
  const r = checkCompose(yaml, vars, validate);
  return r.ok ? [] : r.issues;
};

describe('checkCompose: YAML errors', () => {
  it('reports a syntax error with its line and column, from the YAML library', () => {
    const yaml = 'services:\n  web:\n    image: [busybox\n  db:\n    image: x\n';
    const [first] = issues(yaml);
    expect(first).toMatchObject({ line: 4, col: 3, path: '' });
    expect(first!.message).toMatch(/flow sequence|\]/i);
  });

  it('reports a duplicate key', () => {
    const [first] = issues('services:\n  web:\n    image: a\n    image: b\n');
    expect(first!.line).toBe(4);
    expect(first!.message).toMatch(/unique/i);
  });

  it('a file that is not a mapping says what a compose file is', () => {
    expect(issues('- a\n- b\n')[0]!.message).toMatch(/mapping with a "services" key/);
  });
});

describe('checkCompose: the compose-spec schema', () => {
  it('points an unknown key at the key itself', () => {
    const yaml = 'services:\n  web:\n    image: busybox\n    prots:\n      - "80:80"\n';
    expect(issues(yaml)).toEqual([
      {
        line: 4,
        col: 5,
        path: 'services.web.prots',
        message: 'unknown key "prots" in services.web',
      },
    ]);
  });

  it('turns a oneOf failure into one message naming what is accepted', () => {
    const yaml = 'services:\n  web:\n    image: busybox\n    volumes:\n      - 3\n';
    const [only, ...rest] = issues(yaml);
    expect(rest).toEqual([]);
    expect(only).toEqual({
      line: 5,
      col: 9,
      path: 'services.web.volumes[0]',
      message: 'must be a string or a mapping',
    });
  });

  it('reports a wrong type where the value is', () => {
    const [only] = issues('services:\n  web:\n    image: busybox\n    ports: "80:80"\n');
    expect(only).toEqual({
      line: 4,
      col: 12,
      path: 'services.web.ports',
      message: 'must be a list',
    });
  });

  it('an unknown top-level key', () => {
    expect(issues('servics:\n  web:\n    image: x\n')[0]).toMatchObject({
      line: 1,
      col: 1,
      message: 'unknown key "servics"',
    });
  });

  it('a service with neither image nor build', () => {
    expect(issues('services:\n  web:\n    command: sh\n')).toEqual([
      {
        line: 2,
        col: 3,
        path: 'services.web',
        message: 'service "web" has neither an image nor a build',
      },
    ]);
  });

  it('a valid file passes, with the variables it used but nobody set', () => {
    const r = checkCompose(
      'services:\n  web:\n    image: "busybox:${TAG:-1}"\n    command: echo $NAME\n',
      {},
      validate,
    );
    expect(r).toMatchObject({ ok: true, missing: ['NAME'] });
    if (r.ok)
      expect((r.model.services as Record<string, { image: string }>).web!.image).toBe('busybox:1');
  });

  it('interpolation errors carry the place of the value', () => {
    const [only] = issues('services:\n  web:\n    image: "${TAG:?set TAG first}"\n');
    expect(only).toMatchObject({ line: 3, col: 12, path: 'services.web.image' });
    expect(only!.message).toMatch(/TAG.*set TAG first/);
  });
});

describe('previewCompose', () => {
  const yaml = `
services:
  web:
    image: "busybox:\${TAG}"
    ports: ["127.0.0.1:8080:80", { target: 443, published: 8443, protocol: udp }]
  db:
    image: busybox
    volumes: ["data:/var/lib/db", { type: bind, source: ./conf, target: /conf, read_only: true }]
    networks: [back]
  debug:
    image: busybox
    profiles: [dev]
volumes:
  data: {}
  shared: { external: true }
networks:
  back: {}
`;

  it('lists services, images (interpolated from the env file), ports, volumes and networks', () => {
    const r = previewCompose({ yaml, envFile: 'TAG=1.36\n', profiles: [] }, validate);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.preview;
    expect(p.services.map((s) => [s.name, s.image, s.active])).toEqual([
      ['web', 'busybox:1.36', true],
      ['db', 'busybox', true],
      ['debug', 'busybox', false],
    ]);
    expect(p.services[0]!.ports).toEqual(['127.0.0.1:8080:80', '8443:443/udp']);
    expect(p.services[1]!.volumes).toEqual(['data:/var/lib/db', './conf:/conf:ro']);
    expect(p.volumes).toEqual([
      { name: 'data', external: false },
      { name: 'shared', external: true },
    ]);
    // web has no networks: key, so the project gets its default network.
    expect(p.networks).toEqual([
      { name: 'default', external: false },
      { name: 'back', external: false },
    ]);
    expect(p.warnings).toEqual([]);
  });

  it('activates profiled services and warns about unset variables and unused profiles', () => {
    const r = previewCompose({ yaml, profiles: ['dev', 'nope'] }, validate);
    if (!r.ok) throw new Error('expected ok');
    expect(r.preview.services.find((s) => s.name === 'debug')!.active).toBe(true);
    expect(r.preview.warnings).toEqual([
      'The TAG variable is not set: it becomes an empty string.',
      'No service uses the profile "nope".',
    ]);
  });

  it('a bad env file line is an issue with its line, and nothing else is checked', () => {
    const r = previewCompose({ yaml, envFile: 'A=1\nnot a pair\n', profiles: [] }, validate);
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          line: 2,
          col: 1,
          path: 'env file',
          message: 'Env file, line 2: expected KEY=VALUE, found "not a pair"',
        },
      ],
    });
  });

  it('the CLI’s own environment wins over the env file', () => {
    const r = previewCompose({ yaml, envFile: 'TAG=file', profiles: [] }, validate, { TAG: 'env' });
    if (!r.ok) throw new Error('expected ok');
    expect(r.preview.services[0]!.image).toBe('busybox:env');
  });
});
