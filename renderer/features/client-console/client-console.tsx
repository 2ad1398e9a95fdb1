// The client console: like `telnet host port`, but every byte both ways stays visible.
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/bridge-context';
import {
  clientPhaseOf,
  selectClientConn,
  selectClientConnecting,
  selectClientConnId,
  selectClientError,
  selectClientTarget,
} from '../../store/client-slice';
import { useWirebench } from '../../store/store';
import { MessageText } from '../../ui/message-text';
import { EndpointFields } from '../../ui/endpoint-fields';
import { useJournal } from '../journal-view/use-journal';
import { connectClient, sendLine, tearDown } from './client-commands';
import { ClientStatus } from './client-status';
import { LineInput } from './line-input';
import { TeardownButtons } from './teardown-buttons';
import { TranscriptView } from './transcript-view';
import './client-console.css';

const NO_EVENTS: never[] = [];

export function ClientConsole() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const target = useWirebench(selectClientTarget);
  const setTarget = useWirebench((s) => s.setClientTarget);
  const connId = useWirebench(selectClientConnId);
  const conn = useWirebench(selectClientConn);
  const connecting = useWirebench(selectClientConnecting);
  const error = useWirebench(selectClientError);
  const journal = useJournal(connId);
  const phase = clientPhaseOf(conn, connecting);

  const onConnect = (e: FormEvent): void => {
    e.preventDefault();
    void connectClient(bridge, useWirebench);
  };

  return (
    <section className="panel client-console" aria-labelledby="client-heading">
      <header className="panel-header">
        <h2 id="client-heading">
          {t('ui.client.heading')} <span className="subheading">{t('ui.client.subheading')}</span>
        </h2>
        <ClientStatus phase={phase} conn={conn} target={target} />
      </header>
      <div className="console-controls">
        <form className="endpoint-form" onSubmit={onConnect}>
          <EndpointFields idPrefix="client" value={target} onChange={setTarget} />
          <div className="buttons">
            <button type="submit" className="primary" data-testid="client-connect" disabled={connecting}>
              {t('ui.client.connect')}
            </button>
          </div>
        </form>
        <TeardownButtons phase={phase} onTeardown={(how) => void tearDown(bridge, useWirebench, how)} />
      </div>
      <MessageText message={error} testId="client-error" />
      <TranscriptView events={journal?.events ?? NO_EVENTS} />
      <LineInput phase={phase} connId={connId} onLine={(text) => void sendLine(bridge, useWirebench, text)} />
    </section>
  );
}
