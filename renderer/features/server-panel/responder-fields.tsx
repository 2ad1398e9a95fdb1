// "What answers": the responder, and the fields of the one chosen (the canned bytes, the static
// document root and its 404 text, the routes table; echo needs none).
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseDoc } from '../../../shared/contract/app-settings';
import { RESPONDER_KINDS } from '../../../shared/server/choices';
import type { DraftField, ServerDraft } from '../../store/server-draft';
import { ChoiceField } from '../../ui/choice-field';
import { PanelBoundary } from '../../ui/panel-boundary';
import { RoutesTable } from './routes-table';
import { StaticRootFields } from './static-root-fields';

/**
 * The canned response's editor (features/response-editor's ResponseEditor), handed in from app.tsx
 * through the panel and the form: this feature imports no other, and a test can give a plain one.
 */
export type CannedEditor = ComponentType<{ doc: ResponseDoc; onDoc: (doc: ResponseDoc) => void }>;

interface ResponderFieldsProps {
  draft: ServerDraft;
  editor: CannedEditor;
  invalid: DraftField | null;
  onEdit: (patch: Partial<ServerDraft>) => void;
}

export function ResponderFields({ draft, editor: Editor, invalid, onEdit }: ResponderFieldsProps) {
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
      {draft.responder === 'canned' && (
        <PanelBoundary panel="editor">
          <Editor
            doc={{ text: draft.cannedText, body: draft.cannedBody }}
            onDoc={(doc) => onEdit({ cannedText: doc.text, cannedBody: doc.body })}
          />
        </PanelBoundary>
      )}
      {draft.responder === 'static' && <StaticRootFields draft={draft} invalid={invalid} onEdit={onEdit} />}
      {draft.responder === 'routes' && <RoutesTable routes={draft.routes} invalid={invalid} onRoutes={(routes) => onEdit({ routes })} />}
    </>
  );
}
