/**
 * The methodology's part that the code writes (issue 13): every definition read from
 * GET /api/v1/public/methodology, which takes them from the domain's own constants, so that this
 * page cannot drift from what the code counts, publishes and redacts.
 */
import { useQuery } from '@tanstack/react-query';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { useTranslation } from '../../i18n/index.js';
import { label } from '../../labels.js';
import { siteQueries } from './site-api.js';

function Terms({ id, heading, caption, terms }: { id: string; heading: string; caption: string; terms: [string, string][] }) {
  return (
    <>
      <h3 id={id}>{heading}</h3>
      <div className="table-wrap">
        <table className="table method-table" data-testid={`method-${id}`}>
          <caption className="visually-hidden">{caption}</caption>
          <tbody>
            {terms.map(([code, words]) => (
              <tr key={code}>
                <th scope="row">
                  <code>{code}</code>
                </th>
                <td>{words}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function SiteMethodology() {
  const { t } = useTranslation('site');
  const { data: m, error } = useQuery(siteQueries.methodology());
  return (
    <section id="site-definitions" aria-labelledby="site-definitions-h">
      <h2 id="site-definitions-h">{t('methodology.heading')}</h2>
      <p>{t('methodology.lede')}</p>
      {error ? <ProblemMessage error={error} /> : null}
      {!m && !error ? <Loading what="methodology" /> : null}
      {m ? (
        <>
          <Terms
            id="site-outcomes"
            heading={t('methodology.outcomes')}
            caption={t('methodology.outcomes')}
            terms={m.outcomes.map((o) => [o.key, label(t, 'outcome', o.key)])}
          />
          <h3 id="site-reasons">{t('methodology.reasons')}</h3>
          <p>{t('methodology.reasonsNote', { count: m.reasons.length })}</p>
          <ul className="method-list" data-testid="method-reasons">
            {m.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <Terms
            id="site-authority-kinds"
            heading={t('methodology.authorityKinds')}
            caption={t('methodology.authorityKinds')}
            terms={m.authorityKinds.map((k) => [k, label(t, 'authorityKind', k)])}
          />
          <Terms
            id="site-request-kinds"
            heading={t('methodology.requestKinds')}
            caption={t('methodology.requestKinds')}
            terms={m.requestKinds.map((k) => [k, label(t, 'requestKind', k)])}
          />
          <h3 id="site-periods">{t('methodology.periods')}</h3>
          <p>
            <code>{m.periods.pattern}</code> — {t('methodology.periodsNote', { example: m.periods.example })}
          </p>
          <Terms
            id="site-deadline-bases"
            heading={t('methodology.deadlineBases')}
            caption={t('methodology.deadlineBases')}
            terms={m.deadlineBases.map((b) => [b, label(t, 'basis', b)])}
          />
          <Terms
            id="site-record-fields"
            heading={t('methodology.recordFields')}
            caption={t('methodology.recordFields')}
            terms={m.publicRecordFields.map((f) => [f.field, f.description])}
          />
          <h3 id="site-redaction">{t('methodology.redaction')}</h3>
          <p>{t('methodology.redactionNote', { fields: m.redactableFields.join(', ') })}</p>
          <ul className="method-list" data-testid="method-personal-data">
            {m.personalDataKinds.map((k) => (
              <li key={k}>
                <code>{k}</code> — {t(`methodology.personalData.${k}`, { defaultValue: k })}
              </li>
            ))}
          </ul>
          <h3 id="site-log">{t('methodology.log')}</h3>
          <p data-testid="method-log">
            {t('methodology.logNote', {
              standard: m.log.standard,
              hash: m.log.hash,
              leaf: m.log.leafPrefix,
              node: m.log.nodePrefix,
              kinds: m.log.entryKinds.join(', '),
              checkpoint: m.log.checkpoint,
            })}
          </p>
        </>
      ) : null}
    </section>
  );
}
