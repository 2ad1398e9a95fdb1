// The selected connection's exchange for the byte views: its chunks (from the journal events, with
// the summary's counters for a journal whose oldest events were dropped) and each direction's
// HTTP annotation, kept up to date incrementally (exchange-annotator.ts) and memoised per change.
import { useMemo, useState } from 'react';
import type { ConnSummary, JournalEvent } from '../../../shared/contract/contract';
import { ExchangeAnnotator, type DirAnnotations } from './exchange-annotator';
import { buildExchange, type Exchange } from './exchange-model';

export function useExchange(events: readonly JournalEvent[], conn: ConnSummary): { exchange: Exchange; annotations: DirAnnotations } {
  const { bytesIn, bytesOut, chunksIn, chunksOut, role } = conn;
  const exchange = useMemo(
    () => buildExchange(events, { bytesIn, bytesOut, chunksIn, chunksOut }),
    [events, bytesIn, bytesOut, chunksIn, chunksOut],
  );
  const [annotator] = useState(() => new ExchangeAnnotator(role));
  // Feeding the annotator the chunks it has not seen yet is idempotent: a second call with the same
  // exchange feeds nothing and returns the same annotations.
  const annotations = useMemo(() => annotator.update(exchange), [annotator, exchange]);
  return { exchange, annotations };
}
