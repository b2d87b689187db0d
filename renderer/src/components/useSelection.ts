import { useCallback, useMemo, useState } from 'react';

interface Identified {
  id: string;
}

/** What tells two rows apart. Default: the `id`; a list whose ids repeat passes its own. */
export type KeyOf<T> = (item: T) => string;
const byId: KeyOf<Identified> = (item) => item.id;

/** The selected keys that still exist: rows that went away drop out of the selection. Pure. */
export function liveSelection<T extends Identified>(
  ids: ReadonlySet<string>,
  all: readonly T[],
  key: KeyOf<T> = byId,
): Set<string> {
  return new Set(all.map(key).filter((k) => ids.has(k)));
}

/** Adds or removes one key, leaving the set it was given alone. Pure. */
export function toggled(ids: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(ids);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

export interface SelectAllState {
  checked: boolean;
  /** Some visible rows are selected, not all. */
  indeterminate: boolean;
  /** No visible rows. */
  disabled: boolean;
}

/** The "Select all" box: ticked when every visible row is, mixed when only some are. Pure. */
export function selectAllState<T extends Identified>(
  selected: ReadonlySet<string>,
  visible: readonly T[],
  key: KeyOf<T> = byId,
): SelectAllState {
  const n = visible.filter((item) => selected.has(key(item))).length;
  const checked = visible.length > 0 && n === visible.length;
  return { checked, indeterminate: n > 0 && !checked, disabled: visible.length === 0 };
}

/**
 * Per-row checkboxes plus "Select all" over a filtered list. `all` is every row that exists,
 * `visible` what the filter lets through: "Select all" selects the visible rows, and the
 * selection a bulk action gets is the visible selected rows, in their visible order. `key`
 * must be stable (a module-level function): it is a dependency of every memo here.
 */
export function useSelection<T extends Identified>(
  all: readonly T[],
  visible: readonly T[],
  key: KeyOf<T> = byId,
) {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => new Set());
  const selected = useMemo(() => liveSelection(ids, all, key), [ids, all, key]);
  const selection = useMemo(
    () => visible.filter((item) => selected.has(key(item))),
    [visible, selected, key],
  );
  // Stable, so memoised rows do not re-render when another row is ticked.
  const toggle = useCallback((id: string, on: boolean) => setIds((s) => toggled(s, id, on)), []);
  const setAll = useCallback(
    (on: boolean) => setIds(on ? new Set(visible.map(key)) : new Set()),
    [visible, key],
  );
  const clear = useCallback(() => setIds(new Set()), []);
  const allState = useMemo(() => selectAllState(selected, visible, key), [selected, visible, key]);
  return { selected, selection, toggle, setAll, clear, all: allState };
}

export type Selection<T extends Identified> = ReturnType<typeof useSelection<T>>;
