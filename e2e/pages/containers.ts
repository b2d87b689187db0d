import { expect, type Locator, type Page } from '@playwright/test';

type RowVerb = 'Start' | 'Stop' | 'Restart' | 'Remove';
type MenuVerb = 'Pause' | 'Unpause' | 'Kill' | 'Rename' | 'Inspect' | 'Recreate';

/** Page object for the Containers screen: roles and names only, as a screen reader sees it. */
export class ContainersPage {
  readonly table: Locator;
  readonly filter: Locator;
  readonly showStopped: Locator;
  readonly selectAll: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Containers' });
    this.filter = page.getByRole('textbox', { name: 'Filter containers' });
    this.showStopped = page.getByRole('checkbox', { name: 'Show stopped' });
    this.selectAll = page.getByRole('checkbox', { name: 'Select all' });
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

  action(verb: RowVerb, name: string): Locator {
    return this.page.getByRole('button', { name: `${verb} ${name}`, exact: true });
  }

  select(name: string): Locator {
    return this.page.getByRole('checkbox', { name: `Select ${name}`, exact: true });
  }

  /** Opens the row's "More actions" menu and returns the item (it may be disabled). */
  async menuItem(verb: MenuVerb, name: string): Promise<Locator> {
    const menu = this.page.getByRole('menu', { name: `Actions for ${name}` });
    if (!(await menu.isVisible())) {
      await this.page
        .getByRole('button', { name: `More actions for ${name}`, exact: true })
        .click();
    }
    return menu.getByRole('menuitem', { name: `${verb} ${name}`, exact: true });
  }

  bulk(verb: 'Start' | 'Stop' | 'Remove'): Locator {
    return this.page.getByRole('button', { name: `${verb} selected`, exact: true });
  }

  project(verb: 'Start' | 'Stop' | 'Restart' | 'Remove', project: string): Locator {
    return this.page.getByRole('button', { name: `${verb} project ${project}`, exact: true });
  }

  async openRunForm(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Run a container' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Run a container' });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
