/** The reader's choice of language, in every layout: each language named in itself, the choice kept for the next visit. */
import { chooseLanguage, isLanguage, languageName, languages, useTranslation } from '../i18n/index.js';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('common');
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('language.choose')}</span>
      <select
        value={current}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void chooseLanguage(event.target.value);
        }}
        data-testid="language-switcher"
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageName(language, language)}
          </option>
        ))}
      </select>
    </label>
  );
}
