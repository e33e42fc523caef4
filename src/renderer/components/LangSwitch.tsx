import { useI18n } from '../i18n';

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.switchTitle')} data-testid="lang-switch">
      <button
        className={lang === 'vi' ? 'active' : ''}
        aria-pressed={lang === 'vi'}
        onClick={() => setLang('vi')}
        data-testid="lang-vi"
      >
        VI
      </button>
      <button
        className={lang === 'en' ? 'active' : ''}
        aria-pressed={lang === 'en'}
        onClick={() => setLang('en')}
        data-testid="lang-en"
      >
        EN
      </button>
    </div>
  );
}
