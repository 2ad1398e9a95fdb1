import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { buildExchange } from './exchange-model';
import { ExchangeAnnotator, requestDir } from './exchange-annotator';
import { chunkEvents, SPLIT_EXCHANGE } from './test-exchange';

const fin = (seq: number, kind: 'peer_fin' | 'fin_sent'): JournalEvent => ({ connId: 'c1', seq, at: 0, t: seq, kind });

describe('ExchangeAnnotator', () => {
  it('reads what a server receives as requests and what it sends as responses, across chunk boundaries', () => {
    const annotator = new ExchangeAnnotator('server');
    const { in: requests, out: responses } = annotator.update(buildExchange(chunkEvents(SPLIT_EXCHANGE)));
    expect(requests?.side).toBe('request');
    expect(requests?.messages[0]).toMatchObject({ method: 'GET', target: '/', version: 'HTTP/1.1', complete: true });
    expect(requests?.spans.toArray().slice(0, 3).map((s) => [s.kind, s.offset, s.length])).toEqual([
      ['method', 0, 3],
      ['sp', 3, 1],
      ['target', 4, 1],
    ]);
    expect(responses?.side).toBe('response');
    expect(responses?.messages[0]).toMatchObject({ status: 200, bodyLength: 5, complete: true });
  });

  it('reads a client-role connection the other way round', () => {
    expect(requestDir('client')).toBe('out');
    const flipped = SPLIT_EXCHANGE.map(([dir, text]) => [dir === 'in' ? 'out' : 'in', text] as const);
    const { out } = new ExchangeAnnotator('client').update(buildExchange(chunkEvents(flipped)));
    expect(out?.messages[0]?.method).toBe('GET');
  });

  it('feeds only new chunks, gives the same object while nothing changed, and settles on the FIN', () => {
    const annotator = new ExchangeAnnotator('server');
    const events = chunkEvents([['out', 'HTTP/1.1 200 OK\r\n\r\nhel']]);
    const first = annotator.update(buildExchange(events)).out;
    expect(first?.messages[0]?.framing).toBe('close');
    expect(first?.ended).toBe(false);
    // Built again from the same events (a delta for another connection): nothing to feed.
    expect(annotator.update(buildExchange([...events])).out).toBe(first);
    const grown = [...events, ...chunkEvents([['out', 'lo']]).slice(1).map((e) => ({ ...e, seq: 2 }))];
    const withFin = [...grown, fin(3, 'fin_sent')];
    const done = annotator.update(buildExchange(withFin)).out;
    expect(done?.ended).toBe(true);
    expect(done?.messages[0]).toMatchObject({ bodyLength: 5, complete: true });
  });

  it('knows a HEAD response has no body, from the request it answers', () => {
    const { out } = new ExchangeAnnotator('server').update(
      buildExchange(chunkEvents([['in', 'HEAD / HTTP/1.1\r\nHost: x\r\n\r\n'], ['out', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n']])),
    );
    expect(out?.messages[0]).toMatchObject({ complete: true, bodyLength: 0 });
  });

  it('gives no annotation for a stream whose first chunks were dropped', () => {
    const events = chunkEvents(SPLIT_EXCHANGE).filter((e) => e.seq !== 1);
    const result = new ExchangeAnnotator('server').update(buildExchange(events, { bytesIn: 27, bytesOut: 43, chunksIn: 2, chunksOut: 2 }));
    expect(result.in).toBeUndefined();
    expect(result.out?.messages[0]?.status).toBe(200);
  });
});
