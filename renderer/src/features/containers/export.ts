import type { PortSpec, RunSpec } from '../../../../contract';
import { shellQuote } from './run-form';

/** `-p` syntax: [ip:][hostPort:]containerPort[/proto]; an ip with a random port keeps both colons. */
export function portFlag(p: PortSpec): string {
  const proto = p.protocol === 'tcp' ? '' : `/${p.protocol}`;
  const host = p.hostPort === null ? '' : String(p.hostPort);
  if (p.hostIp)
    return `${p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp}:${host}:${p.containerPort}${proto}`;
  return host ? `${host}:${p.containerPort}${proto}` : `${p.containerPort}${proto}`;
}

const mountFlag = (m: RunSpec['mounts'][number]) =>
  `${m.source ? `${m.source}:` : ''}${m.target}${m.readOnly ? ':ro' : ''}`;

/**
 * A `docker run` command line that makes the same container: image, name, command, env, ports,
 * mounts, network, restart policy, labels (plus TTY, working dir and user). Pure.
 */
export function dockerRunCommand(spec: RunSpec): string {
  const args: string[] = ['docker', 'run', '-d'];
  if (spec.name) args.push('--name', spec.name);
  if (spec.interactive) args.push('-i');
  if (spec.tty) args.push('-t');
  if (spec.autoRemove) args.push('--rm');
  if (spec.restart !== 'no') args.push('--restart', spec.restart);
  if (spec.network) args.push('--network', spec.network);
  for (const p of spec.ports) args.push('-p', portFlag(p));
  for (const e of spec.env) args.push('-e', `${e.key}=${e.value}`);
  for (const m of spec.mounts) args.push('-v', mountFlag(m));
  for (const [k, v] of Object.entries(spec.labels)) args.push('--label', `${k}=${v}`);
  if (spec.workingDir) args.push('-w', spec.workingDir);
  if (spec.user) args.push('-u', spec.user);
  args.push(spec.image, ...spec.command);
  return args.map(shellQuote).join(' ');
}

// JSON strings are valid YAML double-quoted scalars: no escaping rules of our own to get wrong.
const q = (s: string) => JSON.stringify(s);
const BUILTIN_NETWORKS = new Set(['bridge', 'host', 'none']);

/** A compose file with one service that makes the same container. Pure. */
export function composeService(spec: RunSpec): string {
  const service = spec.name || 'app';
  const out: string[] = ['services:', `  ${q(service)}:`, `    image: ${q(spec.image)}`];
  const line = (s: string) => out.push(`    ${s}`);
  if (spec.name) line(`container_name: ${q(spec.name)}`);
  if (spec.command.length) line(`command: [${spec.command.map(q).join(', ')}]`);
  if (spec.env.length) {
    line('environment:');
    for (const e of spec.env) line(`  ${q(e.key)}: ${q(e.value)}`);
  }
  if (spec.ports.length) {
    line('ports:');
    for (const p of spec.ports) line(`  - ${q(portFlag(p))}`);
  }
  if (spec.mounts.length) {
    line('volumes:');
    for (const m of spec.mounts) line(`  - ${q(mountFlag(m))}`);
  }
  const custom = spec.network && !BUILTIN_NETWORKS.has(spec.network) && !spec.network.includes(':');
  if (spec.network && !custom) line(`network_mode: ${q(spec.network)}`);
  if (custom) line(`networks: [${q(spec.network)}]`);
  if (spec.restart !== 'no') line(`restart: ${q(spec.restart)}`);
  if (spec.interactive) line('stdin_open: true');
  if (spec.tty) line('tty: true');
  const labels = Object.entries(spec.labels);
  if (labels.length) {
    line('labels:');
    for (const [k, v] of labels) line(`  ${q(k)}: ${q(v)}`);
  }
  if (spec.workingDir) line(`working_dir: ${q(spec.workingDir)}`);
  if (spec.user) line(`user: ${q(spec.user)}`);
  if (spec.autoRemove) line('# docker run --rm has no compose equivalent');
  const named = [
    ...new Set(spec.mounts.filter((m) => m.type === 'volume' && m.source).map((m) => m.source)),
  ];
  if (named.length) {
    out.push('volumes:');
    for (const v of named) out.push(`  ${q(v)}:`, '    external: true');
  }
  if (custom) out.push('networks:', `  ${q(spec.network)}:`, '    external: true');
  return out.join('\n') + '\n';
}
