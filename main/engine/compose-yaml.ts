import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { ComposeIssue } from '../../contract';
import { interpolate } from './compose-env';
// Vendored unchanged from compose-spec/compose-spec, schema/compose-spec.json at a08f8d5
// (2025-10-21; Apache-2.0). Replace the file to follow the spec; nothing else here changes.
import composeSpec from './compose-spec.json';

type Path = (string | number)[];

export type Checked =
  | { ok: true; model: Record<string, unknown>; missing: string[] }
  | { ok: false; issues: ComposeIssue[] };

/** At most this many problems are reported: the first ones are the ones to fix. */
const MAX_ISSUES = 20;

/** The compose-spec check: the JSON schema's errors for a value (none when it is valid). */
export type ComposeValidator = (value: unknown) => ErrorObject[];

/**
 * Compiling the 75 KB schema takes a while: each validator compiles it once, on first use, and
 * is owned by what the core builds (ComposeJobs), never module state. The schema's `$schema` is
 * draft-07 under an https URL Ajv does not know by that name, so the meta-check is skipped (the
 * vendored file is trusted data, not input).
 */
export function createComposeValidator(): ComposeValidator {
  let compiled: ValidateFunction | undefined;
  return (value) => {
    compiled ??= new Ajv({ allErrors: true, strict: false, validateSchema: false }).compile(
      composeSpec,
    );
    return compiled(value) ? [] : (compiled.errors ?? []);
  };
}

/**
 * Parses a compose file with the YAML library, interpolates it with `vars`, and checks it against
 * the compose-spec JSON schema. Every problem comes back with its line and column.
 */
export function checkCompose(
  text: string,
  vars: Record<string, string>,
  validate: ComposeValidator,
): Checked {
  const lineCounter = new LineCounter();
  // Merge keys (<<: *defaults) are common in compose files and compose supports them.
  const doc = parseDocument(text, { lineCounter, merge: true, prettyErrors: false });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length) {
    return {
      ok: false,
      issues: doc.errors.slice(0, MAX_ISSUES).map((e) => {
        const { line, col } = at(e.pos[0]);
        return { line, col, path: '', message: e.message };
      }),
    };
  }
  let raw: unknown;
  try {
    // maxAliasCount bounds "billion laughs" documents.
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { ok: false, issues: [{ line: 1, col: 1, path: '', message: String(err) }] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      issues: [
        {
          line: 1,
          col: 1,
          path: '',
          message: 'A compose file is a mapping with a "services" key.',
        },
      ],
    };
  }
  const { value, missing, errors } = interpolate(raw, vars);
  const issues: ComposeIssue[] = errors.map((e) => issueAt(doc, at, e.path, e.message, false));
  for (const e of schemaIssues(validate(value))) {
    issues.push(issueAt(doc, at, e.path, e.message, e.atKey));
  }
  const model = value as Record<string, unknown>;
  if (issues.length === 0) issues.push(...semanticIssues(doc, at, model));
  if (issues.length) return { ok: false, issues: dedupe(issues).slice(0, MAX_ISSUES) };
  return { ok: true, model, missing };
}

interface SchemaIssue {
  path: Path;
  message: string;
  /** Point at the key itself (an unknown key), not at its value. */
  atKey: boolean;
}

const NOUN: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  null: 'empty',
};

/**
 * Ajv's errors in people's words. With oneOf/anyOf Ajv reports every branch that failed ("must
 * be string", "must be object", "must match exactly one schema"): those become one message
 * naming what is accepted.
 */
export function schemaIssues(errors: ErrorObject[]): SchemaIssue[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath);
    if (list) list.push(e);
    else byPath.set(e.instancePath, [e]);
  }
  const out: SchemaIssue[] = [];
  for (const [pointer, list] of byPath) {
    const path = fromPointer(pointer);
    const types = list.filter((e) => e.keyword === 'type').map((e) => String(e.params.type));
    const rest = list.filter((e) => !['type', 'oneOf', 'anyOf', 'if'].includes(e.keyword));
    for (const e of rest) out.push(describe(e, path));
    if (types.length && rest.length === 0) {
      const words = [...new Set(types.flatMap((t) => t.split(',')))].map((t) => NOUN[t] ?? t);
      out.push({ path, message: `must be ${words.join(' or ')}`, atKey: false });
    } else if (!types.length && rest.length === 0 && list.length) {
      out.push({ path, message: list[0]!.message ?? 'is not valid here', atKey: false });
    }
  }
  return out;
}

function describe(e: ErrorObject, path: Path): SchemaIssue {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return {
        path: [...path, String(p.additionalProperty)],
        message: `unknown key "${String(p.additionalProperty)}"${path.length ? ` in ${label(path)}` : ''}`,
        atKey: true,
      };
    case 'required':
      return { path, message: `"${String(p.missingProperty)}" is required`, atKey: false };
    case 'enum':
      return {
        path,
        message: `must be one of: ${(p.allowedValues as unknown[]).map(String).join(', ')}`,
        atKey: false,
      };
    case 'propertyNames':
      return {
        path: [...path, String(p.propertyName)],
        message: `"${String(p.propertyName)}" is not a valid name here`,
        atKey: true,
      };
    default:
      return { path, message: e.message ?? 'is not valid here', atKey: false };
  }
}

/** Rules of compose the schema cannot say: a service needs an image or a build. */
function semanticIssues(
  doc: Document,
  at: (o: number) => { line: number; col: number },
  model: Record<string, unknown>,
): ComposeIssue[] {
  const services = model.services;
  const issues: ComposeIssue[] = [];
  if (!services || typeof services !== 'object') {
    return [issueAt(doc, at, [], 'A compose file needs a "services" mapping.', false)];
  }
  for (const [name, s] of Object.entries(services as Record<string, unknown>)) {
    const svc = (s ?? {}) as Record<string, unknown>;
    if (svc.image === undefined && svc.build === undefined) {
      issues.push(
        issueAt(
          doc,
          at,
          ['services', name],
          `service "${name}" has neither an image nor a build`,
          true,
        ),
      );
    }
  }
  return issues;
}

export function label(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

function fromPointer(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Where `path` is in the source: the deepest node that exists, its key when `atKey`. */
function issueAt(
  doc: Document,
  at: (o: number) => { line: number; col: number },
  path: Path,
  message: string,
  atKey: boolean,
): ComposeIssue {
  for (let n = path.length; n >= 0; n--) {
    const offset = offsetOf(doc, path.slice(0, n), atKey && n === path.length);
    if (offset !== undefined) return { ...at(offset), path: label(path), message };
  }
  return { line: 1, col: 1, path: label(path), message };
}

function offsetOf(doc: Document, path: Path, atKey: boolean): number | undefined {
  if (atKey && path.length) {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const key = path[path.length - 1];
      const pair = parent.items.find(
        (it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(key),
      );
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (range) return range[0];
    }
  }
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range?.[0];
}

function dedupe(issues: ComposeIssue[]): ComposeIssue[] {
  const seen = new Set<string>();
  return issues
    .filter((i) => {
      const key = `${i.line}:${i.col}:${i.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.col - b.col);
}
