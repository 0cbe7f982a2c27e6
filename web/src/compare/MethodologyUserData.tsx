/**
 * The methodology page's user-data section: how the user-data report counts, and each of its
 * figures beside the column of Meta's layout C it compares with. The table is generated from
 * `metaColumns` (src/domain/data-report.ts), the constant the report is tested against, so that the
 * page and the code cannot drift.
 */
import { metaColumns } from '../../../src/contracts/data-reports.js';
import { useTranslation } from '../i18n/index.js';

export function MethodologyUserData() {
  const { t } = useTranslation('data-report');
  return (
    <section id="user-data" aria-labelledby="user-data-h">
      <h2 id="user-data-h">{t('methodology.title')}</h2>
      <p>{t('methodology.counting')}</p>
      <p>{t('methodology.intro')}</p>
      <div className="table-wrap">
        <table className="table table-compact" data-testid="user-data-mapping">
          <thead>
            <tr>
              <th scope="col">{t('methodology.figure')}</th>
              <th scope="col">{t('methodology.column')}</th>
            </tr>
          </thead>
          <tbody>
            {metaColumns.map((m) => (
              <tr key={m.figure} data-testid="user-data-mapping-row" data-figure={m.figure}>
                <th scope="row">
                  <code>{m.figure}</code>
                </th>
                <td data-testid="user-data-meta-column">
                  {m.meta ? m.meta.map((c, n) => [n > 0 ? ' + ' : '', <q key={c}>{c}</q>]) : <em>{t('methodology.noColumn')}</em>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t('methodology.perProcess')}</p>
      <p>{t('methodology.rounding')}</p>
    </section>
  );
}
