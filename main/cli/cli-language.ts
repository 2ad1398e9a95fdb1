// The language the `wirebench` command speaks: `--lang` (anywhere on the line, before or after the
// subcommand) if given, else the locale of the shell (LC_ALL, LC_MESSAGES, LANG). Taken off the
// command line before the subcommand reads it, since it concerns every command alike.
import { catalogFor, languageFromLocaleEnv, LANGUAGES, type Language } from '../../shared/i18n/languages';

export type LanguageTaken =
  | { ok: true; language: Language; argv: string[] }
  /** A --lang we have no catalog for, or with no value: said in the locale's language (`language`). */
  | { ok: false; language: Language; value: string; languages: string };

export function takeLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LanguageTaken {
  const system = languageFromLocaleEnv(env);
  const rest: string[] = [];
  let asked: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') {
      asked = argv[i + 1] ?? '';
      i++;
    } else if (arg.startsWith('--lang=')) {
      asked = arg.slice('--lang='.length);
    } else {
      rest.push(arg);
    }
  }
  if (asked === undefined) return { ok: true, language: system, argv: rest };
  const language = catalogFor(asked);
  if (asked === '' || language === undefined) return { ok: false, language: system, value: asked, languages: LANGUAGES.join(', ') };
  return { ok: true, language, argv: rest };
}
