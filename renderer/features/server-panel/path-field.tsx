// A path a server will serve from (a static root, a route's file), with what the host allows beside
// it: in the desktop app a "Choose…" button opens the system's dialog, and only what is chosen
// there (or the sample site) may be served; on the web host the page cannot open a dialog, so the
// note names the folders `wirebench web --allow` gave it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/bridge-context';
import { errorMessage, type Message } from '../../store/message';
import { TextField } from '../../ui/text-field';
import { useGrantedPaths } from './use-granted-paths';

interface PathFieldProps {
  label: string;
  testId: string;
  placeholder?: string;
  className?: string;
  what: 'folder' | 'file';
  value: string;
  /** Marked for the eye and for screen readers when the form finds the path wrong. */
  invalid?: boolean;
  onChange: (value: string) => void;
}

export function PathField({ label, testId, placeholder, className, what, value, invalid, onChange }: PathFieldProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [problem, setProblem] = useState<Message | null>(null);

  // Asked again after each choice.
  const [asked, setAsked] = useState(0);
  const granted = useGrantedPaths(asked);

  const choose = async (): Promise<void> => {
    setProblem(null);
    const result = await bridge.invoke('files.choose', { what });
    if (!result.ok) return setProblem(errorMessage(result.error));
    if (result.value.path === null) return; // cancelled: nothing changes
    onChange(result.value.path);
    setAsked((n) => n + 1);
  };

  return (
    <div className={`path-field ${className ?? ''}`}>
      <div className="path-field-line">
        <TextField label={label} testId={testId} placeholder={placeholder} aria-invalid={invalid || undefined} value={value} onChange={onChange} />
        {granted?.canChoose === true && (
          <button type="button" data-testid={`${testId}-choose`} onClick={() => void choose()}>
            {t(what === 'folder' ? 'ui.server.files.chooseFolder' : 'ui.server.files.chooseFile')}
          </button>
        )}
      </div>
      {granted !== null && (
        <p className="field-note" data-testid={`${testId}-granted`}>
          {granted.canChoose
            ? t('ui.server.files.grantedDesktop')
            : granted.paths.length === 0
              ? t('ui.server.files.grantedWebNone')
              : t('ui.server.files.grantedWeb', { paths: granted.paths.join(', ') })}
        </p>
      )}
      {problem !== null && (
        <p className="field-note" role="alert">
          {t(problem.key, problem.params)}
        </p>
      )}
    </div>
  );
}
