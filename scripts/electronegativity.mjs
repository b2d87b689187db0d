// Runs electronegativity over the Electron side (main/, preload/, the renderer's index.html and
// package.json) and fails on any HIGH or MEDIUM finding that security/electronegativity-allowlist.json
// does not list with a reason. electronegativity itself exits 0 whatever it finds, so its CSV is
// parsed here. Prints one line per finding and a last line "electronegativity: N new findings".
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();
const allow = JSON.parse(
  readFileSync(join(root, 'security/electronegativity-allowlist.json'), 'utf8'),
);
const dir = mkdtempSync(join(tmpdir(), 'porthole-eneg-'));
const input = join(dir, 'app');
for (const part of ['main', 'preload', 'package.json', 'renderer/index.html']) {
  cpSync(join(root, part), join(input, part), { recursive: true });
}
const out = join(dir, 'findings.csv');
const bin = join(root, 'node_modules', '.bin', 'electronegativity');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies
  .electron;
const r = spawnSync(bin, ['-i', input, '-o', out, '-r', '-e', version, '-v', 'false'], {
  encoding: 'utf8',
  timeout: 300_000,
});
let csv;
try {
  csv = readFileSync(out, 'utf8');
} catch {
  console.error(r.stdout, r.stderr);
  console.error('electronegativity: it wrote no findings file (see above)');
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** RFC 4180 rows: quoted fields may hold commas and doubled quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field.trim());
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

const [header, ...rows] = parseCsv(csv).filter((r) => r.length > 1);
const col = (name) => header.findIndex((h) => h.trim() === name);
const findings = rows.map((r) => ({
  check: r[col('issue')],
  severity: r[col('severity')],
  file: r[col('filename')],
  sample: r[col('sample')] ?? '',
}));
const allowed = (f) =>
  allow.some(
    (a) =>
      a.check === f.check &&
      (!a.file || a.file === f.file) &&
      typeof a.reason === 'string' &&
      a.reason.length > 20,
  );
let fresh = 0;
for (const f of findings) {
  const serious = f.severity === 'HIGH' || f.severity === 'MEDIUM';
  const verdict = !serious ? 'low' : allowed(f) ? 'allowed' : 'NEW';
  if (verdict === 'NEW') fresh++;
  console.log(
    `${verdict.padEnd(7)} ${f.severity.padEnd(13)} ${f.check} ${f.file} ${f.sample.slice(0, 80)}`,
  );
}
console.log(`electronegativity: ${findings.length} findings, ${fresh} new HIGH/MEDIUM`);
process.exit(fresh ? 1 : 0);
