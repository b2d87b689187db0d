interface Props {
  label: string;
  values: number[];
  /** The top of the scale; defaults to the largest value. */
  max?: number;
  width?: number;
  height?: number;
}

/** A small SVG line chart; the figure itself is in the text next to it. */
export function Sparkline({ label, values, max, width = 220, height = 48 }: Props) {
  const top = Math.max(max ?? 0, ...values, 1e-9);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values.map(
    (v, i) => `${(i * step).toFixed(1)},${(height - (v / top) * (height - 2) - 1).toFixed(1)}`,
  );
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <rect x="0" y="0" width={width} height={height} className="sparkline-bg" />
      {points.length > 1 && (
        <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" />
      )}
    </svg>
  );
}
