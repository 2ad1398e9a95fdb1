// The language the person picked in the header's menu, kept in the settings file's `language`
// section (shared/contract/app-settings.ts): "system" (the default) follows the system's language.
// Applied before the first draw (main.tsx waits for the settings), so the app does not open in
// one language and switch under the person's eyes.
import { useSyncExternalStore } from 'react';
import { DEFAULT_LANGUAGE_SECTION } from '../../shared/contract/app-settings';
import { resolveChoice, type LanguageChoice } from '../../shared/i18n/languages';
import { i18n, systemLanguage } from '../i18n';
import { loadedSection, saveSection } from './settings-sync';

let current: LanguageChoice = DEFAULT_LANGUAGE_SECTION.choice;
/** Set once the person picks a language: settings that arrive late (a slow host) do not undo it. */
let chosen = false;
const listeners = new Set<() => void>();

/** Switches every view's words, the page's `lang` (fonts, screen readers) and the window title. */
function apply(choice: LanguageChoice): void {
  current = choice;
  void i18n.changeLanguage(resolveChoice(choice, systemLanguage()));
  document.documentElement.lang = i18n.language;
  document.title = i18n.t('ui.app.title');
  for (const listener of listeners) listener();
}

/** At startup, once the settings are in: the kept choice, or the system's language. */
export function applyStoredLanguage(): void {
  if (chosen) return;
  apply(loadedSection('language')?.choice ?? DEFAULT_LANGUAGE_SECTION.choice);
}

/** The person's choice now, and a function that applies and keeps a new one. */
export function useLanguageChoice(): [LanguageChoice, (choice: LanguageChoice) => void] {
  const choice = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
  const choose = (next: LanguageChoice): void => {
    chosen = true;
    apply(next);
    saveSection('language', { choice: next });
  };
  return [choice, choose];
}
