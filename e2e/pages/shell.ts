import { expect, type Locator, type Page } from '@playwright/test';
import { ContainersPage } from './containers';

/** Page object for a shell window (#/shell/ENGINE/ID). */
export class ShellPage {
  readonly status: Locator;
  readonly size: Locator;

  constructor(
    readonly page: Page,
    readonly name: string,
  ) {
    this.status = page.getByRole('status');
    this.size = page.getByLabel('Terminal size');
  }

  static async openFrom(app: Page, name: string): Promise<ShellPage> {
    await expect(new ContainersPage(app).row(name)).toBeVisible();
    const [popup] = await Promise.all([
      app.context().waitForEvent('page'),
      app.getByRole('button', { name: `Shell ${name}`, exact: true }).click(),
    ]);
    const shell = new ShellPage(popup, name);
    await expect(shell.terminal).toBeVisible();
    await expect(shell.status).toContainText('Connected');
    return shell;
  }

  get terminal(): Locator {
    return this.page.getByRole('region', { name: `Shell in ${this.name}` });
  }

  /** What the terminal's screen shows now, one string per row. */
  async screen(): Promise<string[]> {
    return this.terminal.locator('.xterm-rows > div').allInnerTexts();
  }

  /** Types a line into the terminal as a person would, then Enter. */
  async run(line: string) {
    await this.terminal.click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }

  /** The terminal's size as the UI reports it: [cols, rows]. */
  async dimensions(): Promise<[number, number]> {
    const text = (await this.size.textContent()) ?? '';
    const m = /(\d+)×(\d+)/.exec(text);
    if (!m) throw new Error(`no terminal size in "${text}"`);
    return [Number(m[1]), Number(m[2])];
  }
}
