import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from './tablePrefs';

/** One arrow key press; Shift moves five times as far. */
export const RESIZE_STEP = 16;

interface Props {
  /** The column's visible name: the handle reads "Resize column NAME". */
  label: string;
  /** The column's width in px now (remembered or default). */
  width: number;
  onResize(px: number): void;
}

/**
 * The handle at a resizable column header's right edge: a focusable vertical separator (the
 * ARIA window-splitter pattern) whose value is the column's width in px. ←/→ narrow or widen it,
 * Home/End go to the limits, a pointer drags it. The new width is stored as it changes, so it
 * outlives a reload (tablePrefs.useColumnWidths).
 */
export function ColumnResizer({ label, width, onResize }: Props) {
  const drag = useRef<{ x: number; width: number } | undefined>(undefined);
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? RESIZE_STEP * 5 : RESIZE_STEP;
    const next =
      e.key === 'ArrowLeft'
        ? width - step
        : e.key === 'ArrowRight'
          ? width + step
          : e.key === 'Home'
            ? MIN_COLUMN_WIDTH
            : e.key === 'End'
              ? MAX_COLUMN_WIDTH
              : undefined;
    if (next === undefined) return;
    // The arrows would otherwise scroll the screen sideways, or reach the table's row keys.
    e.preventDefault();
    e.stopPropagation();
    onResize(next);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { x: e.clientX, width };
  };
  const onPointerMove = (e: PointerEvent) => {
    if (drag.current) onResize(drag.current.width + e.clientX - drag.current.x);
  };
  const end = () => {
    drag.current = undefined;
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize column ${label}`}
      aria-valuenow={width}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      tabIndex={0}
      className="column-resizer"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      // A click on the handle is not a click on the header's sort button.
      onClick={(e) => e.stopPropagation()}
    />
  );
}
