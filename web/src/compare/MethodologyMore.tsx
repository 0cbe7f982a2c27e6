/** The methodology page's later sections: item outcomes, comparisons, surges, vintages and limitations. */
import { Link } from 'react-router-dom';
import { Trans, useTranslation } from '../i18n/index.js';

/** The tags the page's prose may use: code, emphasis and variables. */
export const rich = { c: <code />, b: <strong />, v: <var /> };

function Outcomes() {
  const { t } = useTranslation('methodology');
  return (
    <section id="outcomes" aria-labelledby="outcomes-h">
      <h2 id="outcomes-h">{t('outcomes.heading')}</h2>
      <p>
        <Trans t={t} i18nKey="outcomes.intro" components={rich} />
      </p>
      <ul>
        <li>
          <Trans t={t} i18nKey="outcomes.exact" components={rich} />
        </li>
        <li>
          <Trans t={t} i18nKey="outcomes.estimate" components={rich} />
        </li>
      </ul>
      <p className="method-example">
        <Trans t={t} i18nKey="outcomes.example" components={rich} />
      </p>
      <p>{t('outcomes.before')}</p>
    </section>
  );
}

function Comparisons() {
  const { t } = useTranslation('methodology');
  return (
    <section id="comparisons" aria-labelledby="comparisons-h">
      <h2 id="comparisons-h">{t('comparisons.heading')}</h2>
      <dl className="method-terms">
        <dt>{t('comparisons.timeline.term')}</dt>
        <dd>{t('comparisons.timeline.text')}</dd>
        <dt>{t('comparisons.ranking.term')}</dt>
        <dd>{t('comparisons.ranking.text')}</dd>
        <dt>{t('comparisons.shares.term')}</dt>
        <dd>{t('comparisons.shares.text')}</dd>
      </dl>
    </section>
  );
}

function Surges() {
  const { t } = useTranslation('methodology');
  return (
    <section id="surges" aria-labelledby="surges-h">
      <h2 id="surges-h">{t('surges.heading')}</h2>
      <p>{t('surges.intro')}</p>
      <ol className="method-steps">
        <li>
          <Trans t={t} i18nKey="surges.baseline" components={rich} shouldUnescape />
        </li>
        <li>
          <Trans t={t} i18nKey="surges.median" components={rich} />
        </li>
        <li>
          <Trans t={t} i18nKey="surges.spread" components={rich} />
        </li>
        <li>
          <Trans t={t} i18nKey="surges.score" components={rich} />
        </li>
        <li>
          <Trans t={t} i18nKey="surges.surge" components={rich} />
        </li>
      </ol>
      <p>{t('surges.why')}</p>
      <p className="method-example">
        <Trans t={t} i18nKey="surges.example" components={{ ...rich, timeline: <Link to="/compare/KZ" /> }} shouldUnescape />
      </p>
      <p>{t('surges.itself')}</p>
    </section>
  );
}

function Vintages() {
  const { t } = useTranslation('methodology');
  return (
    <section id="vintages" aria-labelledby="vintages-h">
      <h2 id="vintages-h">{t('vintages.heading')}</h2>
      <p>
        <Trans t={t} i18nKey="vintages.text" components={rich} />
      </p>
    </section>
  );
}

function Limitations() {
  const { t } = useTranslation('methodology');
  return (
    <section id="limitations" aria-labelledby="limitations-h">
      <h2 id="limitations-h">{t('limitations.heading')}</h2>
      <ul>
        <li>{t('limitations.requester')}</li>
        <li>{t('limitations.estimated')}</li>
        <li>{t('limitations.restrictions')}</li>
        <li>{t('limitations.surges')}</li>
      </ul>
    </section>
  );
}

export function MethodologyMore() {
  return (
    <>
      <Outcomes />
      <Comparisons />
      <Surges />
      <Vintages />
      <Limitations />
    </>
  );
}
