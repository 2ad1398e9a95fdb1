// One client session (a tab): its target, what connecting found out, the teardown buttons, the
// transcript and the composer. Every action goes through client-commands.ts.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTarget, type UrlParts } from '../../../shared/client/target';
import { useBridge } from '../../bridge/bridge-context';
import { clientPhaseOf, selectSessionConn } from '../../store/client-slice';
import type { ClientSession } from '../../store/state-types';
import { selectRstReasonKey } from '../../store/rst-select';
import { useWirebench, useWirebenchStore } from '../../store/store-context';
import { CheckboxField } from '../../ui/checkbox-field';
import { MessageText } from '../../ui/message-text';
import { useJournal } from '../../journal/use-journal';
import { connectSession, sendBytes, tearDown, urlRequestDraft } from './client-commands';
import { ClientStatus } from './client-status';
import { Composer } from './composer';
import { TargetForm } from './target-form';
import { ResolutionLines, UrlSplit } from './target-details';
import { TeardownButtons } from './teardown-buttons';
import { TranscriptView } from './transcript-view';

const NO_EVENTS: never[] = [];

export function ClientSessionView({ session }: { session: ClientSession }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useWirebenchStore();
  const patchSession = useWirebench((s) => s.patchSession);
  const conn = useWirebench((s) => selectSessionConn(s, session));
  const journal = useJournal(session.connId);
  const rstReason = useWirebench(selectRstReasonKey(session.connId));
  const phase = clientPhaseOf(conn, session.connecting);
  const { id } = session;
  const patch = useCallback((change: Partial<ClientSession>) => patchSession(id, change), [patchSession, id]);
  const connect = useCallback(() => void connectSession(bridge, store, id), [bridge, store, id]);
  const parsed = useMemo(() => parseTarget(session.targetText), [session.targetText]);
  const target = parsed.ok ? parsed.target : null;

  return (
    <div className="client-session" role="region" id={`session-${id}`} aria-labelledby={`tab-${id}`} data-testid="client-session">
      <div className="session-status">
        <ClientStatus phase={phase} conn={conn} target={session.targetText} rstReason={rstReason} />
        <span className="show-controls" title={t('ui.client.showControlsTip')}>
          <CheckboxField testId="client-show-controls" checked={session.showControls} onChange={(showControls) => patch({ showControls })}>
            {t('ui.client.showControls')}
          </CheckboxField>
        </span>
      </div>
      <div className="console-controls">
        <TargetForm session={session} onChange={patch} onConnect={connect} />
        <TeardownButtons phase={phase} onTeardown={(how) => void tearDown(bridge, store, id, how)} />
      </div>
      <MessageText message={session.error} testId="client-error" />
      {(session.url || session.resolution) && (
        <div className="target-details">
          {session.url && (
            <UrlSplit url={session.url} onFill={() => patch(urlRequestDraft(session.url as UrlParts))} />
          )}
          {session.resolution && <ResolutionLines resolution={session.resolution} />}
        </div>
      )}
      <TranscriptView events={journal?.events ?? NO_EVENTS} showControls={session.showControls} />
      <Composer session={session} phase={phase} target={target} onPatch={patch} onSend={(bytes, typed) => sendBytes(bridge, store, id, bytes, typed)} />
    </div>
  );
}
