/** The history's lines of staged review (issue 12) read the event's stage, finding, outcome and countries in words. */
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { describe, expect, it } from 'vitest';
import commonEn from '../../web/src/i18n/locales/en/common.json' with { type: 'json' };
import en from '../../web/src/i18n/locales/en/stages.json' with { type: 'json' };
import commonRu from '../../web/src/i18n/locales/ru/common.json' with { type: 'json' };
import ru from '../../web/src/i18n/locales/ru/stages.json' with { type: 'json' };
import { stagesHistory } from '../../web/src/review/stages/history-lines.js';

type Event = Parameters<typeof stagesHistory.line>[2];
const event = (type: string, before: unknown, after: unknown) => ({ type, before, after }) as Event;
const utc = (iso: string) => iso;

describe('staged review in the history', () => {
  it('names each event and says its line, in English and Russian', async () => {
    const i18n = i18next.createInstance();
    await i18n.use(new ICU()).init({
      lng: 'en',
      resources: { en: { stages: en, common: commonEn }, ru: { stages: ru, common: commonRu } },
      initAsync: false,
    });
    const t = i18n.getFixedT('en');
    for (const type of ['review_finding', 'decision_proposed', 'decision_signed_off', 'proposal_rejected'])
      expect(stagesHistory.types.has(type)).toBe(true);
    expect(stagesHistory.types.has('item_decided')).toBe(false);
    expect(stagesHistory.label(t, 'decision_signed_off')).toBe('Decision signed off');
    expect(stagesHistory.line(t, utc, event('review_finding', null, { stage: 'legal', finding: 'unlawful_locally' }))).toBe(
      'Legal review: Unlawful where requested',
    );
    const restriction = { outcome: 'removed_legal', scopeCountries: ['KZ'] };
    expect(stagesHistory.line(t, utc, event('decision_proposed', null, restriction))).toContain(
      'KZ, waiting for a second person',
    );
    expect(stagesHistory.line(t, utc, event('decision_signed_off', null, restriction))).toContain('KZ, signed off');
    expect(stagesHistory.line(t, utc, event('proposal_rejected', restriction, null))).toMatch(
      /^The proposal \(.+\) was rejected$/,
    );
    expect(
      stagesHistory.line(i18n.getFixedT('ru'), utc, event('review_finding', null, { stage: 'human_rights', finding: 'object' })),
    ).toBe(`${commonRu.reviewStage.human_rights}: Возразить`);
  });
});
