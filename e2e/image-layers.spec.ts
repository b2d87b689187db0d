import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';
import { cliBuild, ImagesPage, trackImages } from './pages/images';

const track = trackImages(test);
const BIG = 20_000_000;

interface TarEntry {
  path: string;
  size: number;
  dir: boolean;
}

/**
 * The oracle for what each layer holds: `docker save` to a file, then GNU tar lists each layer
 * tar named by manifest.json, in its order (nothing of Porthole's reading code involved).
 */
function savedLayers(docker: (...a: string[]) => string, ref: string): TarEntry[][] {
  const dir = mkdtempSync(join(tmpdir(), 'porthole-layers-'));
  try {
    const file = join(dir, 'image.tar');
    docker('save', '-o', file, ref);
    const tar = (...args: string[]) =>
      execFileSync('tar', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
    const manifest = JSON.parse(tar('-xOf', file, 'manifest.json')) as { Layers: string[] }[];
    return manifest[0]!.Layers.map((layer) =>
      execFileSync('sh', ['-c', `tar -xOf "$0" "$1" | tar -tvf -`, file, layer], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      })
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          // perms owner/group size date time name[ -> target | link to target]
          const f = line.split(/\s+/);
          const name = f
            .slice(5)
            .join(' ')
            .split(/ -> | link to /)[0]!;
          const path = `/${name.replace(/^\.?\/?/, '').replace(/\/$/, '')}`;
          return { path, size: Number(f[2]), dir: f[0]!.startsWith('d') };
        })
        .filter((e) => e.path !== '/'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const exact = (n: number) => `${n.toLocaleString('en-US')} bytes`;

test('Layer explorer: a 20 MB file written in one layer and removed in the next is 20,000,000 bytes wasted; commands as docker history', async ({
  app,
  docker,
  uniqueName,
}) => {
  const images = new ImagesPage(app);
  const ref = track(`${uniqueName('layers')}:1`);
  cliBuild(
    docker,
    ref,
    `FROM ${BUSYBOX_IMAGE}\nRUN head -c ${BIG} /dev/urandom > /big\nRUN rm /big\n`,
  );
  const layers = savedLayers(docker, ref);
  expect(layers).toHaveLength(3);
  // JSON per line: the imported base layer's CreatedBy is empty, which a plain line would lose.
  const history = docker('history', '--no-trunc', '--format', '{{json .CreatedBy}}', ref)
    .split('\n')
    .map((line) => JSON.parse(line) as string)
    .reverse();
  // This Dockerfile makes no empty_layer entries (no ENV, CMD…), so history is one per layer.
  expect(history).toHaveLength(3);
  const sizes = layers.map((l) => l.reduce((n, e) => n + e.size, 0));
  const base = layers[0]!.filter((e) => !e.dir);
  const largest = [...base].sort((a, b) => b.size - a.size)[0]!;

  await images.open();
  await images.action('Inspect', ref).click();
  const dialog = images.dialog(`Image ${ref}`);
  await dialog.getByRole('button', { name: `Explore layers of ${ref}` }).click();
  const table = dialog.getByRole('table', { name: 'Layers', exact: true });
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('progressbar', { name: `Reading layers of ${ref}` })).toHaveCount(
    0,
  );

  await test.step('per layer: the command docker history shows, its size as in the saved tar', async () => {
    const rows = table.getByRole('row').filter({ has: app.getByRole('rowheader') });
    await expect(rows).toHaveCount(3);
    await expect(table.getByRole('rowheader')).toHaveText(history.map((h) => h || '—'));
    for (const [i, size] of sizes.entries()) {
      await expect(rows.nth(i).getByRole('cell').nth(1)).toHaveAttribute('title', exact(size));
    }
    expect(sizes[1]).toBe(BIG);
    expect(sizes[2]).toBe(0); // the whiteout alone
    // Layer 2 added one file and later layers waste all of it; layer 3 removed it.
    await expect(rows.nth(1).getByRole('cell')).toHaveText([
      '2',
      '20.0 MB',
      '1',
      '0',
      '0',
      '20.0 MB',
      /.*/,
    ]);
    await expect(rows.nth(2).getByRole('cell')).toHaveText(['3', '0 B', '0', '0', '1', '—', /.*/]);
  });

  await test.step('totals: wasted space exactly 20,000,000 bytes, dive’s efficiency, files, size', async () => {
    await expect(dialog.getByRole('figure', { name: 'Wasted space' })).toContainText(exact(BIG));
    await expect(dialog.getByRole('figure', { name: 'Total size' })).toContainText(
      exact(sizes.reduce((a, b) => a + b, 0)),
    );
    // Every path once at its size, except /big: seen at 20 MB then removed (0) → min 0.
    const efficiency = (sizes[0]! / (sizes[0]! + BIG)) * 100;
    await expect(dialog.getByRole('figure', { name: 'Efficiency' })).toContainText(
      `${efficiency.toFixed(2)} %`,
    );
    await expect(dialog.getByRole('figure', { name: 'Files' })).toContainText(
      base.length.toLocaleString('en-US'),
    );
    await expect(dialog.getByRole('figure', { name: 'Layers' })).toContainText('3');
    const wasted = dialog.getByRole('table', { name: 'Wasted files' });
    await expect(wasted.getByRole('rowheader')).toHaveText(['/big']);
    await expect(wasted.getByRole('row').nth(1)).toContainText('20.0 MB');
    const biggest = dialog.getByRole('table', { name: 'Largest files' }).getByRole('rowheader');
    await expect(biggest.first()).toHaveText(largest.path);
  });

  await test.step('the tree of layer 2 shows /big added; layer 3 shows it removed', async () => {
    await dialog.getByRole('button', { name: 'Files of layer 2' }).click();
    const tree2 = dialog.getByRole('tree', { name: 'Files of layer 2' });
    await expect(tree2.getByRole('treeitem')).toHaveCount(1);
    await expect(tree2.getByRole('treeitem', { name: 'big' })).toContainText('added');
    await expect(tree2.getByRole('treeitem', { name: 'big' })).toContainText('20.0 MB');
    await dialog.getByRole('button', { name: 'Files of layer 3' }).click();
    const tree3 = dialog.getByRole('tree', { name: 'Files of layer 3' });
    await expect(tree3.getByRole('treeitem', { name: 'big' })).toContainText('removed');
    await expect(tree3.getByRole('treeitem', { name: 'big' })).toContainText('20.0 MB');
  });

  await test.step('the base layer’s tree: the saved tar’s files, keyboard navigable', async () => {
    await dialog.getByRole('button', { name: 'Files of layer 1' }).click();
    const tree1 = dialog.getByRole('tree', { name: 'Files of layer 1' });
    const bin = tree1.getByRole('treeitem', { name: 'bin', exact: true });
    await expect(bin).toHaveAttribute('aria-expanded', 'true');
    const inBin = layers[0]!.filter((e) => e.path.startsWith('/bin/')).length;
    await expect(bin.getByRole('group').getByRole('treeitem')).toHaveCount(inBin);
    await bin.focus();
    await app.keyboard.press('ArrowLeft');
    await expect(bin).toHaveAttribute('aria-expanded', 'false');
    await app.keyboard.press('ArrowRight');
    await expect(bin).toHaveAttribute('aria-expanded', 'true');
    await app.keyboard.press('ArrowRight');
    await expect(bin.getByRole('treeitem').first()).toBeFocused();
  });
});
