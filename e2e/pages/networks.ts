import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Networks screen: roles and names only, as a screen reader sees it. */
export class NetworksPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Networks' });
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Networks' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Networks' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: exactName(name) }) });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Opens "Create network" and fills what is given. */
  async fillCreate(
    fields: Partial<Record<'Name' | 'Subnet' | 'Gateway' | 'IP range' | 'Labels', string>>,
  ) {
    await this.button('Create network').click();
    const dialog = this.dialog('Create network');
    await expect(dialog).toBeVisible();
    for (const [label, value] of Object.entries(fields)) {
      await dialog.getByLabel(label, { exact: true }).fill(value);
    }
    return dialog;
  }
}

/** The rowheader holds the name, plus a "built-in" badge on some rows. */
function exactName(name: string): RegExp {
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s*built-in)?$`);
}

/** A random /24 in 10.230.0.0–10.249.255.0: tests name their subnets (see createNetworkCli). */
export function randomSubnet(): string {
  return `10.${230 + Math.floor(Math.random() * 20)}.${Math.floor(Math.random() * 256)}.0/24`;
}

/**
 * `docker network create` for test setup, always with an explicit subnet: on a host shared by
 * many private engines the engine's default pools can run out. Every dockerd on the host also
 * shares iptables, and one starting up briefly drops the nat DOCKER chain ("No chain/target/
 * match"). Both are the harness, not the app: retry setup a few times, bounded.
 */
export async function createNetworkCli(
  docker: (...a: string[]) => string,
  ...args: string[]
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const subnet = args.includes('--subnet') ? [] : ['--subnet', randomSubnet()];
    try {
      return docker('network', 'create', ...subnet, ...args);
    } catch (err) {
      const retryable = /iptables.*No chain|overlaps/s.test(String(err));
      if (attempt >= 6 || !retryable) throw err;
      await new Promise((r) => setTimeout(r, 300 * attempt));
    }
  }
}
