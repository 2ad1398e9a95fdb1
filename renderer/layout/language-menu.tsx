// The header's language menu: System (what the system's language gives), English, 中文, Русский.
// The choice applies at once and is kept in the settings (renderer/settings/language-choice.ts).
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CHOICES, type Language, type LanguageChoice } from '../../shared/i18n/languages';
import { systemLanguage } from '../i18n';
import { useLanguageChoice } from '../settings/language-choice';

export function LanguageMenu() {
  const { t } = useTranslation();
  const [choice, choose] = useLanguageChoice();
  const name = (l: Language): string => t(`ui.language.names.${l}`);
  return (
    <label className="language-menu" title={t('ui.language.tip')}>
      <span className="visually-hidden">{t('ui.language.label')}</span>
      <select data-testid="language-menu" value={choice} onChange={(e) => choose(e.target.value as LanguageChoice)}>
        {LANGUAGE_CHOICES.map((c) => (
          <option key={c} value={c} lang={c === 'system' ? undefined : c}>
            {c === 'system' ? t('ui.language.system', { language: name(systemLanguage()) }) : name(c)}
          </option>
        ))}
      </select>
    </label>
  );
}
