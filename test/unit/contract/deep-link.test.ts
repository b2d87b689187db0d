import { describe, expect, it } from 'vitest';
import {
  DEEP_LINK_LIMITS,
  deepLinkInArgv,
  deepLinkRoute,
  parsePortParam,
  parseRunQuery,
  runLinkQuery,
} from '../../../contract/deep-link';

const message = (q: string) => {
  const r = parseRunQuery(q);
  if (r.ok) throw new Error(`expected ${q} to be refused`);
  return r.message;
};

describe('run links', () => {
  it('reads the image and the ports', () => {
    expect(parseRunQuery('image=nginx:1.27&port=8080:80&port=127.0.0.1::53/udp')).toEqual({
      ok: true,
      link: {
        image: 'nginx:1.27',
        ports: [
          { hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
          { hostIp: '127.0.0.1', hostPort: null, containerPort: 53, protocol: 'udp' },
        ],
      },
    });
    expect(parseRunQuery('?image=registry.example.com%3A5000%2Fteam%2Fweb%3A1.2')).toEqual({
      ok: true,
      link: { image: 'registry.example.com:5000/team/web:1.2', ports: [] },
    });
    expect(parseRunQuery(`image=busybox@sha256:${'a'.repeat(64)}`).ok).toBe(true);
  });

  it('refuses hostile images with a message that says why', () => {
    expect(message('image=busybox;rm%20-rf%20/')).toMatch(/contains “;”|spaces/);
    expect(message('image=busybox%3Bid')).toContain('contains “;”');
    expect(message('image=busybox%0Aid')).toContain('line break');
    expect(message('image=busybox%0D%0Aid')).toContain('line break');
    expect(message('image=https://evil.example/x')).toContain('is a web address');
    expect(message('image=%2F%2Fevil.example%2Fx')).toContain('is a web address');
    expect(message('image=$(id)')).toContain('contains “$”');
    expect(message('image=Busybox')).toContain('must be lowercase');
    expect(message('image=')).toContain('image is empty');
    expect(message('port=80')).toContain('names no image');
    expect(message('image=a&image=b')).toContain('more than one image');
    expect(message('image=busybox&cmd=sh')).toContain('does not know: “cmd”');
  });

  it('refuses a 10 KB link before reading it', () => {
    const m = message(`image=${'a'.repeat(10 * 1024)}`);
    expect(m).toContain('too long (10,246 characters');
    expect(m.length).toBeLessThan(200);
  });

  it('keeps echoed values short and on one line', () => {
    const m = message(`image=${'a'.repeat(300)}%3B`);
    expect(m.length).toBeLessThan(200);
    expect(message('image=ok&%0Aevil=1')).not.toContain('\n');
  });

  it('checks every port', () => {
    expect(parsePortParam('80')).toEqual({
      hostIp: '',
      hostPort: null,
      containerPort: 80,
      protocol: 'tcp',
    });
    expect(parsePortParam('127.0.0.1:8080:80/sctp')).toMatchObject({ hostPort: 8080 });
    for (const bad of [
      '0',
      '65536',
      '80/icmp',
      'a:80',
      '1.2.3.4.5:80:80',
      ':8080:80',
      '1:2:3:4',
      '80;id',
      '',
    ]) {
      expect(typeof parsePortParam(bad), bad).toBe('string');
    }
    const nine = Array.from({ length: DEEP_LINK_LIMITS.ports + 1 }, (_, i) => `port=${i + 1}`);
    expect(message(`image=busybox&${nine.join('&')}`)).toContain('more than 8 ports');
    expect(message('image=busybox&port=99999')).toContain('port “99999”');
  });

  it('re-encodes what it read', () => {
    const q = 'image=nginx%3A1.27&port=8080%3A80&port=127.0.0.1%3A%3A53%2Fudp';
    const r = parseRunQuery(q);
    expect(r.ok && runLinkQuery(r.link)).toBe(q);
  });
});

describe('porthole:// URLs', () => {
  it('become the page route, re-encoded when valid', () => {
    expect(deepLinkRoute('porthole://run?image=busybox&port=8080:80')).toBe(
      '/run?image=busybox&port=8080%3A80',
    );
    expect(deepLinkRoute('PORTHOLE://run/?image=busybox')).toBe('/run?image=busybox');
  });

  it('pass an invalid run link on for the page to explain, never longer than the limit + 1', () => {
    expect(deepLinkRoute('porthole://run?image=a%3Bb')).toBe('/run?image=a%3Bb');
    const route = deepLinkRoute(`porthole://run?image=${'a'.repeat(20_000)}`)!;
    expect(route.length).toBe('/run?'.length + DEEP_LINK_LIMITS.queryChars + 1);
    expect(parseRunQuery(route.slice('/run'.length)).ok).toBe(false);
  });

  it('ignore anything that is not a run link', () => {
    expect(deepLinkRoute('porthole://settings')).toBeUndefined();
    expect(deepLinkRoute('porthole://runner?image=x')).toBeUndefined();
    expect(deepLinkRoute('https://run?image=x')).toBeUndefined();
  });

  it('are found among the arguments of a second launch', () => {
    expect(deepLinkInArgv(['/usr/bin/porthole', '--flag', 'porthole://run?image=x'])).toBe(
      'porthole://run?image=x',
    );
    expect(deepLinkInArgv(['/usr/bin/porthole'])).toBeUndefined();
  });
});
