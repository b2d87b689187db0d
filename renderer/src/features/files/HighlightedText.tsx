// Loaded on demand by PreviewPane (the Files tab is part of the first screen's bundle): the
// language picker, the worker's URL and the block builder only come with the first text preview.
import { useEffect, useMemo, useRef, useState } from 'react';
import { PREVIEW_BYTES, type FilePreview } from '../../../../contract';
import { formatBytes } from '../../format/bytes';
import { HIGHLIGHT_BYTES, languageFor } from './language';
import { OPEN, type Highlighted } from './tokens';
import './highlight.css';

type Done = { key: string; highlighted: Highlighted };

/** Spans per block (at least); one block is added to the page per frame. */
const SPANS_PER_BLOCK = 3000;

/**
 * The text at once, plain; then, for a known language and a file of at most HIGHLIGHT_BYTES,
 * highlighted: tokenised in a worker (highlight.worker.ts) and its spans put in the page a
 * slice per frame, so the page stays responsive while a large file is highlighted.
 */
export function HighlightedText({ path, preview }: { path: string; preview: FilePreview }) {
  const { text, size, truncated } = preview;
  const language = useMemo(() => languageFor(path, text), [path, text]);
  const tooLarge = truncated || size > HIGHLIGHT_BYTES;
  const key = `${path}\0${size}\0${text.length}`;
  const [done, setDone] = useState<Done | undefined>();
  useEffect(() => {
    if (!language || tooLarge) return;
    const start = performance.now();
    let worker: Worker;
    try {
      worker = new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return; // no worker here: the plain text stays
    }
    worker.onmessage = (e: MessageEvent<{ highlighted: Highlighted | null; ms: number }>) => {
      worker.terminate();
      if (!e.data.highlighted) return;
      // Read by e2e/files-highlight.spec.ts, which reports it (no timed assertions).
      performance.measure('porthole.highlight.tokenise', {
        start,
        detail: { path, language, workerMs: e.data.ms },
      });
      setDone({ key, highlighted: e.data.highlighted });
    };
    worker.onerror = () => worker.terminate();
    worker.postMessage({ text, language });
    return () => worker.terminate();
  }, [key, path, text, language, tooLarge]);
  const highlighted = done?.key === key ? done.highlighted : undefined;
  return (
    <>
      {truncated && (
        <p className="small" role="note">
          Showing the first {formatBytes(PREVIEW_BYTES)} of {formatBytes(size)}
          {language ? ` as plain text: highlighting stops at ${formatBytes(HIGHLIGHT_BYTES)}` : ''}.
        </p>
      )}
      {highlighted ? (
        <TokenText
          key={key}
          path={path}
          language={language}
          text={text}
          highlighted={highlighted}
        />
      ) : (
        <pre className="file-preview-text mono" tabIndex={0} aria-label={`Text of ${path}`}>
          {text}
        </pre>
      )}
    </>
  );
}

/**
 * The highlighted text, built as DOM nodes a block per frame: text nodes and spans with
 * highlight.js's classes only (never HTML), outside React (which does not own this <pre>'s
 * children). Each block ends at a line break and is laid out only when scrolled near
 * (content-visibility), so 250 KiB of spans never costs one long layout. data-language is set
 * once every token is in.
 */
function TokenText(props: {
  path: string;
  language: string | undefined;
  text: string;
  highlighted: Highlighted;
}) {
  const { path, language, text, highlighted } = props;
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const pre = ref.current!;
    const { classes, ops } = highlighted;
    const start = performance.now();
    let op = 0; // index into ops (triples)
    let offset = 0; // into text
    let frame = 0;
    const step = () => {
      const block = document.createElement('span');
      block.className = 'hl-block';
      const stack: HTMLElement[] = [block];
      let spans = 0;
      let lines = 0;
      for (;;) {
        const to = op < ops.length ? ops[op + 2]! : text.length;
        if (to > offset) {
          let piece = text.slice(offset, to);
          const cut = piece.lastIndexOf('\n') + 1;
          // Enough spans, outside any span, at a line break: the block ends here.
          const end = spans >= SPANS_PER_BLOCK && stack.length === 1 && cut > 0;
          if (end) piece = piece.slice(0, cut);
          lines += piece.split('\n').length - 1;
          stack[stack.length - 1]!.append(piece);
          offset += piece.length;
          if (end) break;
        }
        if (op >= ops.length) break;
        if (ops[op] === OPEN) {
          const span = document.createElement('span');
          span.className = classes[ops[op + 1]!]!;
          stack[stack.length - 1]!.append(span);
          stack.push(span);
          spans++;
        } else stack.pop();
        op += 3;
      }
      block.style.containIntrinsicBlockSize = `auto ${Math.max(lines, 1) * 1.45}em`;
      pre.append(block);
      if (offset < text.length || op < ops.length) frame = requestAnimationFrame(step);
      else {
        pre.dataset.language = language;
        performance.measure('porthole.highlight.render', { start, detail: { path } });
      }
    };
    step();
    return () => cancelAnimationFrame(frame);
  }, [path, language, text, highlighted]);
  return (
    <pre
      ref={ref}
      className="file-preview-text mono hljs"
      tabIndex={0}
      aria-label={`Text of ${path}`}
    />
  );
}
