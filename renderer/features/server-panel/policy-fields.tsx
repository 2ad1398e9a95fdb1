// "When to answer" and "After answering" (with the drip's pace and the wait for the client's FIN
// where they apply), then how the server accepts and how long it waits for a silent client.
import { useTranslation } from 'react-i18next';
import { ACCEPT_MODES, AFTER_ANSWER, ANSWER_WHEN } from '../../../shared/server/choices';
import type { DraftField, ServerDraft } from '../../store/server-draft';
import { ChoiceField } from '../../ui/choice-field';
import { TextField } from '../../ui/text-field';

interface PolicyFieldsProps {
  draft: ServerDraft;
  invalid: DraftField | null;
  onEdit: (patch: Partial<ServerDraft>) => void;
}

export function TimingFields({ draft, invalid, onEdit }: PolicyFieldsProps) {
  const { t } = useTranslation();
  const drip = draft.after === 'drip';
  // Both end with our FIN and a wait for the client's (shared/server/settings.ts).
  const waitsForFin = draft.after === 'half_close' || drip;
  return (
    <>
      <ChoiceField
        label={t('ui.server.answer.label')}
        testId="server-answer"
        value={draft.answerWhen}
        choices={ANSWER_WHEN}
        labelOf={(c) => t(`ui.server.answer.${c}`)}
        hintOf={(c) => t(`ui.server.answer.hint.${c}`)}
        onChange={(answerWhen) => onEdit({ answerWhen })}
      />
      <ChoiceField
        label={t('ui.server.after.label')}
        testId="server-after"
        value={draft.after}
        choices={AFTER_ANSWER}
        labelOf={(c) => t(`ui.server.after.${c}`)}
        hintOf={(c) => t(`ui.server.after.hint.${c}`)}
        onChange={(after) => onEdit({ after })}
      />
      {(drip || waitsForFin) && (
        <div className="field-row">
          {drip && (
            <>
              <NumberField
                label={t('ui.server.after.dripBytes')}
                testId="server-drip-bytes"
                value={draft.dripBytes}
                invalid={invalid === 'dripBytes'}
                onChange={(dripBytes) => onEdit({ dripBytes })}
              />
              <NumberField
                label={t('ui.server.after.dripEveryMs')}
                testId="server-drip-ms"
                value={draft.dripEveryMs}
                invalid={invalid === 'dripEveryMs'}
                onChange={(dripEveryMs) => onEdit({ dripEveryMs })}
              />
            </>
          )}
          <NumberField
            label={t('ui.server.after.finWaitMs')}
            testId="server-fin-wait"
            title={t('ui.server.after.finWaitTip')}
            value={draft.halfCloseWaitMs}
            invalid={invalid === 'halfCloseWaitMs'}
            onChange={(halfCloseWaitMs) => onEdit({ halfCloseWaitMs })}
          />
        </div>
      )}
    </>
  );
}

export function AcceptFields({ draft, invalid, onEdit }: PolicyFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <ChoiceField
        label={t('ui.server.accept.label')}
        testId="server-accept"
        value={draft.acceptMode}
        choices={ACCEPT_MODES}
        labelOf={(c) => t(`ui.server.accept.${c}`)}
        hintOf={(c) => t(`ui.server.accept.hint.${c}`)}
        onChange={(acceptMode) => onEdit({ acceptMode })}
      />
      <div className="field-row">
        <NumberField
          label={t('ui.server.timeouts.idle')}
          testId="server-idle-timeout"
          title={t('ui.server.timeouts.idleTip')}
          value={draft.idleTimeoutS}
          invalid={invalid === 'idleTimeoutS'}
          onChange={(idleTimeoutS) => onEdit({ idleTimeoutS })}
        />
        <NumberField
          label={t('ui.server.timeouts.header')}
          testId="server-header-timeout"
          title={t('ui.server.timeouts.headerTip')}
          value={draft.headerTimeoutS}
          invalid={invalid === 'headerTimeoutS'}
          onChange={(headerTimeoutS) => onEdit({ headerTimeoutS })}
        />
      </div>
    </>
  );
}

interface NumberFieldProps {
  label: string;
  testId: string;
  value: string;
  invalid: boolean;
  title?: string;
  onChange: (value: string) => void;
}

function NumberField({ label, testId, value, invalid, title, onChange }: NumberFieldProps) {
  return (
    <TextField
      label={label}
      testId={testId}
      className="field-number"
      inputMode="decimal"
      title={title}
      aria-invalid={invalid || undefined}
      value={value}
      onChange={onChange}
    />
  );
}
