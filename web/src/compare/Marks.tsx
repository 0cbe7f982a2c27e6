/** Small marks shared by the comparison tables: a share as a bar, and a surge flag. */
import { useTranslation } from '../i18n/index.js';
import { share } from './format.js';

export function ShareBar({ value, color, label }: { value: number | null; color: string; label: string }) {
  const { t } = useTranslation('compare');
  if (value === null)
    return (
      <span className="muted" title={t('marks.noReasons', { label })}>
        –<span className="visually-hidden"> {t('marks.noReasons', { label })}</span>
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
  const { t } = useTranslation('compare');
  const baseline =
    baselineMedian === undefined || baselineMedian === null ? '' : t('marks.againstUsual', { median: baselineMedian });
  const why = score === null ? '' : ` ${t('marks.score', { score: score.toFixed(1), baseline })}`;
  return (
    <span
      className="surge-flag"
      data-testid={tagged ? 'surge-flag' : undefined}
      data-period={period}
      data-source={source}
      title={t('marks.surgeTitle', { period, why })}
    >
      <span aria-hidden="true">▲</span> {t('marks.surge')}
    </span>
  );
}
