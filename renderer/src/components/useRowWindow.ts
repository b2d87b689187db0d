import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useState, type RefObject } from 'react';

/**
 * Up to this many rows every row is in the DOM (screen readers and find-in-page see all); the
 * list's filter finds any row beyond. Not more: at 200 rows, React's render of every row and
 * Chromium's first layout of them took ~500 ms of a cold start (#19), 34 elements a row.
 */
export const VIRTUALIZE_ABOVE = 100;

const OVERSCAN = 15;
const FIRST_OVERSCAN = 2;

/** False until the frame after the first virtual rows were committed: then true for good. */
function useFirstRowsShown(virtual: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!virtual || shown) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A timer from the next animation frame runs after that frame is painted.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setShown(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [virtual, shown]);
  return shown;
}

export interface RowWindow {
  /** Indexes of the rows to render. */
  indexes: number[];
  /** Spacer heights above and below the rendered rows, in px. */
  before: number;
  after: number;
  virtual: boolean;
  measure: ((el: Element | null) => void) | undefined;
}

/**
 * Table rows in a window: all of them for short lists, only the visible ones (plus overscan) for
 * long ones, with spacer rows keeping the scrollbar honest. Rows carry aria-rowindex so assistive
 * technology knows where it is in the whole list.
 */
export function useRowWindow(
  count: number,
  scrollRef: RefObject<HTMLElement | null>,
  rowHeight = 41,
): RowWindow {
  const virtual = count > VIRTUALIZE_ABOVE;
  const shown = useFirstRowsShown(virtual);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this build
  const virtualizer = useVirtualizer({
    count: virtual ? count : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // Rows past the edge smooth scrolling, but each costs ~0.6 ms to create (34 elements):
    // the first render makes only those in view, the rest come once they are painted (#19).
    overscan: shown ? OVERSCAN : FIRST_OVERSCAN,
    // Until the scroll box is measured (after the first commit) assume it is the window, so
    // that the first render has the rows in view and not only FIRST_OVERSCAN of them.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });
  if (!virtual) {
    return {
      indexes: Array.from({ length: count }, (_, i) => i),
      before: 0,
      after: 0,
      virtual,
      measure: undefined,
    };
  }
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    indexes: items.map((i) => i.index),
    before: first ? first.start : 0,
    after: last ? virtualizer.getTotalSize() - last.end : 0,
    virtual,
    measure: virtualizer.measureElement,
  };
}
