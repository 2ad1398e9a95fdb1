// The server's last problem as a sentence. When the port was taken and the engine found a free one
// nearby, a button does the same thing again on that port.
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/bridge-context';
import { selectServerBusy, selectServerError } from '../../store/servers-slice';
import { useWirebench, useWirebenchStore } from '../../store/store-context';
import { MessageText } from '../../ui/message-text';
import { retryOnPort } from './server-commands';

export function ServerErrorView() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useWirebenchStore();
  const problem = useWirebench(selectServerError);
  const busy = useWirebench(selectServerBusy);
  if (!problem) return null;
  const { message, action } = problem;
  const suggestion = message.key === 'errors.port_in_use' ? Number(message.params.suggestion) : NaN;
  // 0 means the engine found none nearby: then the system picks one (listen on port 0).
  const offer = (action.kind === 'start' || action.kind === 'restart') && Number.isInteger(suggestion) && suggestion >= 0;
  return (
    <div className="server-problem">
      <MessageText message={message} testId="server-error" />
      {offer && (
        <button
          type="button"
          className="primary use-port"
          data-testid="server-use-port"
          data-port={suggestion}
          disabled={busy}
          onClick={() => void retryOnPort(bridge, store, action, suggestion)}
        >
          {suggestion > 0 ? t('ui.server.form.usePort', { port: suggestion }) : t('ui.server.form.useAnyPort')}
        </button>
      )}
    </div>
  );
}
