import { expect, type Locator, type Page } from '@playwright/test';
import { ContainersPage } from './containers';

/** Page object for a log window (#/logs/ENGINE/ID), by roles and names. */
export class LogsPage {
  readonly search: Locator;
  readonly status: Locator;
  readonly matchCount: Locator;

  constructor(
    readonly page: Page,
    readonly name: string,
  ) {
    this.search = page.getByRole('searchbox', { name: 'Search logs' });
    this.status = page.getByRole('status');
    this.matchCount = page.getByTestId('match-count');
  }

  /** Clicks "Logs NAME" on the Containers screen and returns the window it opens. */
  static async openFrom(app: Page, name: string): Promise<LogsPage> {
    const containers = new ContainersPage(app);
    await expect(containers.row(name)).toBeVisible();
    const [popup] = await Promise.all([
      app.context().waitForEvent('page'),
      app.getByRole('button', { name: `Logs ${name}`, exact: true }).click(),
    ]);
    const logs = new LogsPage(popup, name);
    await expect(logs.log).toBeVisible();
    return logs;
  }

  get log(): Locator {
    return this.page.getByRole('log', { name: `Logs of ${this.name}` });
  }

  /** The rendered lines (a window of them: the view is virtualized). */
  lines(): Locator {
    return this.log.locator('.log-line');
  }

  lastLine(): Locator {
    return this.lines().last();
  }

  /** Texts of the rendered lines, in order. */
  async texts(): Promise<string[]> {
    return this.log.locator('.log-line .log-text').allInnerTexts();
  }

  /** The marker of a line main cut ("… line cut: 33.6 MB in all"). */
  cutMarker(size: string): Locator {
    return this.log.getByText(`… line cut: ${size} in all`, { exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
