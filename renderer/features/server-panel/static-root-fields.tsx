// The static responder's fields (lesson L4): the document root, the folder a relative root is taken
// from, the whole path the server will get (shown before Start), and the text of its 404.
// A relative root such as `./html` means nothing to a server process that runs in some other folder
// (the engine refuses one), so the form names the folder it is relative to: the sample site's,
// or one the person chose with Choose folder… (or `wirebench web --allow` named), and sends the
// whole path.
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbsolutePath } from '../../lib/resolve-path';
import { staticRootOf, type DraftField, type ServerDraft } from '../../store/server-draft';
import { TextField } from '../../ui/text-field';
import { PathField } from './path-field';
import { useGrantedPaths } from './use-granted-paths';

interface StaticRootFieldsProps {
  draft: ServerDraft;
  invalid: DraftField | null;
  onEdit: (patch: Partial<ServerDraft>) => void;
}

export function StaticRootFields({ draft, invalid, onEdit }: StaticRootFieldsProps) {
  const { t } = useTranslation();
  const baseId = useId();
  // Asked again when an absolute root is set (a folder just chosen is among the granted then).
  const granted = useGrantedPaths(isAbsolutePath(draft.staticRoot.trim()) ? draft.staticRoot : '');
  const root = draft.staticRoot.trim();
  const relative = root !== '' && !isAbsolutePath(root);
  const sampleRoot = granted?.sampleRoot ?? null;

  // A relative root with no folder yet is taken from the sample site's, as the list shows first.
  useEffect(() => {
    if (relative && draft.staticBase === '' && sampleRoot !== null) onEdit({ staticBase: sampleRoot });
  }, [relative, draft.staticBase, sampleRoot, onEdit]);

  // The sample site's folder, the chosen ones, and the one the form holds (from the settings file) if no longer listed.
  const bases = [...new Set([...(sampleRoot === null ? [] : [sampleRoot]), ...(granted?.paths ?? []), ...(draft.staticBase === '' ? [] : [draft.staticBase])])];
  const serves = staticRootOf(draft);

  return (
    <>
      <PathField
        what="folder"
        label={t('ui.server.static.root')}
        testId="server-static-root"
        placeholder={t('ui.server.static.rootPlaceholder')}
        value={draft.staticRoot}
        invalid={invalid === 'staticRoot'}
        onChange={(staticRoot) => onEdit({ staticRoot })}
      />
      {relative && (
        <div className="field static-base">
          <label htmlFor={baseId}>{t('ui.server.static.relativeTo')}</label>
          <select
            id={baseId}
            data-testid="server-static-base"
            title={t('ui.server.static.relativeToTip')}
            value={draft.staticBase}
            onChange={(e) => onEdit({ staticBase: e.target.value })}
          >
            {draft.staticBase === '' && <option value="" />}
            {bases.map((path) => (
              <option key={path} value={path}>
                {path === sampleRoot ? t('ui.server.static.baseSample', { path }) : path}
              </option>
            ))}
          </select>
        </div>
      )}
      {root !== '' && (
        <p className="field-note" data-testid="server-static-serves">
          {typeof serves === 'string' ? t('ui.server.static.serves', { path: serves }) : t('ui.server.static.needsBase')}
        </p>
      )}
      <TextField
        label={t('ui.server.static.notFoundText')}
        testId="server-static-not-found"
        placeholder={t('ui.server.static.notFoundPlaceholder')}
        title={t('ui.server.static.notFoundTip')}
        aria-invalid={invalid === 'staticNotFoundText' || undefined}
        value={draft.staticNotFoundText}
        onChange={(staticNotFoundText) => onEdit({ staticNotFoundText })}
      />
    </>
  );
}

