/** Loading, error and notice boxes shared by every page. */
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/index.js';
import type { ApiError } from '../problem.js';

/** `what`: a key of `common:loadingWhat` (`report`, `queue`, …); other text is shown as it is. */
export function Loading({ what }: { what: string }) {
  const { t } = useTranslation('common');
  return (
    <p className="loading" role="status">
      {t('loading', { what: t(`loadingWhat.${what}`, { defaultValue: what }) })}
    </p>
  );
}

/** A problem from the API: its detail in words, its title and code for those who report bugs. */
export function ProblemMessage({ error, children }: { error: ApiError; children?: ReactNode }) {
  const { t } = useTranslation('common');
  const { title, detail, code } = error.problem;
  return (
    <div className="alert alert-error" role="alert">
      {title ? <p className="alert-title">{title}</p> : null}
      <p>{detail}</p>
      {children}
      <p className="alert-code">{t('problem.code', { code })}</p>
    </div>
  );
}

export function DemoBanner({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <div className="alert alert-demo" role="note">
      <p>
        <span className="badge badge-demo">{t('demo.badge')}</span> {children}
      </p>
    </div>
  );
}

/** The demo badge; `title` says what is made up where the general words would not (a demo pressure event). */
export function DemoBadge({ title, testId }: { title?: string; testId?: string } = {}) {
  const { t } = useTranslation('common');
  return (
    <span className="badge badge-demo" title={title ?? t('demo.title')} data-testid={testId}>
      {t('demo.badge')}
    </span>
  );
}
