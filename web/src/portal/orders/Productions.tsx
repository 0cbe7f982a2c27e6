/**
 * What the platform produced for a data order, as packages to download (a zip of the files and a
 * manifest): each with its size, SHA-256, the files it holds and until when it can be downloaded.
 * The data is never shown here: the link saves the package.
 */
import { formatNumber, useLocale } from '../../i18n/index.js';
import { Instant } from './common.js';
import { usePortalDataT } from './data-i18n.js';
import type { AuthorityProduction } from './types.js';

export function Productions({ productions }: { productions: readonly AuthorityProduction[] }) {
  const { t } = usePortalDataT();
  const locale = useLocale();
  const kb = (size: number) => formatNumber(size / 1024, locale, { maximumFractionDigits: 1 });
  if (productions.length === 0) return <p className="muted">{t('productions.none')}</p>;
  return (
    <ul className="attachments">
      {productions.map((p) => (
        <li key={p.id} data-testid="portal-production" data-revoked={p.revoked ? 'true' : 'false'}>
          {p.revoked ? (
            <span>{p.fileName}</span>
          ) : (
            <a href={p.downloadUrl} download={p.fileName} data-testid="portal-production-download">
              {p.fileName}
            </a>
          )}{' '}
          <span className="muted">{t('productions.size', { size: kb(p.size) })}</span>
          <p className="sub">
            {p.revoked ? t('productions.revoked') : t('productions.availableUntil')}{' '}
            {p.revoked ? null : <Instant iso={p.availableUntil} />}
          </p>
          <p className="sub">
            {t('productions.sha256')} <code>{p.sha256}</code>
          </p>
          <ul>
            {p.files.map((f) => (
              <li key={f.name}>
                <code>{f.name}</code> <span className="muted">{t('productions.size', { size: kb(f.size) })}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
