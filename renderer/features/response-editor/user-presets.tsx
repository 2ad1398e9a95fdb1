// The learner's own presets: "Save as preset…" keeps the response being edited under a name they
// choose; the list lets them rename and delete (after a confirmation). Loading one is in the
// presets menu. They are kept across restarts (the `presets` settings section).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPreset, type ResponseDoc } from '../../../shared/contract/app-settings';
import { selectUserPresets } from '../../store/editor-slice';
import { useWirebench } from '../../store/store-context';

export function UserPresetsBar({ doc }: { doc: ResponseDoc }) {
  const { t } = useTranslation();
  const presets = useWirebench(selectUserPresets);
  const save = useWirebench((s) => s.saveUserPreset);
  const rename = useWirebench((s) => s.renameUserPreset);
  const remove = useWirebench((s) => s.deleteUserPreset);
  // Which name is being typed: a new preset's, or an existing one's new name.
  const [naming, setNaming] = useState<{ id: string | null; name: string } | null>(null);

  // Not a <form>: the editor sits inside the server form, and forms do not nest.
  const submit = (): void => {
    // The contract's own check of a name (trimmed, not empty), as the settings file will get it.
    if (!naming || !UserPreset.shape.name.safeParse(naming.name).success) return;
    if (naming.id === null) save(naming.name, doc);
    else rename(naming.id, naming.name);
    setNaming(null);
  };

  return (
    <details className="user-presets" data-testid="user-presets">
      <summary>
        {t('ui.editor.mine.manageCount', { count: presets.length })}
      </summary>
      {presets.length === 0 && <p className="field-note">{t('ui.editor.mine.empty')}</p>}
      <ul>
        {presets.map((p) => (
          <li key={p.id} data-testid="user-preset">
            <span className="user-preset-name">{p.name}</span>
            <button type="button" className="small" onClick={() => setNaming({ id: p.id, name: p.name })}>
              {t('ui.editor.mine.rename')}
            </button>
            <button
              type="button"
              className="small danger"
              onClick={() => {
                if (window.confirm(t('ui.editor.mine.confirmDelete', { name: p.name }))) remove(p.id);
              }}
            >
              {t('ui.editor.mine.delete')}
            </button>
          </li>
        ))}
      </ul>
      {naming ? (
        <div className="user-preset-form" role="group">
          <label>
            {t('ui.editor.mine.namePrompt')}{' '}
            <input
              data-testid="user-preset-name"
              autoFocus
              maxLength={UserPreset.shape.name.maxLength ?? undefined}
              value={naming.name}
              onChange={(e) => setNaming({ ...naming, name: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  submit();
                } else if (e.key === 'Escape') setNaming(null);
              }}
            />
          </label>
          <button type="button" className="small primary" data-testid="user-preset-save" onClick={submit}>
            {t('ui.editor.mine.saveButton')}
          </button>
          <button type="button" className="small" onClick={() => setNaming(null)}>
            {t('ui.editor.mine.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="small"
          title={t('ui.editor.mine.saveTip')}
          data-testid="user-preset-new"
          onClick={() => setNaming({ id: null, name: t('ui.editor.mine.defaultName', { n: presets.length + 1 }) })}
        >
          {t('ui.editor.mine.save')}
        </button>
      )}
    </details>
  );
}
