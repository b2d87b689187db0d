import type { ComposePreview, PreviewResult } from '../../contract';
import { parseEnvFile } from './compose-env';
import { checkCompose, type ComposeValidator } from './compose-yaml';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;

/** A port entry as people write it: "127.0.0.1:8080:80/tcp". */
export function portText(p: unknown): string {
  if (typeof p !== 'object' || p === null) return String(p);
  const o = obj(p);
  const host = [str(o.host_ip), str(o.published)].filter(Boolean).join(':');
  const proto = str(o.protocol);
  return `${host ? `${host}:` : ''}${str(o.target) ?? '?'}${proto && proto !== 'tcp' ? `/${proto}` : ''}`;
}

/** A volume entry as people write it: "data:/data" or "./site:/usr/share/nginx/html:ro". */
export function volumeText(v: unknown): string {
  if (typeof v !== 'object' || v === null) return String(v);
  const o = obj(v);
  const parts = [str(o.source), str(o.target)].filter(Boolean);
  return `${parts.join(':')}${o.read_only === true ? ':ro' : ''}` || str(o.type) || '?';
}

function names(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  return Object.keys(obj(v));
}

/** What `up` would make, from a checked model: services (active with these profiles), volumes, networks. */
export function previewOf(model: Obj, profiles: string[]): ComposePreview {
  const chosen = new Set(profiles);
  let usesDefault = false;
  const services = Object.entries(obj(model.services)).map(([name, raw]) => {
    const s = obj(raw);
    const own = Array.isArray(s.profiles) ? s.profiles.map(String) : [];
    const active = own.length === 0 || own.some((p) => chosen.has(p));
    const networks = names(s.networks);
    if (active && networks.length === 0 && s.network_mode === undefined) usesDefault = true;
    const build = s.build === undefined ? null : (str(s.build) ?? str(obj(s.build).context) ?? '.');
    return {
      name,
      image: str(s.image),
      build,
      ports: (Array.isArray(s.ports) ? s.ports : []).map(portText),
      volumes: (Array.isArray(s.volumes) ? s.volumes : []).map(volumeText),
      networks,
      profiles: own,
      active,
    };
  });
  const external = (v: unknown) => {
    const e = obj(v).external;
    return e === true || (typeof e === 'object' && e !== null);
  };
  const volumes = Object.entries(obj(model.volumes)).map(([name, v]) => ({
    name,
    external: external(v),
  }));
  const networks = Object.entries(obj(model.networks)).map(([name, v]) => ({
    name,
    external: external(v),
  }));
  if (usesDefault && !networks.some((n) => n.name === 'default')) {
    networks.unshift({ name: 'default', external: false });
  }
  return { name: str(model.name), services, volumes, networks, warnings: [] };
}

/**
 * The Up dialog's preview: env file, interpolation, YAML, schema, then what would be made.
 * `baseVars` is what the CLI's own environment adds (compose interpolates from it too).
 */
export function previewCompose(
  input: { yaml: string; envFile?: string | undefined; profiles: string[] },
  validate: ComposeValidator,
  baseVars: Record<string, string> = {},
): PreviewResult {
  const env = parseEnvFile(input.envFile ?? '');
  if (env.issues.length) {
    return {
      ok: false,
      issues: env.issues.map((i) => ({
        line: i.line,
        col: 1,
        path: 'env file',
        message: `Env file, line ${i.line}: ${i.message}`,
      })),
    };
  }
  // The CLI's environment wins over the env file, as in compose.
  const checked = checkCompose(input.yaml, { ...env.vars, ...baseVars }, validate);
  if (!checked.ok) return checked;
  const preview = previewOf(checked.model, input.profiles);
  preview.warnings = checked.missing.map(
    (v) => `The ${v} variable is not set: it becomes an empty string.`,
  );
  const known = new Set(preview.services.flatMap((s) => s.profiles));
  for (const p of input.profiles) {
    if (!known.has(p)) preview.warnings.push(`No service uses the profile "${p}".`);
  }
  if (!preview.services.some((s) => s.active)) {
    preview.warnings.push('No service would start with these profiles.');
  }
  return { ok: true, preview };
}
