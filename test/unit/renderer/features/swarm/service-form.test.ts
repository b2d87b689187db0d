import { describe, expect, it } from 'vitest';
import { CreateServiceInput } from '../../../../../contract/calls/services';
import {
  EMPTY_FORM,
  toCreateInput,
  type ServiceForm,
} from '../../../../../renderer/src/features/swarm/service-form';

const form = (over: Partial<ServiceForm> = {}): ServiceForm => ({
  ...EMPTY_FORM,
  image: 'nginx:1.27',
  name: 'web',
  ...over,
});

/** The input the form builds, which must also be what the contract accepts. */
function input(over: Partial<ServiceForm> = {}) {
  const r = toCreateInput('local', form(over));
  if (!r.ok) throw new Error(`form rejected: ${JSON.stringify(r.errors)}`);
  expect(CreateServiceInput.safeParse(r.input).success).toBe(true);
  return r.input;
}

function errors(over: Partial<ServiceForm>) {
  const r = toCreateInput('local', form(over));
  if (r.ok) throw new Error('form accepted');
  return r.errors;
}

describe('toCreateInput: what the Create service form sends', () => {
  it('a minimal form: one replica, restart any, rolling one at a time, stop-first', () => {
    expect(input()).toEqual({
      engineId: 'local',
      image: 'nginx:1.27',
      name: 'web',
      mode: { kind: 'replicated', replicas: 1 },
      command: [],
      env: [],
      ports: [],
      networks: [],
      mounts: [],
      constraints: [],
      secrets: [],
      configs: [],
      labels: {},
      restart: { condition: 'any', maxAttempts: 0, delaySeconds: 5 },
      update: { parallelism: 1, delaySeconds: 0, failureAction: 'pause', order: 'stop-first' },
    });
  });

  it('image and name are trimmed', () => {
    const i = input({ image: '  busybox:1 ', name: ' api ' });
    expect([i.image, i.name]).toEqual(['busybox:1', 'api']);
  });

  it('replicated N; global ignores the replicas field, even a bad one', () => {
    expect(input({ replicas: '3' }).mode).toEqual({ kind: 'replicated', replicas: 3 });
    expect(input({ replicas: '0' }).mode).toEqual({ kind: 'replicated', replicas: 0 });
    expect(input({ mode: 'global', replicas: 'x' }).mode).toEqual({ kind: 'global' });
  });

  it.each(['', '-1', '1.5', 'two', '1001', '99999'])('replicas %j is refused', (replicas) => {
    expect(errors({ replicas }).replicas).toBe('A whole number from 0 to 1000.');
  });

  it('needs an image and a valid name', () => {
    expect(errors({ image: '  ' }).image).toMatch(/Give an image/);
    for (const name of ['', '-web', 'a b', 'web/1', 'x'.repeat(64)])
      expect(errors({ name }).name, name).toMatch(/Letters, digits/);
    expect(input({ name: 'x'.repeat(63) }).name).toHaveLength(63);
  });

  it('environment: one KEY=VALUE a line, blank lines dropped, values may hold = and spaces', () => {
    expect(input({ env: 'A=1\n\n  B=x=y z  \nEMPTY=' }).env).toEqual(['A=1', 'B=x=y z', 'EMPTY=']);
    expect(errors({ env: 'A=1\nnot a pair' }).env).toBe('One KEY=VALUE per line.');
    expect(errors({ env: '=1' }).env).toBe('One KEY=VALUE per line.');
  });

  it('ports: PUBLISHED:TARGET[/proto] or a bare TARGET, all through the ingress mesh', () => {
    expect(input({ ports: '8080:80\n53/udp\n9000:9000/tcp' }).ports).toEqual([
      { target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' },
      { target: 53, protocol: 'udp', mode: 'ingress' },
      { target: 9000, published: 9000, protocol: 'tcp', mode: 'ingress' },
    ]);
  });

  it.each(['80:', 'http', '8080:80/sctp', '70000:80', '8080:70000', '8080:0', '0:80', '0'])(
    'port %j is refused with the form to write',
    (ports) => {
      expect(errors({ ports }).ports).toContain('write PUBLISHED:TARGET[/udp]');
    },
  );

  it('command: words as a shell splits them, quotes keep a script in one argument', () => {
    expect(input({ command: '  sleep   3600 ' }).command).toEqual(['sleep', '3600']);
    expect(input({ command: `sh -c 'echo task-$HOSTNAME; sleep 3600'` }).command).toEqual([
      'sh',
      '-c',
      'echo task-$HOSTNAME; sleep 3600',
    ]);
    expect(input({ command: 'echo "a b" c\\ d' }).command).toEqual(['echo', 'a b', 'c d']);
    expect(errors({ command: `sh -c 'echo` }).command).toMatch(/quote/);
  });

  it('networks and secrets are passed by name as picked', () => {
    const i = input({ networks: ['backend', 'frontend'], secrets: ['db-password'] });
    expect(i.networks).toEqual(['backend', 'frontend']);
    expect(i.secrets).toEqual(['db-password']);
  });

  it('mounts: TYPE:SOURCE:/TARGET[:ro|rw] for volume, bind and tmpfs', () => {
    expect(
      input({ mounts: 'volume:data:/var/lib/data\nbind:/srv/conf:/etc/app:ro\ntmpfs::/cache' })
        .mounts,
    ).toEqual([
      { type: 'volume', source: 'data', target: '/var/lib/data', readOnly: false },
      { type: 'bind', source: '/srv/conf', target: '/etc/app', readOnly: true },
      { type: 'tmpfs', source: '', target: '/cache', readOnly: false },
    ]);
    expect(input({ mounts: 'bind:/a:/b:rw' }).mounts[0]?.readOnly).toBe(false);
    // An anonymous volume has no source.
    expect(input({ mounts: 'volume::/data' }).mounts[0]).toMatchObject({ source: '' });
  });

  it.each([
    'volume:data', // no target
    'nfs:srv:/data', // not a type
    'volume:data:relative', // target not absolute
    'bind::/b', // a bind mount needs a host path
    'bind:/a:/b:readonly', // ro or rw, nothing else
  ])('mount %j is refused', (mounts) => {
    expect(errors({ mounts }).mounts).toContain('TYPE:SOURCE:/TARGET');
  });

  it('placement constraints: one a line, kept as written', () => {
    expect(
      input({ constraints: 'node.role==manager\n\n node.labels.zone == a ' }).constraints,
    ).toEqual(['node.role==manager', 'node.labels.zone == a']);
  });

  it('restart policy and update order/parallelism come from the form', () => {
    const i = input({ restart: 'on-failure', parallelism: '0', order: 'start-first' });
    expect(i.restart.condition).toBe('on-failure');
    expect(i.update).toMatchObject({ parallelism: 0, order: 'start-first' });
    expect(input({ restart: 'none', parallelism: '4' }).update.parallelism).toBe(4);
  });

  // "0" means every task at once: a typo must not silently become that.
  it.each(['', 'abc', '-1', '1.5', '1001'])('update parallelism %j is refused', (parallelism) => {
    expect(errors({ parallelism }).parallelism).toBe(
      'A whole number from 0 (all at once) to 1000.',
    );
  });

  it('every bad field is reported at once', () => {
    expect(Object.keys(errors({ image: '', name: '', replicas: 'x', env: 'x' })).sort()).toEqual([
      'env',
      'image',
      'name',
      'replicas',
    ]);
  });
});
