import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Volumes screen: roles and names only, as a screen reader sees it. */
export class VolumesPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Volumes' });
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Volumes' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Volumes' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: exactName(name) }) });
  }

  /** The row's cell in the named column (by header position). */
  async cell(name: string, column: string): Promise<Locator> {
    const headers = await this.table.getByRole('columnheader').allInnerTexts();
    const index = headers.findIndex((h) => h.trim().toLowerCase() === column.toLowerCase());
    if (index < 1) throw new Error(`no column ${column} in ${headers.join(', ')}`);
    return this.row(name)
      .getByRole('cell')
      .nth(index - 1);
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }
}

/** Names of router calls the page sends from now on (the page is reloaded to catch its socket). */
export async function recordCalls(page: Page): Promise<string[]> {
  const names: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', (frame) => {
      if (typeof frame.payload !== 'string') return;
      const match = /"name":"([^"]+)"/.exec(frame.payload);
      if (match) names.push(match[1]!);
    }),
  );
  await page.reload();
  await expect(page.getByRole('status').first()).toContainText('Connected');
  return names;
}

/** The rowheader holds the name, plus a "anonymous" badge on some rows. */
function exactName(name: string): RegExp {
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s*anonymous)?$`);
}
