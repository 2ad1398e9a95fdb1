// Export: the selected connection as a file, pcapng for Wireshark or HAR, downloaded through an
// <a download> on a blob: URL (lib/download-blob.ts), which the web host's browser and Electron
// both save. Evicted payloads still export; the note beside the buttons says what the file lacks.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnSummary } from '../../../shared/contract/contract';
import { downloadBlob } from '../../lib/download-blob';
import { EXPORT_KINDS, exportFile, type ExportKind } from './export-files';
import { useWholeJournal } from './use-whole-journal';
import './export.css';

export function ConnExportButtons({ conn }: { conn: ConnSummary }) {
  const { t } = useTranslation();
  const wholeJournal = useWholeJournal();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (kind: ExportKind): Promise<void> => {
    setFailure(null);
    setBusy(true);
    try {
      const journal = await wholeJournal(conn.connId);
      if (!journal.ok) {
        setFailure(t('ui.export.failed', { reason: journal.reason }));
        return;
      }
      const file = exportFile(kind, conn, journal.events);
      downloadBlob(new Blob([file.bytes], { type: file.type }), file.name);
    } catch (err) {
      setFailure(t('ui.export.failed', { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="conn-export" role="group" aria-label={t('ui.export.label')}>
      <span className="toolbar-label">{t('ui.export.label')}</span>
      {EXPORT_KINDS.map((kind) => (
        <button key={kind} type="button" data-testid={`conn-export-${kind}`} disabled={busy} title={t(`ui.export.${kind}Title`)} onClick={() => void run(kind)}>
          {t(`ui.export.${kind}`)}
        </button>
      ))}
      {conn.payloadEvicted && (
        <span className="export-note" data-testid="conn-export-evicted">
          {t('ui.export.evicted')}
        </span>
      )}
      {failure && (
        <span className="message message-error" role="alert" data-testid="conn-export-failed">
          {failure}
        </span>
      )}
    </div>
  );
}
