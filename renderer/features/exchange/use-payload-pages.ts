// Pages of payload for the chunks whose bytes the renderer does not hold (byte-source.ts has the
// rule): fetched with `journal.payload` for the rows a view shows, kept in a bounded cache, and a
// new byte source each time pages arrive, so the views draw them. One cache per connection: the
// byte view is keyed by connection, so it starts empty for each.
import { useCallback, useMemo, useState } from 'react';
import type { Dir } from '../../../shared/contract/contract';
import { useBridge } from '../../bridge/bridge-context';
import { byteSource, PAGE_BYTES, PageCache, type ByteSource, type ReadResult } from './byte-source';
import type { Exchange } from './exchange-model';

export interface PayloadPages {
  source: ByteSource;
  /** Fetches what [start, end) of `dir` needs (nothing if it is at hand or on its way). */
  want: (dir: Dir, start: number, end: number) => void;
  /** The bytes of [start, end), fetching what is missing first (for copying). */
  ensure: (dir: Dir, start: number, end: number) => Promise<ReadResult>;
}

export function usePayloadPages(connId: string, exchange: Exchange): PayloadPages {
  const bridge = useBridge();
  const [cache] = useState(() => new PageCache());
  // Bumped when pages arrive: the cache is mutable, the source built on it is not.
  const [arrived, setArrived] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `arrived` stands for the cache's contents
  const source = useMemo(() => byteSource(exchange, cache), [exchange, cache, arrived]);

  const fetchPages = useCallback(
    (dir: Dir, pages: readonly number[]): Promise<void>[] =>
      pages.map(async (page) => {
        cache.loading(dir, page);
        const result = await bridge.invoke('journal.payload', { connId, dir, offset: page * PAGE_BYTES, length: PAGE_BYTES });
        // An error means the engine no longer has the connection (dropped whole): gone, as evicted.
        cache.put(dir, page, result.ok ? result.value.bytes : null);
        setArrived((n) => n + 1);
      }),
    [bridge, cache, connId],
  );

  const want = useCallback(
    (dir: Dir, start: number, end: number) => {
      void Promise.all(fetchPages(dir, source.missingPages(dir, start, end)));
    },
    [fetchPages, source],
  );

  const ensure = useCallback(
    async (dir: Dir, start: number, end: number): Promise<ReadResult> => {
      // One page at a time: a copy of megabytes should not flood the door.
      for (const page of source.missingPages(dir, start, end)) await Promise.all(fetchPages(dir, [page]));
      return byteSource(exchange, cache).read(dir, start, end);
    },
    [cache, exchange, fetchPages, source],
  );

  return { source, want, ensure };
}
