/** Each item's review stage and who must act next, as a compact table above the items (issue 12). */
import type { RequestDetail } from '../../api.js';
import { useTranslation } from '../../i18n/index.js';

export function StagesSummary({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('stages');
  // Orders decided in one step, as before staged review, need no table.
  const staged = request.items.filter(
    (item) =>
      item.review.stages.length > 0 ||
      item.review.sensitive ||
      item.review.proposal !== null ||
      !['decide', 'done'].includes(item.review.next.step),
  );
  if (staged.length === 0) return null;
  return (
    <section className="card" data-testid="stages-summary" aria-labelledby="stages-summary-title">
      <h2 id="stages-summary-title">{t('summary.title')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('summary.item')}</th>
            <th scope="col">{t('summary.next')}</th>
            <th scope="col">{t('summary.waitingFor')}</th>
            <th scope="col">{t('summary.topics')}</th>
          </tr>
        </thead>
        <tbody>
          {request.items.map((item) => (
            <tr key={item.id} data-testid="stages-summary-row" data-item-id={item.id} data-next={item.review.next.step}>
              <td>{item.position + 1}</td>
              <td>{t(`next.${item.review.next.step}`)}</td>
              <td>
                {item.review.next.step === 'done' ? '' : item.review.next.roles.map((r) => t(`common:role.${r}`)).join(', ')}
              </td>
              <td>{item.review.topics.map((topic) => t(`common:sensitiveTopic.${topic}`)).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
