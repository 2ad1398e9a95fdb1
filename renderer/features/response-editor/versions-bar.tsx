// Which version of the response the picked server sends now (each change is one more, and every
// connection's journal names the version it got), and "Compare versions…", which opens the diff.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectSelectedServer } from '../../store/servers-slice';
import { useWirebench } from '../../store/store-context';
import { VersionsDialog } from './versions-dialog';

export function VersionsBar() {
  const { t } = useTranslation();
  const server = useWirebench(selectSelectedServer);
  const [open, setOpen] = useState(false);
  if (!server) return null;
  return (
    <div className="versions-bar">
      <span data-testid="editor-version" data-version={server.responseVersion} title={t('ui.editor.versions.tip')}>
        {t('ui.editor.versions.label', { version: server.responseVersion })}
      </span>
      <button type="button" className="small" data-testid="editor-compare" onClick={() => setOpen(true)}>
        {t('ui.editor.versions.compare')}
      </button>
      <VersionsDialog serverId={server.serverId} open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
