// "Run your own program against this": the lesson's client program with the port filled in, to
// copy and run with python3 against Wirebench's server. And, for the lessons a browser can
// follow, a link that opens the server's page in the browser (its extra requests show in the
// journal): a plain link in a new tab, which the Electron host hands to the system browser
// (main/electron/navigation-policy.ts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonProgram } from '../../../shared/lessons/lesson-types';
import { lessonBrowserUrl } from '../../../shared/lessons/lessons';

type CopyState = 'idle' | 'copied' | 'failed';

export function RunYourOwn({ program }: { program: LessonProgram }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');
  const onCopy = (): void => {
    // The clipboard may be refused (an insecure origin, a denied permission): say so, the text stays selectable.
    navigator.clipboard.writeText(program.text).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };
  return (
    <details className="lesson-own" data-testid="lesson-own">
      <summary>{t('ui.lessons.own.heading')}</summary>
      <p>{t('ui.lessons.own.text', { file: program.file })}</p>
      <pre className="lesson-own-code" data-testid="lesson-own-code" tabIndex={0}>
        {program.text}
      </pre>
      <div className="lesson-own-actions">
        <button type="button" data-testid="lesson-copy" onClick={onCopy}>
          {copy === 'copied' ? t('ui.lessons.own.copied') : t('ui.lessons.own.copy')}
        </button>
      </div>
      {copy === 'failed' && (
        <p className="message message-error" role="alert">
          {t('ui.lessons.own.copyFailed')}
        </p>
      )}
    </details>
  );
}

export function BrowserLink({ port }: { port: number }) {
  const { t } = useTranslation();
  return (
    <a className="lesson-browser" href={lessonBrowserUrl(port)} target="_blank" rel="noopener noreferrer" data-testid="lesson-browser" title={t('ui.lessons.own.browserTip', { port })}>
      {t('ui.lessons.own.browser')}
    </a>
  );
}
