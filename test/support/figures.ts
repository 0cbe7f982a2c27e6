/** User figures for the obligations register's tests, each with an id of its own. */
import type { UserFigure } from '../../src/domain/regimes/obligations.js';
import type { CoverageMetric } from '../../src/domain/regimes/vocabulary.js';

let n = 0;
export const figure = (country: string, metric: CoverageMetric, value: number, measuredOn: string): UserFigure => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  country,
  metric,
  value,
  measuredOn,
  note: null,
});
