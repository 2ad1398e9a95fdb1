// What a panel shows in its place when it failed to draw: its name, a sentence saying what is
// missing (the error's message is a detail below it, not the sentence), "Copy details" for a bug
// report and "Reload this panel". role="alert" so a screen reader hears it when it appears; the
// buttons are ordinary buttons, reachable by Tab.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { detailsText, errorMessage, type PanelFailure } from './error-details';
import './panel-fallback.css';

interface PanelFallbackProps {
  failure: PanelFailure;
  onReload: () => void;
  /** Classes of the box, so a top-level panel keeps its place in the workbench's grid. */
  className?: string;
}

type Copy = 'idle' | 'copied' | 'failed';

export function PanelFallback({ failure, onReload, className }: PanelFallbackProps) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<Copy>('idle');
  const [open, setOpen] = useState(false);
  const details = detailsText(failure, t);
  const message = errorMessage(failure.error) || t('ui.boundary.noMessage');

  const copyDetails = async (): Promise<void> => {
    try {
      // Absent where the page is not a secure context (the web host reached by a LAN address).
      await navigator.clipboard.writeText(details);
      setCopy('copied');
    } catch {
      setCopy('failed');
      setOpen(true); // the details, to select by hand
    }
  };

  return (
    <section className={`panel-failed ${className ?? ''}`} role="alert" data-testid="panel-failed" data-panel={failure.panel}>
      <h2>{t(`ui.boundary.title.${failure.panel}`)}</h2>
      <p className="panel-failed-sentence">{t('ui.boundary.failed', { panel: t(`ui.boundary.the.${failure.panel}`) })}</p>
      <p className="panel-failed-error">
        {t('ui.boundary.errorLabel')} <code data-testid="panel-failed-message">{message}</code>
      </p>
      <div className="panel-failed-actions">
        <button type="button" data-testid="panel-copy-details" title={t('ui.boundary.copyTip')} onClick={() => void copyDetails()}>
          {t('ui.boundary.copy')}
        </button>
        <button type="button" className="primary" data-testid="panel-reload" title={t('ui.boundary.reloadTip')} onClick={onReload}>
          {t('ui.boundary.reload')}
        </button>
        <span className="panel-failed-status" aria-live="polite" data-testid="panel-copy-status">
          {copy === 'copied' ? t('ui.boundary.copied') : copy === 'failed' ? t('ui.boundary.copyFailed') : ''}
        </span>
      </div>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('ui.boundary.details')}</summary>
        <pre data-testid="panel-failed-details">{details}</pre>
      </details>
    </section>
  );
}
