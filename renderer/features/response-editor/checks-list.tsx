// The checks under the editor: each problem the annotator found, in words, with the bytes it
// points at (a click selects them in the editor) and its one-click fixes. Also in the editor
// itself, as underlines with tooltips; this list is there so none is missed.
import { useTranslation } from 'react-i18next';
import { PROBLEM_SEVERITY } from '../../../shared/http/annotate/annotation';
import type { Fix } from '../../../shared/server/response-fixes';
import { fixLabel, problemText, type EditorChecks } from './response-checks';

interface ChecksListProps {
  checks: EditorChecks;
  onSelect: (from: number, to: number) => void;
  onFix: (fix: Fix) => void;
}

export function EditorChecksList({ checks, onSelect, onFix }: ChecksListProps) {
  const { t } = useTranslation();
  const count = checks.problems.length;
  return (
    <section className="editor-checks" data-testid="editor-checks" data-count={count} aria-label={t('ui.editor.checks.heading')}>
      <h4>
        {t('ui.editor.checks.headingWith', { summary: count === 0 ? t('ui.editor.checks.none') : t('ui.editor.checks.count', { count }) })}
      </h4>
      {count > 0 && (
        <>
          <ul>
            {checks.problems.map(({ problem, from, to, fixes }, i) => (
              <li key={i} className={`check check-${PROBLEM_SEVERITY[problem.code]}`} data-testid="editor-check" data-code={problem.code}>
                <button type="button" className="link check-where" onClick={() => onSelect(from, Math.max(to, from))}>
                  {problem.length <= 1
                    ? t('ui.editor.checks.oneByte', { from: problem.offset })
                    : t('ui.editor.checks.bytes', { from: problem.offset, to: problem.offset + problem.length - 1 })}
                </button>{' '}
                <span>{problemText(t, problem)}</span>
                {fixes.map((fix) => (
                  <button key={fix.code} type="button" className="small check-fix" data-testid="editor-fix" data-fix={fix.code} onClick={() => onFix(fix)}>
                    {t('ui.editor.checks.fix', { label: fixLabel(t, fix) })}
                  </button>
                ))}
              </li>
            ))}
          </ul>
          <p className="field-note">{t('ui.editor.checks.allowed')}</p>
        </>
      )}
    </section>
  );
}
