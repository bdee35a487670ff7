import { useI18n } from '../i18n/i18n';

export function LanguageToggle() {
  const { t, language, setLanguage } = useI18n();
  return (
    <button
      type="button"
      className="link-button"
      lang={language === 'nl' ? 'en' : 'nl'}
      onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}
    >
      {t('language')}
    </button>
  );
}
