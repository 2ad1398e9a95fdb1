// StreamWatch keeps up with a journal as it grows, each chunk read once, and says it does not know
// where a stream stands once a chunk's bytes are gone (evicted), rather than guess. The journals
// are written out as the engine records them (real exchanges: main/engine/waiting-hints.test.ts).
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../contract/contract';
import { StreamWatch } from './stream-watch';

const END = { address: '127.0.0.1', port: 9000, family: 'IPv4' } as const;

function journal(connId: string, chunks: (string | null)[]): JournalEvent[] {
  const opened: JournalEvent = { connId, seq: 0, at: 0, t: 0, kind: 'opened', role: 'server', local: END, remote: END, mono: 0 };
  return [
    opened,
    ...chunks.map((text, i): JournalEvent => {
      const bytes = text === null ? null : new TextEncoder().encode(text);
      return { connId, seq: i + 1, at: i + 1, t: i + 1, kind: 'data', dir: 'in', length: bytes?.length ?? 4, bytes };
    }),
  ];
}

describe('StreamWatch', () => {
  it('reads each chunk once as the journal grows, and starts over for another connection', () => {
    const watch = new StreamWatch('request', 'in');
    const whole = journal('a', ['GET / HTTP/1.1\r\n', 'Host: x\r\n', '\r\n']);
    expect(watch.update(whole.slice(0, 2))).toMatchObject({ phase: 'head' });
    expect(watch.update(whole.slice(0, 3))).toMatchObject({ phase: 'head' });
    expect(watch.update(whole)).toMatchObject({ phase: 'start', pendingBytes: 0, messages: 1 });
    // Another connection's journal: nothing of the first one's stream carries over.
    expect(watch.update(journal('b', ['POST /']))).toMatchObject({ phase: 'start', pendingBytes: 6, messages: 0 });
  });

  it('does not know where the stream stands once a chunk it did not read is gone', () => {
    const watch = new StreamWatch('request', 'in');
    expect(watch.update(journal('a', ['GET / HTTP/1.1\r\n', null, '\r\n']))).toBeNull();
  });

  it('reads no further than a gap in the journal: what came after waits for the missing events', () => {
    const watch = new StreamWatch('request', 'in');
    const whole = journal('a', ['GET / HTTP/1.1\r\n', 'Host: x\r\n', '\r\n']);
    const gapped = [whole[0], whole[1], whole[3]] as JournalEvent[];
    expect(watch.update(gapped)).toMatchObject({ phase: 'head' });
    expect(watch.update(whole)).toMatchObject({ phase: 'start', messages: 1 });
  });
});
