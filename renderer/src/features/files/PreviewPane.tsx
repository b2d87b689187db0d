import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import {
  IMAGE_PREVIEW_BYTES,
  PREVIEW_BYTES,
  type FileEntry,
  type FilePreview,
} from '../../../../contract';
import { download } from '../../api/client';
import { formatBytes } from '../../format/bytes';
import { fileQueries } from './queries';

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
  svg: 'image/svg+xml',
};

export const imageType = (path: string) =>
  IMAGE_TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()];

interface Props {
  engineId: string;
  id: string;
  path: string;
  entry: FileEntry;
}

/** The selected file: an image inline (a blob: URL), else its first 256 KiB as text. */
export function PreviewPane(props: Props) {
  const type = imageType(props.path);
  if (type && props.entry.size <= IMAGE_PREVIEW_BYTES)
    return <ImagePreview {...props} type={type} />;
  return <TextPreview {...props} />;
}

function ImagePreview({ engineId, id, path, type }: Props & { type: string }) {
  const [state, setState] = useState<{ path: string; url?: string; error?: string }>({ path });
  useEffect(() => {
    const abort = new AbortController();
    let url: string | undefined;
    download('files.download', { engineId, id, path }, { signal: abort.signal, type }).then(
      (blob) => {
        // Typed by its extension: the download body is plain bytes.
        url = URL.createObjectURL(new Blob([blob], { type }));
        setState({ path, url });
      },
      (e: unknown) => {
        if (!abort.signal.aborted) setState({ path, error: (e as Error).message });
      },
    );
    return () => {
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [engineId, id, path, type]);
  return (
    <section className="file-preview" aria-label={`Preview of ${path}`}>
      {state.path !== path || (!state.url && !state.error) ? (
        <p className="small">Reading {path}…</p>
      ) : state.error ? (
        <p className="file-note--error">{state.error}</p>
      ) : (
        <img src={state.url} alt={`Preview of ${path}`} className="file-preview-image" />
      )}
    </section>
  );
}

function TextPreview({ engineId, id, path }: Props) {
  const q = useQuery(fileQueries.preview(engineId, id, path));
  return (
    <section className="file-preview" aria-label={`Preview of ${path}`}>
      {q.isPending ? (
        <p className="small">Reading {path}…</p>
      ) : q.error ? (
        <p className="file-note--error">{q.error.message}</p>
      ) : q.data.binary ? (
        <p className="small">
          {path} looks binary ({formatBytes(q.data.size)}): download it to open it.
        </p>
      ) : (
        <Suspense fallback={<PlainText path={path} preview={q.data} />}>
          <HighlightedText path={path} preview={q.data} />
        </Suspense>
      )}
    </section>
  );
}

// Its own chunk; should it not arrive, the plain text stays.
const HighlightedText = lazy(() =>
  import('./HighlightedText').then(
    (m) => ({ default: m.HighlightedText }),
    () => ({ default: PlainText }),
  ),
);

function PlainText({ path, preview }: { path: string; preview: FilePreview }) {
  return (
    <>
      {preview.truncated && (
        <p className="small" role="note">
          Showing the first {formatBytes(PREVIEW_BYTES)} of {formatBytes(preview.size)}.
        </p>
      )}
      <pre className="file-preview-text mono" tabIndex={0} aria-label={`Text of ${path}`}>
        {preview.text}
      </pre>
    </>
  );
}
