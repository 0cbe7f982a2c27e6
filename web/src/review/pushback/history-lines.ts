/** The history's lines for contests, court challenges and the authority's answers (issue 12). */
import type { HistoryArea } from '../history-areas.js';

const types = ['pushback_filed', 'pushback_outcome_recorded', 'pushback_answer_recorded', 'pushback_answered'] as const;

const field = (value: unknown, key: string): string | undefined => {
  const v = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
};

export const pushbackHistory: HistoryArea = {
  types: new Set<string>(types),
  label: (t, type) => t(`pushback:history.type.${type}`, { defaultValue: type }),
  line: (t, utc, event) => {
    switch (event.type) {
      case 'pushback_filed': {
        const kind = t(`pushback:kind.${field(event.after, 'kind') ?? 'contest'}`);
        const court = field(event.after, 'court');
        return court
          ? t('pushback:history.filedInCourt', { kind, court, caseNumber: field(event.after, 'caseNumber') ?? '' })
          : kind;
      }
      case 'pushback_outcome_recorded': {
        const outcome = t(`pushback:outcome.${field(event.after, 'outcome') ?? 'pending'}`);
        const before = t(`pushback:outcome.${field(event.before, 'outcome') ?? 'pending'}`);
        const note = field(event.after, 'note');
        const line = t('pushback:history.outcome', { before, outcome });
        return note ? `${line} · ${note}` : line;
      }
      case 'pushback_answer_recorded': {
        const receivedAt = field(event.after, 'receivedAt');
        return receivedAt ? t('pushback:history.letter', { time: utc(receivedAt) }) : t('pushback:history.answer');
      }
      default:
        return t('pushback:history.answer');
    }
  },
};
