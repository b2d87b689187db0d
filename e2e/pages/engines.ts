import { expect, type Locator, type Page } from '@playwright/test';

export interface EngineFields {
  name: string;
  address: string;
  ca?: string;
  cert?: string;
  key?: string;
}

/** Page object for the Engines screen and its Add engine dialog: roles and names only. */
export class EnginesPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Engines' });
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Engines' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Engines' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({
      has: this.page.getByRole('rowheader', { name: new RegExp(`^${escape(name)}\\b`) }),
    });
  }

  /** The row's status element ("Connected (NAME)", "Disconnected — retrying in 3 s (NAME)"). */
  state(name: string): Locator {
    return this.row(name).getByRole('status');
  }

  async openAdd(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add engine' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add engine' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async fill(dialog: Locator, f: EngineFields) {
    await dialog.getByRole('textbox', { name: 'Name' }).fill(f.name);
    await dialog.getByRole('textbox', { name: 'Address' }).fill(f.address);
    if (f.ca) await dialog.getByRole('textbox', { name: 'CA certificate' }).fill(f.ca);
    if (f.cert) await dialog.getByRole('textbox', { name: 'Client certificate' }).fill(f.cert);
    if (f.key) await dialog.getByRole('textbox', { name: 'Client key' }).fill(f.key);
  }

  async use(name: string) {
    await this.page.getByRole('button', { name: `Use ${name}`, exact: true }).click();
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
