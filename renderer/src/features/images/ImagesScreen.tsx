import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ImageSummary } from '../../../../contract';
import { RunDialog } from '../containers/RunDialog';
import { ScreenBody } from '../../components/ScreenBody';
import { useEngine } from '../../engine/EngineContext';
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
import { TransferPanel } from './TransferPanel';
import { useArchive } from './useArchive';
import { showContainer, useImageActions } from './useImageActions';
import { useTransfer } from './useTransfer';
import './images.css';

type Open =
  | { kind: 'Tag' | 'Remove' | 'Inspect'; image: ImageSummary }
  | { kind: 'Prune' | 'Build' | 'Search' };

export function ImagesScreen() {
  const { engineId: queryEngineId } = useEngine();
  const engineId = queryEngineId ?? '';
  const list = useQuery({ ...imageQueries.list(engineId), enabled: !!queryEngineId });
  const [filter, setFilter] = useState('');
  const [showDangling, setShowDangling] = useState(false);
  const [open, setOpen] = useState<Open | undefined>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const transfer = useTransfer(engineId);
  const actions = useImageActions(engineId);
  const archive = useArchive(engineId);
  const now = useNow(true, 30_000);
  const rows = useMemo(
    () => visibleImages(list.data ?? [], filter, showDangling),
    [list.data, filter, showDangling],
  );
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
    (verb: ImageVerb, image: ImageSummary) => {
      const ref = imageRef(image);
      if (verb === 'Run') void openRunForm(image.repoTag ?? image.id);
      else if (verb === 'Push') void start('Push', ref);
      else if (verb === 'Save') save([image.repoTag ?? image.id], ref);
      else setOpen({ kind: verb, image });
    },
    [openRunForm, start, save],
  );

  const onSelect = useCallback((image: ImageSummary, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(rowKey(image));
      else next.delete(rowKey(image));
      return next;
    });
  }, []);
  // Only rows still listed count: a removed image drops out of the selection by itself.
  const chosen = rows.filter((i) => selected.has(rowKey(i)));
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
      <PullForm
        busy={transfer.state?.phase === 'running'}
        onPull={(r, mode) => void pull(r, mode)}
      />
      {transfer.state && (
        <TransferPanel
          state={transfer.state}
          onCancel={transfer.cancel}
          onDismiss={transfer.dismiss}
        />
      )}
      {actions.runNow.isPending && <p role="status">Starting {actions.runNow.variables.ref}…</p>}
      {archive.progress && (
        <div className="transfer-head">
          <strong>{archive.progress.label}</strong>
          <progress
            aria-label={archive.progress.label}
            max={100}
            {...(archive.progress.fraction === undefined
              ? {}
              : { value: Math.round(archive.progress.fraction * 100) })}
          />
        </div>
      )}
      {archive.message && <p role="status">{archive.message}</p>}
      <ScreenBody list={list} noun="images">
        {() => (
          <table aria-label="Images" aria-busy={list.isPending} className="resource-table">
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select all"
                    checked={rows.length > 0 && chosen.length === rows.length}
                    onChange={(e) =>
                      setSelected(e.target.checked ? new Set(rows.map(rowKey)) : new Set())
                    }
                  />
                </th>
                <th scope="col">Image</th>
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
                  key={rowKey(image)}
                  image={image}
                  now={now}
                  busy={false}
                  selected={selected.has(rowKey(image))}
                  onSelect={onSelect}
                  onAction={onAction}
                />
              ))}
            </tbody>
          </table>
        )}
      </ScreenBody>
      {list.data && rows.length === 0 && (
        <p className="empty">
          {list.data.length === 0
            ? 'No images yet. Pull one above.'
            : 'No images match. Clear the filter or tick “Show dangling”.'}
        </p>
      )}
      {open?.kind === 'Tag' && (
        <TagDialog
          source={imageRef(open.image)}
          onCancel={() => setOpen(undefined)}
          onConfirm={(target) => {
            actions.tag.mutate({ id: open.image.id, ref: imageRef(open.image), target });
            setOpen(undefined);
          }}
        />
      )}
      {open?.kind === 'Remove' && (
        <RemoveImageDialog
          image={open.image}
          others={otherTags(list.data ?? [], open.image)}
          onCancel={() => setOpen(undefined)}
          onConfirm={(force) => {
            const image = open.image;
            actions.remove.mutate({ id: image.repoTag ?? image.id, ref: imageRef(image), force });
            setOpen(undefined);
          }}
        />
      )}
      {open?.kind === 'Inspect' && (
        <DetailsDialog
          engineId={engineId}
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
          onClose={(result) => {
            actions.closeRunForm();
            if (result) showContainer(engineId, result.id);
          }}
        />
      )}
    </main>
  );
}
