import { describe, expect, it } from 'vitest';
import { configFor, resolveSshTarget } from '../../../../../main/engine/ssh-config';

const d = { home: '/home/me', user: 'me' };

describe('~/.ssh/config resolution', () => {
  const config = `
# global defaults come first only when they are before any Host
Host build
  HostName 10.0.0.5
  Port 2200
  User ops
  IdentityFile ~/.ssh/build_ed25519
  IdentityFile %d/.ssh/second
Host *.corp !vpn.corp
  User corp
  UserKnownHostsFile ~/.ssh/corp_hosts /etc/ssh/corp
Host *
  User fallback
  HashKnownHosts yes
  Port 2222
Match host never
  User nobody
`;

  it('takes the first value per option across matching Host blocks', () => {
    const t = resolveSshTarget(config, { host: 'build' }, d);
    expect(t).toMatchObject({
      alias: 'build',
      host: '10.0.0.5',
      port: 2200,
      username: 'ops',
      identityFiles: ['/home/me/.ssh/build_ed25519', '/home/me/.ssh/second'],
      knownHostsFiles: ['/home/me/.ssh/known_hosts'],
      hashKnownHosts: true,
    });
  });

  it('lets the address win over the config, and honours negated patterns', () => {
    expect(
      resolveSshTarget(config, { host: 'build', port: 22, username: 'root' }, d),
    ).toMatchObject({ port: 22, username: 'root' });
    expect(resolveSshTarget(config, { host: 'app.corp' }, d)).toMatchObject({
      host: 'app.corp',
      username: 'corp',
      port: 2222,
      knownHostsFiles: ['/home/me/.ssh/corp_hosts', '/etc/ssh/corp'],
    });
    expect(resolveSshTarget(config, { host: 'vpn.corp' }, d).username).toBe('fallback');
  });

  it('never applies Match blocks, and defaults to port 22 and the local user', () => {
    expect(configFor(config, 'never').get('user')).toEqual(['fallback']);
    expect(resolveSshTarget('', { host: 'plain' }, d)).toEqual({
      alias: 'plain',
      host: 'plain',
      port: 22,
      username: 'me',
      identityFiles: [],
      identitiesOnly: false,
      knownHostsFiles: ['/home/me/.ssh/known_hosts'],
      hashKnownHosts: false,
    });
  });

  it('reads Key=value and quoted values', () => {
    const t = resolveSshTarget('Host q\n  HostName="10.1.1.1"\n  Port=2022\n', { host: 'q' }, d);
    expect(t).toMatchObject({ host: '10.1.1.1', port: 2022 });
  });
});

describe('Include', () => {
  const home = '/home/me';
  const tree: Record<string, string> = {
    '/home/me/.ssh/config.d/10-work': 'Host box\n  HostName 10.0.0.7\n  Port 2201\n',
    '/home/me/.ssh/config.d/20-other': 'Host box\n  Port 9999\n  User late\n',
    '/home/me/.ssh/config.d/.hidden': 'Host box\n  User hidden\n',
    '/etc/ssh/extra': 'User global\n',
    '/home/me/.ssh/loop': 'Include loop\nPort 1\n',
  };
  const files = {
    home,
    read: (p: string) => tree[p],
    list: (dir: string) =>
      Object.keys(tree)
        .filter((p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/'))
        .map((p) => p.slice(dir.length + 1)),
  };
  const d = { home, user: 'me' };

  it('reads included files in glob order at that point, relative to ~/.ssh, dotfiles left out', () => {
    const t = resolveSshTarget('Include config.d/*\n', { host: 'box' }, d, files);
    expect(t).toMatchObject({ host: '10.0.0.7', port: 2201, username: 'late' });
  });

  it('an Include inside a Host block applies only to that host, and the block goes on after it', () => {
    const text = 'Host box\n  Include /etc/ssh/extra\n  Port 2022\nHost *\n  User star\n';
    expect(resolveSshTarget(text, { host: 'box' }, d, files)).toMatchObject({
      username: 'global',
      port: 2022,
    });
    expect(resolveSshTarget(text, { host: 'other' }, d, files).username).toBe('star');
  });

  it('Host lines in an included file cannot match inside a block that is not active', () => {
    const text = 'Host nothing-here\n  Include config.d/*\n';
    expect(resolveSshTarget(text, { host: 'box' }, d, files)).toMatchObject({
      host: 'box',
      port: 22,
    });
  });

  it('an Include loop stops at ssh’s depth limit; without file access Include is skipped', () => {
    expect(resolveSshTarget('Include loop\n', { host: 'x' }, d, files).port).toBe(1);
    expect(resolveSshTarget('Include config.d/*\n', { host: 'box' }, d).port).toBe(22);
  });
});
