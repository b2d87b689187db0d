import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ImageSummary } from '../../../../contract';
import { RunDialog } from '../containers/RunDialog';
import { EngineFailures } from '../../components/EngineCell';
import { EmptyList } from '../../components/EmptyList';
import { ScreenBody } from '../../components/ScreenBody';
import { SelectAll } from '../../components/SelectAll';
import { useEngineLists, type Tagged } from '../../components/useEngineLists';
import { useSelection } from '../../components/useSelection';
import { EngineField, useTargetEngine } from '../../components/EngineField';
import { useNow } from '../../engine/useEngineStatuses';
import { BuildDialog } from './BuildDialog';
import { DetailsDialog } from './DetailsDialog';
import { imageRef, otherTags, rowKey, visibleImages } from './format';
import { ImageRow, type ImageVerb } from './ImageRow';
import { PruneDialog } from './PruneDialog';
import { PullForm, type PullMode } from './PullForm';
import { imageQueries } from './queries';
import { RemoveImageDialog } from './RemoveImageDialog';
import { SearchDialog } from './SearchDialog';
import { TagDialog } from './TagDialog';
import { ArchivePanel, TransferPanel } from './TransferPanel';
import { useArchive } from './useArchive';
import { showContainer, useImageActions } from './useImageActions';
import { useTransfer } from './useTransfer';
import './images.css';

type Row = Tagged<ImageSummary>;
type Open =
  { kind: 'Tag' | 'Remove' | 'Inspect'; image: Row } | { kind: 'Prune' | 'Build' | 'Search' };

/** A row's identity across engines: one image id can be on several engines, with several tags. */
const keyOf = (image: Row) => `${image.engineId}|${rowKey(image)}`;
const NONE: Row[] = [];

export function ImagesScreen() {
  // Toolbar actions (pull, build, load, search, prune, save selected) go to one engine: the
  // current one, or in All engines the one picked beside the reference (the default first).
  const [engineId, setEngineId] = useTargetEngine();
  const list = useEngineLists(imageQueries.list);
  const [filter, setFilter] = useState('');
  const [showDangling, setShowDangling] = useState(false);
  const [open, setOpen] = useState<Open | undefined>();
  const transfer = useTransfer(engineId);
  const actions = useImageActions(engineId);
  const archive = useArchive(engineId);
  const now = useNow(true, 30_000);
  const rows = useMemo(
    () => visibleImages(list.data ?? [], filter, showDangling),
    [list.data, filter, showDangling],
  );
  const select = useSelection(list.data ?? NONE, rows, keyOf);
  const queryClient = useQueryClient();
  const { start } = transfer;
  const { mutate: runNow } = actions.runNow;
  const { openRunForm } = actions;
  const { save } = archive;

  const pull = useCallback(
    async (ref: string, mode: PullMode) => {
      if (mode === 'run-now') {
        // Pull (with progress) only when the image is missing, then run with the defaults.
        const present = await queryClient.fetchQuery(imageQueries.detail(engineId, ref)).then(
          () => true,
          () => false,
        );
        if (!present && !(await start('Pull', ref))) return;
        return runNow({ ref });
      }
      const ok = await start('Pull', ref);
      if (ok && mode === 'pull-and-run') await openRunForm(ref);
    },
    [start, runNow, openRunForm, queryClient, engineId],
  );

  const onAction = useCallback(
    (verb: ImageVerb, image: Row) => {
      const ref = imageRef(image);
      if (verb === 'Run') void openRunForm(image.repoTag ?? image.id, image.engineId);
      else if (verb === 'Push') void start('Push', ref, image.engineId);
      else if (verb === 'Save') save([image.repoTag ?? image.id], ref, image.engineId);
      else setOpen({ kind: verb, image });
    },
    [openRunForm, start, save],
  );

  const { toggle } = select;
  const onSelect = useCallback((image: Row, on: boolean) => toggle(keyOf(image), on), [toggle]);
  // Only rows still listed count: a removed image drops out of the selection by itself. Save
  // downloads from one engine: the toolbar engine's selected rows.
  const chosen = select.selection.filter((i) => i.engineId === engineId);
  const saveSelected = () =>
    save(
      chosen.map((i) => i.repoTag ?? i.id),
      chosen.length === 1 ? imageRef(chosen[0]!) : `${chosen.length} images`,
    );

  return (
    <main className="screen" aria-labelledby="images-heading">
      <header className="screen-header">
        <h1 id="images-heading">Images</h1>
        <div className="toolbar">
          <input
            type="text"
            aria-label="Filter images"
            placeholder="Filter by name, tag, id…"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={showDangling}
              onChange={(e) => setShowDangling(e.target.checked)}
            />
            Show dangling
          </label>
          <button type="button" onClick={() => setOpen({ kind: 'Search' })}>
            Search
          </button>
          <button type="button" onClick={() => setOpen({ kind: 'Build' })}>
            Build
          </button>
          {/* A label styled as a button: the file input itself stays the one named control. */}
          <label className="button-like">
            Load
            <input
              type="file"
              accept=".tar,application/x-tar"
              aria-label="Load images from a .tar file"
              className="visually-hidden"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void archive.load(file);
              }}
            />
          </label>
          {chosen.length > 0 && (
            <button type="button" onClick={saveSelected}>
              Save {chosen.length} selected
            </button>
          )}
          <button type="button" onClick={() => setOpen({ kind: 'Prune' })}>
            Prune
          </button>
        </div>
      </header>
      <div className="toolbar-engine">
        <EngineField
          value={engineId}
          onChange={setEngineId}
          label="Engine for the toolbar"
          hint="Pull, Search, Build, Load, Prune and Save selected go here; a row’s buttons go to that row’s engine."
        />
      </div>
      <PullForm
        busy={transfer.state?.phase === 'running'}
        onPull={(r, mode) => void pull(r, mode)}
      />
      {transfer.state && (
        <TransferPanel
          state={transfer.state}
          onCancel={transfer.cancel}
          onDismiss={transfer.dismiss}
          onRetry={transfer.retry}
        />
      )}
      {actions.runNow.isPending && <p role="status">Starting {actions.runNow.variables.ref}…</p>}
      {archive.progress && <ArchivePanel progress={archive.progress} onCancel={archive.cancel} />}
      {archive.message && <p role="status">{archive.message}</p>}
      <EngineFailures failures={list.failures} noun="images" />
      <ScreenBody list={list} noun="images">
        {() => (
          <table aria-label="Images" aria-busy={list.isPending} className="resource-table">
            <thead>
              <tr>
                <th scope="col">
                  <SelectAll {...select.all} onChange={select.setAll} />
                </th>
                <th scope="col">Image</th>
                {list.multi && <th scope="col">Engine</th>}
                <th scope="col">Id</th>
                <th scope="col">Size</th>
                <th scope="col">Created</th>
                <th scope="col">Containers</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((image) => (
                <ImageRow
                  key={keyOf(image)}
                  image={image}
                  multi={list.multi}
                  now={now}
                  busy={false}
                  selected={select.selected.has(keyOf(image))}
                  onSelect={onSelect}
                  onAction={onAction}
                />
              ))}
            </tbody>
          </table>
        )}
      </ScreenBody>
      <EmptyList
        total={list.data?.length}
        shown={rows.length}
        none="No images yet. Pull one above."
        filtered="No images match. Clear the filter or tick “Show dangling”."
      />
      {open?.kind === 'Tag' && (
        <TagDialog
          source={imageRef(open.image)}
          onCancel={() => setOpen(undefined)}
          onConfirm={(target) => {
            actions.tag.mutate({
              id: open.image.id,
              ref: imageRef(open.image),
              target,
              engineId: open.image.engineId,
            });
            setOpen(undefined);
          }}
        />
      )}
      {open?.kind === 'Remove' && (
        <RemoveImageDialog
          image={open.image}
          others={otherTags(
            (list.data ?? []).filter((i) => i.engineId === open.image.engineId),
            open.image,
          )}
          onCancel={() => setOpen(undefined)}
          onConfirm={(force) => {
            const image = open.image;
            actions.remove.mutate({
              id: image.repoTag ?? image.id,
              ref: imageRef(image),
              force,
              engineId: image.engineId,
            });
            setOpen(undefined);
          }}
        />
      )}
      {open?.kind === 'Inspect' && (
        <DetailsDialog
          engineId={open.image.engineId}
          id={open.image.id}
          name={imageRef(open.image)}
          onClose={() => setOpen(undefined)}
        />
      )}
      {open?.kind === 'Prune' && (
        <PruneDialog engineId={engineId} onClose={() => setOpen(undefined)} />
      )}
      {open?.kind === 'Build' && (
        <BuildDialog engineId={engineId} onClose={() => setOpen(undefined)} />
      )}
      {open?.kind === 'Search' && (
        <SearchDialog
          engineId={engineId}
          onClose={() => setOpen(undefined)}
          onPull={(name) => {
            setOpen(undefined);
            void pull(name, 'pull');
          }}
        />
      )}
      {actions.runForm && (
        <RunDialog
          initial={actions.runForm}
          engineId={actions.runForm.engineId ?? engineId}
          onClose={(result) => {
            const on = actions.runForm?.engineId ?? engineId;
            actions.closeRunForm();
            if (result) showContainer(on, result.id);
          }}
        />
      )}
    </main>
  );
}
