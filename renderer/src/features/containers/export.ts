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

type Mount = RunSpec['mounts'][number];

/** One field of `--mount`'s comma-separated list, quoted the way the CLI's CSV reader wants. */
const csvField = (s: string) => (/[",]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * `--mount type=bind,source=…,target=…[,readonly]`: unlike `-v src:dst`, a path with ":" in it
 * survives. An anonymous volume stays `-v /target` (it has no source to name).
 */
function mountArgs(m: Mount): string[] {
  if (!m.source) return ['-v', `${m.target}${m.readOnly ? ':ro' : ''}`];
  const fields = [`type=${m.type}`, `source=${m.source}`, `target=${m.target}`];
  if (m.readOnly) fields.push('readonly');
  return ['--mount', fields.map(csvField).join(',')];
}

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
  for (const m of spec.mounts) args.push(...mountArgs(m));
  for (const [k, v] of Object.entries(spec.labels)) args.push('--label', `${k}=${v}`);
  if (spec.workingDir) args.push('-w', spec.workingDir);
  if (spec.user) args.push('-u', spec.user);
  // `--entrypoint` takes one word; the rest of an entrypoint goes before the command.
  const [entry, ...entryArgs] = spec.entrypoint ?? [];
  if (entry !== undefined) args.push('--entrypoint', entry);
  if (spec.memory) args.push('--memory', String(spec.memory));
  if (spec.nanoCpus) args.push('--cpus', String(spec.nanoCpus / 1e9));
  for (const c of spec.capAdd ?? []) args.push('--cap-add', c);
  for (const c of spec.capDrop ?? []) args.push('--cap-drop', c);
  if (spec.gpus === 'all') args.push('--gpus', 'all');
  args.push(spec.image, ...entryArgs, ...spec.command);
  return args.map(shellQuote).join(' ');
}

// JSON strings are valid YAML double-quoted scalars: no escaping rules of our own to get wrong.
// Compose then interpolates "$NAME" in every value: "$$" keeps a literal "$" (an env value
// "${AWS_SECRET_ACCESS_KEY}" must not pull a host secret in at `up`; "$2y$…" hashes stay whole).
const q = (s: string) => JSON.stringify(s.replaceAll('$', '$$$$'));
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
    for (const m of spec.mounts) {
      line(`  - type: ${m.type}`);
      if (m.source) line(`    source: ${q(m.source)}`);
      line(`    target: ${q(m.target)}`);
      if (m.readOnly) line('    read_only: true');
      if (m.type === 'bind') line('    bind: { create_host_path: true }');
    }
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
  if (spec.entrypoint?.length) line(`entrypoint: [${spec.entrypoint.map(q).join(', ')}]`);
  if (spec.memory) line(`mem_limit: ${spec.memory}`);
  if (spec.nanoCpus) line(`cpus: ${spec.nanoCpus / 1e9}`);
  if (spec.capAdd?.length) line(`cap_add: [${spec.capAdd.map(q).join(', ')}]`);
  if (spec.capDrop?.length) line(`cap_drop: [${spec.capDrop.map(q).join(', ')}]`);
  if (spec.gpus === 'all') line('gpus: all');
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
