/** Published text with its redactions marked: each `[redacted]` is shown as a styled, announced mark. */
import { Fragment } from 'react';
import { useTranslation } from '../../i18n/index.js';

const REDACTED = '[redacted]';

export function RedactedText({ text }: { text: string }) {
  const { t } = useTranslation('records');
  const parts = text.split(REDACTED);
  return (
    <>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order, never reordered
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? (
            <mark className="redacted" title={t('record.redactedTitle')}>
              {t('record.redacted')}
            </mark>
          ) : null}
        </Fragment>
      ))}
    </>
  );
}
