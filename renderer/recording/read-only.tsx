// Whether what is shown is a recording: then nothing on screen may act on the network. The panels
// read it here (RecordingSwitch provides it) to disable their live controls and say why, rather
// than offer buttons whose every press is refused; the recording's bridge still refuses such
// commands (recording_read_only) should one get through. Outside a RecordingSwitch (a panel drawn
// alone in a test) it is live.
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import './recording.css';

export const ReadOnlyContext = createContext(false);

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}

/** The tooltip of a live control while a recording is shown, or `live` (its own tip) otherwise. */
export function useReadOnlyTip(live?: string): string | undefined {
  const { t } = useTranslation();
  return useReadOnly() ? t('ui.recording.readOnlyTip') : live;
}

/** A line at the top of a panel whose controls a recording disables: why they are, and the way out. */
export function ReadOnlyNote({ testId }: { testId: string }) {
  const { t } = useTranslation();
  if (!useReadOnly()) return null;
  return (
    <p className="read-only-note" role="note" data-testid={testId}>
      {t('ui.recording.readOnlyNote')}
    </p>
  );
}
