import { describe, expect, it } from 'vitest';
import {
  looksSecret,
  MASK,
  maskInspect,
  maskSpec,
  portLink,
  rate,
  secretNames,
} from '../../../../../renderer/src/features/containers/detail-format';
import { formatPercent, pushHistory } from '../../../../../renderer/src/features/containers/stats';
import { menuEnabled } from '../../../../../renderer/src/features/containers/RowMenu';
import { EMPTY_RUN_SPEC, type ContainerSummary, type StatsSample } from '../../../../../contract';

describe('looksSecret', () => {
  it('masks names that look like secrets, not ordinary ones', () => {
    for (const k of [
      'PASSWORD',
      'DB_PASS',
      'API_TOKEN',
      'AWS_SECRET_ACCESS_KEY',
      'api-key',
      'SENTRY_DSN',
      'SSH_PRIVATE_KEY',
    ]) {
      expect(looksSecret(k), k).toBe(true);
    }
    for (const k of ['PATH', 'HOME', 'MODE', 'KEYBOARD', 'LANG'])
      expect(looksSecret(k), k).toBe(false);
  });
});

describe('portLink', () => {
  it('links published TCP ports on loopback', () => {
    expect(portLink({ privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' })).toBe(
      'http://127.0.0.1:8080/',
    );
    expect(portLink({ privatePort: 80, publicPort: 8080, ip: '127.0.0.1', type: 'tcp' })).toBe(
      'http://127.0.0.1:8080/',
    );
    expect(portLink({ privatePort: 80, publicPort: 8080, ip: '::1', type: 'tcp' })).toBe(
      'http://[::1]:8080/',
    );
  });
  it('does not link unpublished, UDP or other-interface ports', () => {
    expect(portLink({ privatePort: 80, type: 'tcp' })).toBeUndefined();
    expect(
      portLink({ privatePort: 53, publicPort: 53, ip: '0.0.0.0', type: 'udp' }),
    ).toBeUndefined();
    expect(
      portLink({ privatePort: 80, publicPort: 80, ip: '10.0.0.5', type: 'tcp' }),
    ).toBeUndefined();
  });
});

describe('stats figures', () => {
  it('rates are per second and never negative', () => {
    expect(rate({ t: 1000, v: 100 }, { t: 3000, v: 2100 })).toBe(1000);
    expect(rate(undefined, { t: 1, v: 5 })).toBe(0);
    expect(rate({ t: 1000, v: 500 }, { t: 2000, v: 100 })).toBe(0);
  });
  // Bytes: the one formatBytes, test/unit/renderer/format/bytes.test.ts.
  it('formats percentages', () => {
    expect(formatPercent(3.14159)).toBe('3.1%');
    expect(formatPercent(99.7)).toBe('100%');
  });
  it('keeps a bounded history, oldest first', () => {
    let h: StatsSample[] = [];
    for (let i = 0; i < 5; i++) {
      h = pushHistory(
        h,
        {
          id: 'x',
          t: i,
          cpuPercent: i,
          memUsed: 0,
          memLimit: 0,
          netRx: 0,
          netTx: 0,
          blockRead: 0,
          blockWrite: 0,
          pids: 0,
        },
        3,
      );
    }
    expect(h.map((s) => s.t)).toEqual([2, 3, 4]);
  });
});

describe('menuEnabled', () => {
  const c = (state: string) => ({ state }) as ContainerSummary;
  it('offers only what the state allows', () => {
    expect(menuEnabled(c('running'))).toMatchObject({ Pause: true, Unpause: false, Kill: true });
    expect(menuEnabled(c('paused'))).toMatchObject({ Pause: false, Unpause: true, Kill: false });
    expect(menuEnabled(c('exited'))).toMatchObject({
      Pause: false,
      Unpause: false,
      Kill: false,
      Rename: true,
    });
  });
});

describe('secrets stay hidden everywhere until revealed', () => {
  const spec = {
    ...EMPTY_RUN_SPEC,
    image: 'app',
    env: [
      { key: 'API_TOKEN', value: 's3cr3t' },
      { key: 'DB_PASSWORD', value: '' },
      { key: 'PLAIN', value: 'visible' },
    ],
  };
  it('masks the spec behind exports', () => {
    expect(secretNames(spec)).toEqual(['API_TOKEN']);
    expect(maskSpec(spec).env).toEqual([
      { key: 'API_TOKEN', value: MASK },
      { key: 'DB_PASSWORD', value: '' },
      { key: 'PLAIN', value: 'visible' },
    ]);
  });
  it('masks docker inspect’s Config.Env and nothing else', () => {
    const raw = {
      Id: 'x',
      Config: { Env: ['API_TOKEN=s3cr3t', 'PLAIN=visible', 'EMPTY_SECRET='], Image: 'app' },
    };
    expect(maskInspect(raw)).toEqual({
      Id: 'x',
      Config: { Env: [`API_TOKEN=${MASK}`, 'PLAIN=visible', 'EMPTY_SECRET='], Image: 'app' },
    });
    expect(raw.Config.Env[0]).toBe('API_TOKEN=s3cr3t');
  });
});
