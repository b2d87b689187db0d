/**
 * What a resource table says when it shows no row: that there is nothing yet (and how to make
 * some), or that the filter hides everything. Nothing while the list is still loading.
 */
export function EmptyList({
  total,
  shown,
  none,
  filtered,
}: {
  /** Items in the list, or undefined while it loads. */
  total: number | undefined;
  shown: number;
  none: string;
  filtered: string;
}) {
  if (total === undefined || shown > 0) return null;
  return <p className="empty">{total === 0 ? none : filtered}</p>;
}
