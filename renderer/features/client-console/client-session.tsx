// One client session (a tab): its target, what connecting found out, the teardown buttons, the
// transcript and the composer. Every action goes through client-commands.ts.
import { useCallback, useMemo } from 'react';
import { parseTarget, type UrlParts } from '../../../shared/client/target';
import { useBridge } from '../../bridge/bridge-context';
import { clientPhaseOf, selectSessionConn } from '../../store/client-slice';
import type { ClientSession } from '../../store/state-types';
import { selectRstReasonKey } from '../../store/rst-select';
import { useWirebench, useWirebenchStore } from '../../store/store-context';
import { MessageText } from '../../ui/message-text';
import { useJournal } from '../../journal/use-journal';
import { connectSession, sendBytes, tearDown, urlRequestDraft } from './client-commands';
import { fillNotice } from './fill-notice';
import { ClientStatus } from './client-status';
import { Composer } from './composer';
import { TargetForm } from './target-form';
import { ResolutionLines, UrlSplit } from './target-details';
import { TeardownButtons } from './teardown-buttons';
import { TranscriptView } from './transcript-view';

const NO_EVENTS: never[] = [];

export function ClientSessionView({ session }: { session: ClientSession }) {
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
      </div>
      <div className="console-controls">
        <TargetForm session={session} onChange={patch} onConnect={connect} />
        <TeardownButtons phase={phase} onTeardown={(how) => void tearDown(bridge, store, id, how)} />
      </div>
      <MessageText message={session.error} testId="client-error" />
      {(session.url || session.resolution) && (
        <div className="target-details">
          {session.url && (
            <UrlSplit
              url={session.url}
              onFill={() => {
                const filled = urlRequestDraft(session.url as UrlParts);
                patch({ ...filled, notice: fillNotice(session.finalEnding, filled.finalEnding) });
              }}
            />
          )}
          {session.resolution && <ResolutionLines resolution={session.resolution} />}
        </div>
      )}
      <TranscriptView events={journal?.events ?? NO_EVENTS} showControls={session.showControls} />
      <Composer session={session} phase={phase} target={target} onPatch={patch} onSend={(bytes, typed) => sendBytes(bridge, store, id, bytes, typed)} />
    </div>
  );
}
