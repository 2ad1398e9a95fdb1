// "What answers": the responder, and the fields of the one chosen (the canned bytes, the static
// document root, the routes table; echo needs none).
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRESETS } from '../../../shared/presets';
import { escapedTextToBytes, bytesToEscapedText } from '../../lib/escaped-text';
import { RESPONDER_KINDS } from '../../../shared/server-choices';
import type { DraftField, ServerDraft } from '../../store/server-draft';
import { BytesEditor, type EnterInserts } from '../../ui/bytes-editor';
import { ChoiceField } from '../../ui/choice-field';
import { TextField } from '../../ui/text-field';
import { RoutesTable } from './routes-table';

interface ResponderFieldsProps {
  draft: ServerDraft;
  invalid: DraftField | null;
  onEdit: (patch: Partial<ServerDraft>) => void;
}

export function ResponderFields({ draft, invalid, onEdit }: ResponderFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <ChoiceField
        label={t('ui.server.responder.label')}
        testId="server-responder"
        value={draft.responder}
        choices={RESPONDER_KINDS}
        labelOf={(c) => t(`ui.server.responder.${c}`)}
        hintOf={(c) => t(`ui.server.responder.hint.${c}`)}
        onChange={(responder) => onEdit({ responder })}
      />
      {draft.responder === 'canned' && <CannedFields text={draft.cannedText} onText={(cannedText) => onEdit({ cannedText })} />}
      {draft.responder === 'static' && (
        <TextField
          label={t('ui.server.static.root')}
          testId="server-static-root"
          placeholder={t('ui.server.static.rootPlaceholder')}
          value={draft.staticRoot}
          onChange={(staticRoot) => onEdit({ staticRoot })}
        />
      )}
      {draft.responder === 'routes' && <RoutesTable routes={draft.routes} invalid={invalid} onRoutes={(routes) => onEdit({ routes })} />}
    </>
  );
}

function CannedFields({ text, onText }: { text: string; onText: (text: string) => void }) {
  const { t } = useTranslation();
  const [enter, setEnter] = useState<EnterInserts>('crlf');
  const count = useMemo(() => escapedTextToBytes(text).length, [text]);
  const escapesId = useId();
  const enterId = useId();
  return (
    <div className="canned-fields">
      <div className="canned-bar">
        <select
          aria-label={t('ui.server.canned.preset')}
          title={t('ui.server.canned.preset')}
          data-testid="server-canned-preset"
          value=""
          onChange={(e) => {
            const preset = PRESETS.find((p) => p.name === e.target.value);
            if (preset) onText(bytesToEscapedText(preset.bytes));
          }}
        >
          <option value="">{t('ui.server.canned.presetNone')}</option>
          {PRESETS.map((p) => (
            <option key={p.name} value={p.name}>
              {t(`ui.presets.${p.name}.label`)}
            </option>
          ))}
        </select>
        <label htmlFor={enterId}>{t('ui.server.canned.enterLabel')}</label>
        <select id={enterId} data-testid="server-canned-enter" value={enter} onChange={(e) => setEnter(e.target.value === 'lf' ? 'lf' : 'crlf')}>
          <option value="crlf">{t('ui.server.canned.enterCrlf')}</option>
          <option value="lf">{t('ui.server.canned.enterLf')}</option>
        </select>
      </div>
      <BytesEditor
        label={t('ui.server.canned.label')}
        testId="server-canned"
        value={text}
        onChange={onText}
        enterInserts={enter}
        minLines={5}
        describedBy={escapesId}
      />
      <p id={escapesId} className="field-note">
        <span className="canned-count" data-testid="server-canned-count" data-count={count}>
          {t('ui.server.canned.bytes', { count })}
        </span>{' '}
        {t('ui.server.canned.escapes')}
      </p>
    </div>
  );
}
