/**
 * /methodology: how the comparison pages count (docs/methodology.md, written out for readers).
 * The later sections — outcomes, comparisons, surges, vintages, limitations — are in MethodologyMore.
 * Its text is in the `methodology` catalogue; markup in the prose comes through <Trans> (`rich`).
 */
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useDocumentTitle } from '../components/Layout.js';
import { Trans, useTranslation } from '../i18n/index.js';
import { SiteMethodology } from '../public/site/SiteMethodology.js';
import { MethodologyMore, rich } from './MethodologyMore.js';
import { MethodologyUserData } from './MethodologyUserData.js';
import './methodology.css';

/** The sources' identifiers, shown as written (not translated). */
const sourceIds = {
  google: 'google-removals',
  json: 'google-removals-json',
  meta: 'meta-data-requests',
  restrictions: 'meta-content-restrictions',
};

function Sources() {
  const { t } = useTranslation('methodology');
  return (
    <section id="sources" aria-labelledby="sources-h">
      <h2 id="sources-h">{t('sources.heading')}</h2>
      <div className="table-wrap">
        <table className="table method-table">
          <caption className="visually-hidden">{t('sources.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sources.source')}</th>
              <th scope="col">{t('sources.what')}</th>
              <th scope="col">{t('sources.counts')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                <code>{sourceIds.google}</code>
              </th>
              <td>
                <Trans t={t} i18nKey="sources.googleWhat" components={rich} />
              </td>
              <td>{t('sources.googleCounts')}</td>
            </tr>
            <tr>
              <th scope="row">
                <code>{sourceIds.json}</code>
              </th>
              <td>
                <Trans t={t} i18nKey="sources.jsonWhat" components={rich} />
              </td>
              <td>{t('sources.jsonCounts')}</td>
            </tr>
            <tr>
              <th scope="row">
                <code>{sourceIds.meta}</code>
              </th>
              <td>{t('sources.metaWhat')}</td>
              <td>{t('sources.metaCounts')}</td>
            </tr>
            <tr>
              <th scope="row">
                <code>{sourceIds.restrictions}</code>
              </th>
              <td>
                <Trans t={t} i18nKey="sources.restrictionsWhat" components={rich} />
              </td>
              <td>{t('sources.restrictionsCounts')}</td>
            </tr>
            <tr>
              <th scope="row">{t('sources.platform')}</th>
              <td>{t('sources.platformWhat')}</td>
              <td>{t('sources.platformCounts')}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Periods() {
  const { t } = useTranslation('methodology');
  return (
    <section id="periods" aria-labelledby="periods-h">
      <h2 id="periods-h">{t('periods.heading')}</h2>
      <p>
        <Trans t={t} i18nKey="periods.text" components={{ ...rich, reports: <Link to="/reports" /> }} />
      </p>
    </section>
  );
}

function Reading() {
  const { t } = useTranslation('methodology');
  return (
    <section id="reading" aria-labelledby="reading-h">
      <h2 id="reading-h">{t('reading.heading')}</h2>
      <ul>
        <li>
          <Trans t={t} i18nKey="reading.numbers" components={rich} />
        </li>
        <li>
          <Trans t={t} i18nKey="reading.blank" components={rich} />
        </li>
        <li>
          <Trans t={t} i18nKey="reading.zero" components={rich} />
        </li>
        <li>
          <Trans t={t} i18nKey="reading.fewerThanTen" components={rich} shouldUnescape />
        </li>
        <li>
          <Trans t={t} i18nKey="reading.unknown" components={rich} />
        </li>
        <li>
          <Trans t={t} i18nKey="reading.range" components={rich} />
        </li>
        <li>
          <Trans t={t} i18nKey="reading.other" components={rich} />
        </li>
      </ul>
      <p>{t('reading.countries')}</p>
    </section>
  );
}

function Definitions() {
  const { t } = useTranslation('methodology');
  return (
    <section id="definitions" aria-labelledby="definitions-h">
      <h2 id="definitions-h">{t('definitions.heading')}</h2>
      <dl className="method-terms">
        <dt>{t('definitions.requests.term')}</dt>
        <dd>{t('definitions.requests.text')}</dd>
        <dt>{t('definitions.items.term')}</dt>
        <dd>{t('definitions.items.text')}</dd>
        <dt>{t('definitions.accounts.term')}</dt>
        <dd>{t('definitions.accounts.text')}</dd>
        <dt>{t('definitions.produced.term')}</dt>
        <dd>{t('definitions.produced.text')}</dd>
        <dt>{t('definitions.kinds.term')}</dt>
        <dd>{t('definitions.kinds.text')}</dd>
        <dt>{t('definitions.breakdowns.term')}</dt>
        <dd>{t('definitions.breakdowns.text')}</dd>
        <dt>{t('definitions.toDate.term')}</dt>
        <dd>{t('definitions.toDate.text')}</dd>
        <dt>{t('definitions.absent.term')}</dt>
        <dd>{t('definitions.absent.text')}</dd>
      </dl>
    </section>
  );
}

function MostPrecise() {
  const { t } = useTranslation('methodology');
  return (
    <section id="precise" aria-labelledby="precise-h">
      <h2 id="precise-h">{t('precise.heading')}</h2>
      <p>{t('precise.intro')}</p>
      <div className="table-wrap">
        <table className="table method-table">
          <caption className="visually-hidden">{t('precise.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('precise.figure')}</th>
              <th scope="col">{t('precise.takenFrom')}</th>
              <th scope="col">{t('precise.why')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('precise.requests.figure')}</th>
              <td>
                <ol>
                  <li>{t('precise.requests.first')}</li>
                  <li>{t('precise.requests.second')}</li>
                  <li>{t('precise.requests.third')}</li>
                  <li>{t('precise.requests.fourth')}</li>
                </ol>
              </td>
              <td>{t('precise.requests.why')}</td>
            </tr>
            <tr>
              <th scope="row">{t('precise.items.figure')}</th>
              <td>
                <ol>
                  <li>{t('precise.items.first')}</li>
                  <li>{t('precise.items.second')}</li>
                  <li>{t('precise.items.third')}</li>
                </ol>
              </td>
              <td>{t('precise.items.why')}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>{t('precise.historical')}</p>
    </section>
  );
}

export function MethodologyPage() {
  const { t } = useTranslation('methodology');
  useDocumentTitle(t('title'));
  const { hash } = useLocation();
  // A link such as /methodology#surges lands on its section (the router does not scroll to it).
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);
  const contents: [id: string, title: string][] = [
    ['sources', t('contents.sources')],
    ['periods', t('contents.periods')],
    ['reading', t('contents.reading')],
    ['definitions', t('contents.definitions')],
    ['precise', t('contents.precise')],
    ['outcomes', t('contents.outcomes')],
    ['comparisons', t('contents.comparisons')],
    ['surges', t('contents.surges')],
    ['vintages', t('contents.vintages')],
    ['limitations', t('contents.limitations')],
    ['user-data', t('data-report:methodology.title')],
    ['site-definitions', t('site:methodology.heading')],
  ];
  return (
    <article className="page methodology-page">
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/compare">{t('back')}</Link>
        </p>
        <h1>{t('heading')}</h1>
        <p className="lede">{t('lede')}</p>
      </div>
      <nav aria-label={t('onThisPage')} className="card method-contents">
        <h2 className="method-contents-title">{t('onThisPage')}</h2>
        <ol>
          {contents.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="method-body">
        <Sources />
        <Periods />
        <Reading />
        <Definitions />
        <MostPrecise />
        <MethodologyMore />
        <MethodologyUserData />
        <SiteMethodology />
      </div>
    </article>
  );
}
