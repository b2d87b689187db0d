import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

type Cli = (...args: string[]) => string;

/** Builds an image with the CLI (the oracle) from a Dockerfile's text. */
export function cliBuild(docker: Cli, tag: string, dockerfile: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'porthole-img-'));
  try {
    writeFileSync(join(dir, 'Dockerfile'), dockerfile);
    docker('build', '-q', '-t', tag, dir);
    return docker('image', 'inspect', '-f', '{{.Id}}', tag);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Remembers image refs a test creates and removes them after it, even when it failed (the
 * fixture's cleanup covers containers only). Call once per spec file; use the returned `track`.
 */
export function trackImages(test: { afterEach(fn: (fixtures: { docker: Cli }) => void): void }) {
  const created: string[] = [];
  test.afterEach(({ docker }) => {
    for (const ref of created.splice(0)) {
      try {
        docker('rmi', '-f', ref);
      } catch {
        /* already gone */
      }
    }
  });
  return (ref: string) => (created.push(ref), ref);
}

/** Page object for the Images screen: roles and names only, as a screen reader sees it. */
export class ImagesPage {
  readonly table: Locator;
  readonly filter: Locator;
  readonly showDangling: Locator;
  readonly reference: Locator;
  readonly pull: Locator;
  readonly pullAndRun: Locator;
  readonly runNow: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Images' });
    this.filter = page.getByRole('textbox', { name: 'Filter images' });
    this.showDangling = page.getByRole('checkbox', { name: 'Show dangling' });
    this.reference = page.getByRole('textbox', { name: 'Image reference' });
    this.pull = page.getByRole('button', { name: 'Pull', exact: true });
    this.pullAndRun = page.getByRole('button', { name: 'Pull and run', exact: true });
    this.runNow = page.getByRole('button', { name: 'Run now', exact: true });
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Images' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
    await expect(this.table).toBeVisible();
  }

  row(ref: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: ref, exact: true }) });
  }

  action(verb: 'Run' | 'Tag' | 'Push' | 'Save' | 'Inspect' | 'Remove', ref: string): Locator {
    return this.page.getByRole('button', { name: `${verb} ${ref}`, exact: true });
  }

  toolbar(name: 'Search' | 'Build' | 'Load' | 'Prune'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  progress(label: string): Locator {
    return this.page.getByRole('progressbar', { name: label, exact: true });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  alert(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }
}
