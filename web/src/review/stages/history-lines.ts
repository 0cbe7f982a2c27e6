/** The history's lines for stage findings, proposals and sign-offs (issue 12). */
import { reviewFindings, reviewStages } from '../../../../src/domain/review-vocabulary.js';
import { label } from '../../labels.js';
import type { HistoryArea } from '../history-areas.js';

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
const text = (value: unknown, key: string): string => {
  const v = field(value, key);
  return typeof v === 'string' ? v : '';
};
const countries = (value: unknown): string => {
  const v = field(value, 'scopeCountries');
  return Array.isArray(v) ? v.filter((c) => typeof c === 'string').join(', ') : '';
};

export const stagesHistory: HistoryArea = {
  types: new Set<string>(['review_finding', 'decision_proposed', 'decision_signed_off', 'proposal_rejected']),
  label: (t, type) => {
    switch (type) {
      case 'review_finding':
        return t('stages:history.type.review_finding');
      case 'decision_proposed':
        return t('stages:history.type.decision_proposed');
      case 'decision_signed_off':
        return t('stages:history.type.decision_signed_off');
      default:
        return t('stages:history.type.proposal_rejected');
    }
  },
  line: (t, _utc, event) => {
    switch (event.type) {
      case 'review_finding': {
        const stage = text(event.after, 'stage');
        const finding = text(event.after, 'finding');
        return t('stages:history.finding', {
          stage: (reviewStages as readonly string[]).includes(stage) ? t(`common:reviewStage.${stage}`) : stage,
          finding: (reviewFindings as readonly string[]).includes(finding) ? t(`stages:finding.${finding}`) : finding,
        });
      }
      case 'decision_proposed':
        return t('stages:history.proposed', {
          outcome: label(t, 'outcome', text(event.after, 'outcome')),
          countries: countries(event.after),
        });
      case 'decision_signed_off':
        return t('stages:history.signedOff', {
          outcome: label(t, 'outcome', text(event.after, 'outcome')),
          countries: countries(event.after),
        });
      default:
        return t('stages:history.rejected', { outcome: label(t, 'outcome', text(event.before, 'outcome')) });
    }
  },
};
