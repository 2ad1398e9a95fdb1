// The whole journal of one connection, payloads included where the engine still stores them, asked
// for when the person exports or copies (`journal.events`). Not the store's copy: the page keeps
// the events of the connections its views watch, and may have let go of payload bytes the engine
// still holds (renderer/features/exchange/byte-source.ts); a file should have all there is.
import { useCallback } from 'react';
import type { JournalEvent } from '../../../shared/contract/contract';
import { errorSentenceKey } from '../../../shared/i18n/error-key';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/bridge-context';

/** The events, or the sentence that says why they could not be had. */
export type WholeJournal = { ok: true; events: JournalEvent[] } | { ok: false; reason: string };

export function useWholeJournal(): (connId: string) => Promise<WholeJournal> {
  const bridge = useBridge();
  const { t } = useTranslation();
  return useCallback(
    async (connId: string) => {
      const result = await bridge.invoke('journal.events', { connId });
      if (result.ok) return { ok: true, events: result.value.events };
      return { ok: false, reason: t(errorSentenceKey(result.error), result.error.params) };
    },
    [bridge, t],
  );
}
