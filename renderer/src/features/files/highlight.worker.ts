// Tokenises one file off the main thread: 250 KiB of JSON takes highlight.js most of a second,
// which on the page would freeze it. PreviewPane starts one worker per highlight and terminates
// it when the file changes, which also cancels a tokenisation under way.
import { highlightText } from './highlight';
import type { Language } from './language';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ text: string; language: Language }>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

scope.onmessage = (e) => {
  const start = performance.now();
  const highlighted = highlightText(e.data.text, e.data.language) ?? null;
  const ms = performance.now() - start;
  // The events' buffer is transferred, not copied.
  scope.postMessage({ highlighted, ms }, highlighted ? [highlighted.ops.buffer] : []);
};
