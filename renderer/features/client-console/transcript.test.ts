import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { visibleString } from '../../../shared/bytes/bytes';
import { dataEvent, openedEvent } from '../../store/test-data';
import { BLOCK_BYTES, buildTranscript, transcriptItems, type Transcript } from './transcript';

const fin = (seq: number): JournalEvent => ({ connId: 'c1', seq, at: 0, t: seq, kind: 'peer_fin' });
const chunk = (seq: number, bytes: Uint8Array<ArrayBuffer>, dir: 'in' | 'out' = 'in'): JournalEvent => ({
  connId: 'c1',
  seq,
  at: 0,
  t: 0,
  kind: 'data',
  dir,
  length: bytes.length,
  bytes,
});
const enc = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s);
const euro = enc('€'); // E2 82 AC
/** Each block as the text of its byte items, joined. */
const blockTexts = (t: Transcript): string[] =>
  t.blocks.map((b) => b.items.map((i) => (i.type === 'bytes' ? visibleString(i.bytes) : `[${i.type}]`)).join(''));

describe('buildTranscript', () => {
  it('shows sent and received bytes in order, joining chunks of one direction, with notes between', () => {
    const t = buildTranscript([
      openedEvent('c1'),
      dataEvent('c1', 1, 'out', 'GET / HTTP/1.0\r\n'),
      dataEvent('c1', 2, 'out', '\r\n'),
      dataEvent('c1', 3, 'in', 'HTTP/1.1 200 OK\r\n'),
      dataEvent('c1', 4, 'in', '\r\nHello'),
      fin(5),
    ]);
    const items = transcriptItems(t);
    expect(items.map((i) => (i.type === 'bytes' ? `${i.dir}:${visibleString(i.bytes)}` : i.type === 'note' ? i.event.kind : i.type))).toEqual([
      'opened',
      'out:GET / HTTP/1.0␍␊\n␍␊\n',
      'in:HTTP/1.1 200 OK␍␊\n␍␊\nHello',
      'peer_fin',
    ]);
    expect(t.blocks).toHaveLength(1);
  });

  it('keeps a character split across two reads whole', () => {
    const items = transcriptItems(buildTranscript([chunk(0, euro.slice(0, 1)), chunk(1, euro.slice(1))]));
    expect(items).toHaveLength(1);
    expect(items[0]?.type === 'bytes' && visibleString(items[0].bytes)).toBe('€');
  });

  it('starts a new block only where a line ended', () => {
    const line = enc(`${'a'.repeat(BLOCK_BYTES - 1)}\n`);
    const midLine = enc('b'.repeat(BLOCK_BYTES));
    // Past BLOCK_BYTES but mid-line: no cut. After a line end: cut.
    expect(buildTranscript([chunk(0, midLine), chunk(1, enc('c\n')), chunk(2, enc('d'))]).blocks).toHaveLength(2);
    expect(buildTranscript([chunk(0, line), chunk(1, enc('c'))]).blocks).toHaveLength(2);
    expect(buildTranscript([chunk(0, enc('short\n')), chunk(1, enc('c'))]).blocks).toHaveLength(1);
  });

  it('never cuts inside a character, even in a stream without line ends', () => {
    const long = new Uint8Array([...enc('x'.repeat(4 * BLOCK_BYTES)), ...euro.slice(0, 2)]);
    const t = buildTranscript([chunk(0, long), chunk(1, euro.slice(2)), chunk(2, enc('!'))]);
    expect(blockTexts(t).map((s) => s.slice(-2))).toEqual(['x€', '!']);
  });

  it('leaves earlier blocks unchanged as bytes arrive', () => {
    const line = enc(`${'a'.repeat(BLOCK_BYTES)}\n`);
    const before = buildTranscript([openedEvent('c1'), chunk(1, line), chunk(2, enc('b'))]);
    const after = buildTranscript([openedEvent('c1'), chunk(1, line), chunk(2, enc('b')), chunk(3, enc('c\n')), chunk(4, enc('d'), 'out')]);
    expect(after.blocks.map((b) => b.key)).toEqual(before.blocks.map((b) => b.key));
    expect(blockTexts(after)[0]).toBe(blockTexts(before)[0]);
    expect(blockTexts(after)[1]).toBe('bc␊\nd');
  });

  it('says how many bytes were evicted instead of showing them', () => {
    const evicted: JournalEvent = { connId: 'c1', seq: 1, at: 0, t: 0, kind: 'data', dir: 'in', length: 37, bytes: null };
    expect(transcriptItems(buildTranscript([openedEvent('c1'), evicted]))[1]).toMatchObject({ type: 'evicted', dir: 'in', length: 37 });
  });

  it('past the limit, drops the oldest bytes first and says how many there were', () => {
    const t = buildTranscript([dataEvent('c1', 0, 'out', 'abcdef'), dataEvent('c1', 1, 'in', 'ghij')], 5);
    expect(t).toMatchObject({ shownBytes: 5, totalBytes: 10 });
    expect(blockTexts(t)).toEqual(['fghij']);
  });
});
