import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const NEEDS: [binary: string, pkg: string][] = [
  ['dockerd', 'docker.io'],
  ['docker-registry', 'docker-registry'],
  ['busybox', 'busybox-static'],
  ['htpasswd', 'apache2-utils'],
  ['ip', 'iproute2'],
];

/** Fails early with the exact install command, instead of a confusing error mid-suite. */
export function checkPrerequisites() {
  const missing = NEEDS.filter(
    ([bin]) => spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0,
  ).map(([, pkg]) => pkg);
  if (!existsSync('/usr/bin/docker')) missing.push('docker.io');
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) missing.push('chromium');
  if (missing.length) {
    throw new Error(
      `The e2e suite needs: ${[...new Set(missing)].join(' ')}.\n` +
        `Install them with: sudo apt-get install -y ${[...new Set(missing)].join(' ')}\n` +
        `(or run: sudo bash scripts/provision.sh)`,
    );
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      'The e2e suite starts a private dockerd, which needs root. Run it as root (CI does).',
    );
  }
}
