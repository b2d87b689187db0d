import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Registries screen: roles and names only, as a screen reader sees it. */
export class RegistriesPage {
  readonly table: Locator;
  readonly logIn: Locator;
  readonly dialog: Locator;
  readonly registry: Locator;
  readonly username: Locator;
  readonly password: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Registry logins' });
    this.logIn = page.getByRole('main').getByRole('button', { name: 'Log in', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Log in to registry' });
    this.registry = this.dialog.getByRole('textbox', { name: 'Registry' });
    this.username = this.dialog.getByRole('textbox', { name: 'Username' });
    // A password input has no textbox role; its label is its accessible name.
    this.password = this.dialog.getByLabel('Password or access token');
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Registries' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Registries' })).toBeVisible();
    await expect(this.table).toBeVisible();
  }

  row(registry: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: registry, exact: true }) });
  }

  async login(registry: string, username: string, password: string) {
    await this.logIn.click();
    await expect(this.dialog).toBeVisible();
    await this.registry.fill(registry);
    await this.username.fill(username);
    await this.password.fill(password);
    await this.dialog.getByRole('button', { name: 'Log in', exact: true }).click();
  }

  logOut(registry: string): Locator {
    return this.page.getByRole('button', { name: `Log out ${registry}`, exact: true });
  }

  logoutDialog(registry: string): Locator {
    return this.page.getByRole('dialog', { name: `Log out of ${registry}?` });
  }
}
