import { expect, type Locator } from '@playwright/test';

type VolumeKind = 'Volume' | 'Host folder' | 'Anonymous';

/** The "Run a container" / "Recreate NAME" form inside its dialog, by role and name. */
export class RunFormPage {
  constructor(readonly dialog: Locator) {}

  get image(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Image' });
  }

  textbox(name: string): Locator {
    return this.dialog.getByRole('textbox', { name, exact: true });
  }

  /** Types `typed` into Image and picks `tag` from the list with the keyboard only. */
  async pickImage(typed: string, tag: string): Promise<void> {
    await this.image.fill(typed);
    const list = this.dialog.getByRole('listbox', { name: 'Local images' });
    await expect(list.getByRole('option', { name: tag, exact: true })).toBeVisible();
    for (let i = 0; i < 50; i++) {
      await this.image.press('ArrowDown');
      const active = await this.image.getAttribute('aria-activedescendant');
      if (active && (await this.dialog.locator(`[id="${active}"]`).textContent()) === tag) break;
    }
    await this.image.press('Enter');
    await expect(this.image).toHaveValue(tag);
    await expect(list).toBeHidden();
  }

  /** Adds a variable row (the next one) and fills it. */
  async addVariable(key: string, value: string): Promise<void> {
    const n = await this.dialog.getByRole('textbox', { name: /^Key \d+$/ }).count();
    await this.dialog.getByRole('button', { name: 'Add variable' }).click();
    await this.textbox(`Key ${n + 1}`).fill(key);
    await this.textbox(`Value ${n + 1}`).fill(value);
  }

  async addLabel(key: string, value: string): Promise<void> {
    const n = await this.dialog.getByRole('textbox', { name: /^Label key \d+$/ }).count();
    await this.dialog.getByRole('button', { name: 'Add label' }).click();
    await this.textbox(`Label key ${n + 1}`).fill(key);
    await this.textbox(`Label value ${n + 1}`).fill(value);
  }

  /** A .env block, as pasted: it becomes rows on Run. */
  async pasteEnv(text: string): Promise<void> {
    await this.textbox('Paste .env').fill(text);
  }

  /**
   * Adds a volume row. Volume: `source` is picked from the engine's volumes, or typed as a new
   * one with `fresh`; Host folder: a host path; Anonymous: no source.
   */
  async addVolume(
    kind: VolumeKind,
    source: string,
    target: string,
    opts: { readOnly?: boolean; fresh?: boolean } = {},
  ): Promise<void> {
    const n = await this.dialog.getByRole('textbox', { name: /^Container path \d+$/ }).count();
    const i = n + 1;
    await this.dialog.getByRole('button', { name: 'Add volume' }).click();
    await this.dialog.getByRole('combobox', { name: `Kind ${i}`, exact: true }).selectOption(kind);
    if (kind === 'Host folder') await this.textbox(`Host path ${i}`).fill(source);
    if (kind === 'Volume') {
      const select = this.dialog.getByRole('combobox', { name: `Volume ${i}`, exact: true });
      if (opts.fresh) {
        await select.selectOption('New volume…');
        await this.textbox(`New volume name ${i}`).fill(source);
      } else {
        await expect(select.getByRole('option', { name: source, exact: true })).toBeAttached();
        await select.selectOption(source);
      }
    }
    await this.textbox(`Container path ${i}`).fill(target);
    if (opts.readOnly) {
      await this.dialog.getByRole('checkbox', { name: `Read-only ${i}`, exact: true }).check();
    }
  }

  /** Unfolds "Advanced options" (if folded) and returns the dialog for its fields. */
  async advanced(): Promise<Locator> {
    const summary = this.dialog.getByText('Advanced options', { exact: true });
    const details = this.dialog.locator('details.advanced');
    if ((await details.getAttribute('open')) === null) await summary.click();
    await expect(details).toHaveAttribute('open', '');
    return this.dialog;
  }

  run(verb: 'Run' | 'Recreate' = 'Run'): Promise<void> {
    return this.dialog.getByRole('button', { name: verb, exact: true }).click();
  }
}
