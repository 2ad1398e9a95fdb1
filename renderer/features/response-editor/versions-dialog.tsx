// "Compare versions…": the server's response versions (server.versions), two picked (by default
// the one before the current and the current), and their bytes diffed line by line with every CR,
// LF and control byte visible, so a learner sees exactly which bytes each try sent.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseVersion } from '../../../shared/contract/contract';
import { useBridge } from '../../bridge/bridge-context';
import { errorMessage, type Message } from '../../store/message';
import { MessageText } from '../../ui/message-text';
import { ByteText } from '../../ui/byte-text';
import { diffVersions, versionBytes } from './version-diff';


export function VersionsDialog({ serverId, open, onClose }: { serverId: string; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const dialog = useRef<HTMLDialogElement>(null);
  const [versions, setVersions] = useState<ResponseVersion[]>([]);
  const [failure, setFailure] = useState<Message | null>(null);
  const [pick, setPick] = useState<{ from: number; to: number } | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
    if (!open) return;
    let live = true;
    void bridge.invoke('server.versions', { serverId }).then((result) => {
      if (!live) return;
      if (!result.ok) return setFailure(errorMessage(result.error));
      setFailure(null);
      setVersions(result.value.versions);
      const last = result.value.versions.at(-1)?.version ?? 1;
      const before = result.value.versions.at(-2)?.version ?? last;
      setPick({ from: before, to: last });
    });
    return () => {
      live = false;
    };
  }, [open, bridge, serverId]);

  const from = versions.find((v) => v.version === pick?.from);
  const to = versions.find((v) => v.version === pick?.to);
  const parts = useMemo(() => {
    const a = from && versionBytes(from);
    const b = to && versionBytes(to);
    return a && b ? diffVersions(a, b) : null;
  }, [from, to]);
  const label = (v: ResponseVersion): string => t('ui.editor.versions.option', { version: v.version, time: timeOfDay(v.at, i18n.language) });
  const choose = (which: 'from' | 'to', version: number): void => setPick((p) => (p ? { ...p, [which]: version } : p));

  return (
    <dialog ref={dialog} className="editor-dialog versions-dialog" data-testid="versions-dialog" aria-labelledby="versions-heading" onClose={onClose}>
      <h3 id="versions-heading">{t('ui.editor.versions.heading')}</h3>
      <MessageText message={failure} testId="versions-error" />
      {versions.length < 2 && !failure && <p className="help">{t('ui.editor.versions.needTwo')}</p>}
      {versions.length >= 2 && pick && (
        <div className="versions-pick">
          {(['from', 'to'] as const).map((which) => (
            <label key={which}>
              {t(`ui.editor.versions.${which}`)}{' '}
              <select data-testid={`versions-${which}`} value={pick[which]} onChange={(e) => choose(which, Number(e.target.value))}>
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {label(v)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      {[from, to].map((v) =>
        v && !versionBytes(v) ? (
          <p key={v.version} className="help">
            {t('ui.editor.versions.notCanned', { version: v.version, kind: t(`notes.responders.${v.responder.kind}`) })}
          </p>
        ) : null,
      )}
      {parts && parts.every((p) => p.kind === 'same') && <p className="help">{t('ui.editor.versions.same')}</p>}
      {parts && (
        <pre className="version-diff" data-testid="versions-diff">
          {parts.map((part, i) => (
            <span key={i} className={`diff-${part.kind}`} data-kind={part.kind} title={part.kind === 'same' ? undefined : t(`ui.editor.versions.${part.kind}`)}>
              <ByteText bytes={part.bytes} />
            </span>
          ))}
        </pre>
      )}
      <div className="buttons">
        <button type="button" onClick={onClose}>
          {t('ui.editor.versions.close')}
        </button>
      </div>
    </dialog>
  );
}

/** When a version was saved, as a clock in the app's language (14:05:09, 下午2:05:09), not the browser's. */
function timeOfDay(at: number, language: string): string {
  return new Date(at).toLocaleTimeString(language);
}
