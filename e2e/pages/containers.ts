import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Containers screen: roles and names only, as a screen reader sees it. */
export class ContainersPage {
  readonly table: Locator;
  readonly filter: Locator;
  readonly showStopped: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Containers' });
    this.filter = page.getByRole('textbox', { name: 'Filter containers' });
    this.showStopped = page.getByRole('checkbox', { name: 'Show stopped' });
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Containers' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Containers' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** The names in the table's rows, in order. */
  async names(): Promise<string[]> {
    return this.table.getByRole('rowheader').allInnerTexts();
  }

  action(verb: 'Start' | 'Stop' | 'Restart' | 'Remove', name: string): Locator {
    return this.page.getByRole('button', { name: `${verb} ${name}`, exact: true });
  }
}
