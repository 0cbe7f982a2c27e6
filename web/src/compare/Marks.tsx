/** Small marks shared by the comparison tables: a share as a bar, and a surge flag. */
import { share } from './format.js';

export function ShareBar({ value, color, label }: { value: number | null; color: string; label: string }) {
  if (value === null)
    return (
      <span className="muted" title={`${label}: no reasons published`}>
        –<span className="visually-hidden"> {label}: no reasons published</span>
      </span>
    );
  return (
    <span className="share-cell" title={`${label}: ${share(value)}`}>
      <span className="share-bar" aria-hidden="true">
        <span className="share-bar-fill" style={{ width: `${Math.min(100, value * 100)}%`, background: color }} />
      </span>
      <span className="share-value">
        <span className="visually-hidden">{label}: </span>
        {share(value)}
      </span>
    </span>
  );
}

type SurgeProps = {
  period: string;
  score: number | null;
  source?: string;
  /** false for a second copy of the flag shown only on narrow screens. */
  tagged?: boolean;
  /** The median of the baseline half-years, shown in the tooltip. */
  baselineMedian?: number | null;
};

export function SurgeFlag({ period, score, source, tagged = true, baselineMedian }: SurgeProps) {
  const baseline = baselineMedian === undefined || baselineMedian === null ? '' : `, against a usual ${baselineMedian}`;
  const why = score === null ? '' : ` (score ${score.toFixed(1)}${baseline})`;
  return (
    <span
      className="surge-flag"
      data-testid={tagged ? 'surge-flag' : undefined}
      data-period={period}
      data-source={source}
      title={`Surge in ${period}: requests far above this country's own recent history${why}`}
    >
      <span aria-hidden="true">▲</span> Surge
    </span>
  );
}
