/** Recovery codes, shown once after a first second factor: the officer confirms having saved them. */
import { useState } from 'react';
import { usePortalAuthT } from './i18n.js';

export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const { t } = usePortalAuthT();
  const [saved, setSaved] = useState(false);
  return (
    <div className="card" data-testid="recovery-codes">
      <h2>{t('recovery.title')}</h2>
      <p className="alert alert-warning">{t('recovery.once')}</p>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code data-testid="recovery-code">{code}</code>
          </li>
        ))}
      </ol>
      <label className="checkbox">
        <input type="checkbox" data-testid="recovery-saved" checked={saved} onChange={(e) => setSaved(e.target.checked)} />{' '}
        {t('recovery.saved')}
      </label>
      <button type="button" className="button button-primary" data-testid="recovery-continue" disabled={!saved} onClick={onSaved}>
        {t('recovery.continue')}
      </button>
    </div>
  );
}
