// Helpers that fill the input for the learner to read, edit and send (never sending on their own),
// and one that sends a file's exact bytes.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientTarget } from '../../../shared/client/target';
import { fillTemplate, TEMPLATE_NAMES, type FilledTemplate } from './request-templates';

interface RequestHelpersProps {
  target: ClientTarget | null;
  disabled: boolean;
  onFill: (filled: FilledTemplate) => void;
  onFile: (name: string, bytes: Uint8Array) => Promise<void>;
}

export function RequestHelpers({ target, disabled, onFill, onFile }: RequestHelpersProps) {
  const { t } = useTranslation();
  const file = useRef<HTMLInputElement>(null);
  return (
    <>
      <label className="inline-field">
        <span className="visually-hidden">{t('ui.client.templatesLabel')}</span>
        <select
          data-testid="client-template"
          value=""
          onChange={(e) => {
            const name = TEMPLATE_NAMES.find((n) => n === e.target.value);
            if (name) onFill(fillTemplate(name, target));
          }}
        >
          <option value="" disabled>
            {t('ui.client.templatesPlaceholder')}
          </option>
          {TEMPLATE_NAMES.map((name) => (
            <option key={name} value={name}>
              {t(`ui.client.template.${name}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="client-send-file" disabled={disabled} title={t('ui.client.sendFileTip')} onClick={() => file.current?.click()}>
        {t('ui.client.sendFile')}
      </button>
      <input
        ref={file}
        type="file"
        className="visually-hidden"
        data-testid="client-file"
        tabIndex={-1}
        aria-label={t('ui.client.sendFile')}
        onChange={(e) => {
          const picked = e.target.files?.[0];
          e.target.value = '';
          if (picked) void picked.arrayBuffer().then((buffer) => onFile(picked.name, new Uint8Array(buffer)));
        }}
      />
    </>
  );
}
