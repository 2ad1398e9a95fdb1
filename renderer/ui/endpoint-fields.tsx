// The host and port pair that the server panel listens on and the client console connects to.
import { useTranslation } from 'react-i18next';
import { TextField } from './text-field';

export interface Endpoint {
  host: string;
  port: string;
}

interface EndpointFieldsProps {
  /** `server` or `client`: the test ids become `server-host`, `server-port`, ... */
  idPrefix: string;
  value: Endpoint;
  onChange: (patch: Partial<Endpoint>) => void;
  /** The field in trouble, if it is one of these two: marked for the eye and for screen readers. */
  invalid?: string | null;
}

export function EndpointFields({ idPrefix, value, onChange, invalid }: EndpointFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('ui.form.host')}
        testId={`${idPrefix}-host`}
        className="field-host"
        aria-invalid={invalid === 'host' || undefined}
        value={value.host}
        onChange={(host) => onChange({ host })}
      />
      <TextField
        label={t('ui.form.port')}
        testId={`${idPrefix}-port`}
        className="field-port"
        inputMode="numeric"
        aria-invalid={invalid === 'port' || undefined}
        value={value.port}
        onChange={(port) => onChange({ port })}
      />
    </>
  );
}
