import { expect, type Locator, type Page } from '@playwright/test';

/** The Files tab of a container's detail screen: roles and names only. */
export class FilesPage {
  readonly tree: Locator;

  constructor(
    readonly page: Page,
    readonly name: string,
  ) {
    this.tree = page.getByRole('tree', { name: `Files of ${name}` });
  }

  /** #/containers/ENGINE/ID, then the Files tab. */
  async open(engineId: string, id: string) {
    await this.page.evaluate((h) => (location.hash = h), `#/containers/${engineId}/${id}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(this.name);
    await this.page.getByRole('tab', { name: 'Files' }).click();
    await expect(this.item('/')).toHaveAttribute('aria-expanded', 'true');
  }

  /** The treeitem at an absolute path, found segment by segment from the root. */
  item(path: string): Locator {
    let at = this.tree.getByRole('treeitem', { name: '/', exact: true });
    for (const seg of path.split('/').filter(Boolean)) {
      at = at.getByRole('group').first().getByRole('treeitem', { name: seg, exact: true }).first();
    }
    return at;
  }

  /** Expands the folder at `path` (each folder on the way) by clicking it. */
  async expand(path: string) {
    let at = '';
    for (const seg of path.split('/').filter(Boolean)) {
      at += `/${seg}`;
      const item = this.item(at);
      if ((await item.getAttribute('aria-expanded')) !== 'true') await this.select(at);
      await expect(item).toHaveAttribute('aria-expanded', 'true');
    }
  }

  /** Clicks the item's own row (a folder opens; the selected folder toggles). */
  async select(path: string) {
    const item = this.item(path);
    await item.locator('> .file-row').click();
    await expect(item).toHaveAttribute('aria-selected', 'true');
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  status(): Locator {
    return this.page.getByRole('tabpanel').getByRole('status');
  }
}
