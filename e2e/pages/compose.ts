import { spawnSync } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';
import { BUSYBOX_IMAGE } from '../harness/engine';

type ProjectVerb =
  'Start' | 'Stop' | 'Restart' | 'Pause' | 'Unpause' | 'Down' | 'Remove' | 'Logs' | 'Config';
type ServiceVerb = 'Scale' | 'Recreate' | 'Shell' | 'Logs';

/** Page object for the Compose screen and its dialogs: roles and names only. */
export class ComposePage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Compose projects' });
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Compose' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Compose' })).toBeVisible();
  }

  row(project: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: project, exact: true }) });
  }

  action(verb: ProjectVerb, project: string): Locator {
    return this.page.getByRole('button', { name: `${verb} ${project}`, exact: true });
  }

  /** Shows the project's services (the disclosure on its name). */
  async expand(project: string): Promise<Locator> {
    const toggle = this.row(project).getByRole('button', { name: project, exact: true });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const services = this.page.getByRole('table', { name: `Services of ${project}` });
    await expect(services).toBeVisible();
    return services;
  }

  service(verb: ServiceVerb, service: string): Locator {
    return this.page.getByRole('button', { name: `${verb} ${service}`, exact: true });
  }

  /** The dialog "Up from a compose file", opened. */
  async openUp(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Up from file' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Up from a compose file' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Opens "Up from a compose file" and fills it in; returns the dialog. */
  async fillUp(
    yaml: string,
    project: string,
    opts: { envFile?: string; profiles?: string } = {},
  ): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Up from file' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Up from a compose file' });
    await dialog.getByRole('textbox', { name: 'Compose file' }).fill(yaml);
    await dialog.getByRole('textbox', { name: 'Project name' }).fill(project);
    if (opts.envFile) await dialog.getByRole('textbox', { name: 'Env file' }).fill(opts.envFile);
    if (opts.profiles) await dialog.getByRole('textbox', { name: 'Profiles' }).fill(opts.profiles);
    return dialog;
  }

  /** Waits for a job dialog's status line to say how the job ended. */
  async ended(dialog: Locator, how: 'done' | 'failed'): Promise<void> {
    await expect(
      dialog.getByRole('status').filter({ hasText: /: (running…|done\.|failed\.|stopped)/ }),
    ).toContainText(how === 'done' ? 'done.' : 'failed.', { timeout: 90_000 });
  }
}

/**
 * `compose -p PROJECT up -d [EXTRA…]` in DIR, as a person would run it there, against ENGINE (a
 * DOCKER_HOST address); throws with compose's stderr if it fails.
 */
export function cliUp(dir: string, project: string, host: string, extra: string[] = []): void {
  const [file, ...args] = composeCommand();
  const up = spawnSync(file!, [...args, '-p', project, 'up', '-d', ...extra], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
      DOCKER_HOST: host,
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (up.status !== 0) throw new Error(`compose up failed: ${up.stderr}`);
}

// The compose tests need a compose CLI: Debian's docker-compose 1.29 (v1) on these machines.
export const composeMissing = () =>
  spawnSync('sh', ['-c', 'command -v docker-compose || docker compose version']).status !== 0;
/** The compose a person would type here: v1's docker-compose where it is, else the v2 plugin. */
export const composeCommand = () =>
  spawnSync('sh', ['-c', 'command -v docker-compose']).status === 0
    ? ['docker-compose']
    : ['docker', 'compose'];
/**
 * Why compose cannot reach an ssh:// engine here, if it cannot: Debian's v1 needs paramiko in its
 * own Python (scripts/provision.sh installs python3-paramiko). The v2 plugin uses the ssh CLI.
 */
export function composeSshMissing(): string | undefined {
  if (composeCommand()[0] !== 'docker-compose') return undefined;
  const py = spawnSync('sh', [
    '-c',
    `"$(head -1 "$(command -v docker-compose)" | sed -n 's/^#! *\\([^ ]*\\).*/\\1/p')" -c 'import paramiko'`,
  ]);
  return py.status === 0
    ? undefined
    : 'docker-compose v1 reaches ssh:// engines only with python3-paramiko: apt-get install -y python3-paramiko (or bash scripts/provision.sh).';
}
export const COMPOSE_MISSING =
  'The compose e2e tests need docker-compose: apt-get install -y docker-compose (or bash scripts/provision.sh).';

export { freePort } from '../harness/registry';

// The port comes from the env file (interpolation in the preview and in compose alike); the
// third service sits behind a profile nobody picks, so it never starts.
export const twoServices = `services:
  web:
    image: ${BUSYBOX_IMAGE}
    command: httpd -f -p 80 -h /bin
    ports: ["127.0.0.1:\${WEB_PORT}:80"]
  db:
    image: ${BUSYBOX_IMAGE}
    command: sleep 600
    volumes: [data:/data]
  debug:
    image: ${BUSYBOX_IMAGE}
    profiles: [debug]
volumes:
  data: {}
`;

/** The CLI oracle: "service state" of every container of a project, sorted. */
export const serviceStates = (docker: (...a: string[]) => string, project: string) =>
  docker(
    'ps',
    '-a',
    '--filter',
    `label=com.docker.compose.project=${project}`,
    '--format',
    '{{.Label "com.docker.compose.service"}} {{.State}}',
  )
    .split('\n')
    .filter(Boolean)
    .sort();

export const projectVolumes = (docker: (...a: string[]) => string, project: string) =>
  docker('volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`)
    .split('\n')
    .filter(Boolean);

export const projectNetworks = (docker: (...a: string[]) => string, project: string) =>
  docker('network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`)
    .split('\n')
    .filter(Boolean);

/** The ids of a project's web containers. */
export const webIds = (docker: (...a: string[]) => string, project: string) =>
  docker(
    'ps',
    '-q',
    '--filter',
    `label=com.docker.compose.project=${project}`,
    '--filter',
    'label=com.docker.compose.service=web',
  );
