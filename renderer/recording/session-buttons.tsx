// Save session / Open…: the whole live journal saved as a session file (shared/session), and a
// session file or a capture (pcap, pcapng) opened as a recording. Saving reads the live engine,
// whatever is shown; opening replaces a recording already open.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/contract/contract';
import { errorSentenceKey } from '../../shared/i18n/error-key';
import { openRecording } from '../../shared/session/open-recording';
import { buildSession, encodeSession, SESSION_EXTENSION, type SessionConnection } from '../../shared/session/session-file';
import type { LinkedBridge } from '../bridge/bridge-types';
import { downloadBlob } from '../lib/download-blob';
import { useRecording } from './recording-switch';

/** The live journal, whole, as a session file's text; or why it could not be read. */
async function liveSession(live: LinkedBridge): Promise<{ ok: true; text: string } | { ok: false; error: ErrorInfo }> {
  const info = await live.invoke('app.info', {});
  const snapshot = await live.invoke('journal.snapshot', {});
  if (!snapshot.ok) return snapshot;
  const { servers, conns, totals } = snapshot.value;
  const connections: SessionConnection[] = [];
  for (const summary of conns) {
    const read = await live.invoke('journal.events', { connId: summary.connId });
    // Dropped by the journal meanwhile: the totals still count it, as they count any dropped one.
    if (read.ok) connections.push({ summary, events: read.value.events });
  }
  const writer = { host: live.host, version: info.ok ? info.value.version : '' };
  return { ok: true, text: encodeSession(buildSession({ writer, servers, totals, connections })) };
}

export function SessionButtons() {
  const { t } = useTranslation();
  const { live, open } = useRecording();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (): Promise<void> => {
    setProblem(null);
    const made = await liveSession(live);
    if (!made.ok) {
      setProblem(t(errorSentenceKey(made.error), made.error.params));
      return;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    downloadBlob(new Blob([made.text], { type: 'application/json' }), `wirebench-${stamp}.${SESSION_EXTENSION}`);
  };

  const chosen = async (file: File | undefined): Promise<void> => {
    setProblem(null);
    if (!file) return;
    const opened = openRecording(new Uint8Array(await file.arrayBuffer()), file.name, '');
    if (!opened.ok) setProblem(t(errorSentenceKey(opened.error), opened.error.params));
    else open(file.name, opened.session, 'end');
  };

  return (
    <div className="session-buttons" role="group" aria-label={t('ui.recording.group')}>
      <button type="button" data-testid="session-save" title={t('ui.recording.saveTitle')} onClick={() => void save()}>
        {t('ui.recording.save')}
      </button>
      <button type="button" data-testid="session-open" title={t('ui.recording.openTitle')} onClick={() => input.current?.click()}>
        {t('ui.recording.open')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid="session-open-file"
        accept={`.${SESSION_EXTENSION},.json,.pcap,.pcapng,.cap`}
        onChange={(e) => {
          void chosen(e.target.files?.[0]);
          e.target.value = ''; // the same file again is a new choice
        }}
      />
      {problem && (
        <span className="message message-error" role="alert" data-testid="session-problem">
          {problem}
        </span>
      )}
    </div>
  );
}
