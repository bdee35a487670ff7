import { useI18n } from '../i18n/i18n';
import { useTheme } from './theme';

/**
 * Dark on or off, remembered on this device. A pressed toggle ("Donkere weergave", pressed when
 * dark) rather than a word that flips: screen readers then say what it is and whether it is on.
 */
export function ThemeToggle() {
  const { t } = useI18n();
  const { theme, toggle } = useTheme();
  return (
    <button
      type="button"
      className="link-button theme-toggle"
      aria-pressed={theme === 'dark'}
      aria-label={t('theme.dark')}
      title={t('theme.dark')}
      data-testid="theme-toggle"
      onClick={toggle}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
    </button>
  );
}
