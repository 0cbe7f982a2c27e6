/** The history's lines for an order's publication (issue 13): approved, published, corrected, withdrawn. */
import type { HistoryArea } from '../history-areas.js';

const types = ['publication.approved', 'publication.published', 'publication.corrected', 'publication.withdrawn'] as const;

const field = (value: unknown, key: string): string | number | undefined => {
  const v = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
};

export const publicationHistory: HistoryArea = {
  types: new Set<string>(types),
  label: (t, type) => t(`publications:history.type.${type.replace('publication.', '')}`, { defaultValue: type }),
  line: (t, utc, event) => {
    const publicId = String(field(event.after, 'publicId') ?? '');
    switch (event.type) {
      case 'publication.approved': {
        const after = field(event.after, 'publishAfter');
        return t('publications:history.approved', { publicId, time: typeof after === 'string' ? utc(after) : '' });
      }
      case 'publication.published':
        return t('publications:history.published', { publicId });
      case 'publication.corrected':
        return t('publications:history.corrected', {
          publicId,
          version: Number(field(event.after, 'version') ?? 0),
          note: event.note ?? '',
        });
      default:
        return t('publications:history.withdrawn', { publicId, reason: event.note ?? '' });
    }
  },
};
