// The files Export downloads: named after the connection, pcapng (read back by its first block)
// and HAR (its entries), also for a journal whose payloads are gone.
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { dataEvent, openedEvent, summary } from '../../store/test-data';
import type { Har } from '../../../shared/export/har-types';
import { exportFile, exportFileName } from './export-files';

const REQUEST = 'GET /a HTTP/1.1\r\nHost: h.test\r\n\r\n';
const RESPONSE = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';
const conn = summary('c7', { bytesOut: REQUEST.length, bytesIn: RESPONSE.length, chunksOut: 1, chunksIn: 1 });
const events: JournalEvent[] = [openedEvent('c7'), dataEvent('c7', 1, 'out', REQUEST), dataEvent('c7', 2, 'in', RESPONSE)];

describe('exportFile', () => {
  it('names the file after the connection, keeping only characters every file system takes', () => {
    expect(exportFileName('c7', 'pcapng')).toBe('wirebench-c7.pcapng');
    expect(exportFileName('a/b:c', 'har')).toBe('wirebench-a_b_c.har');
  });

  it('makes a pcapng file: a Section Header Block first, in the byte order its magic says', () => {
    const file = exportFile('pcapng', conn, events);
    expect(file.name).toBe('wirebench-c7.pcapng');
    const bytes = file.bytes as Uint8Array;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x0a0d0d0a);
    expect(view.getUint32(8, true)).toBe(0x1a2b3c4d);
    // The request's bytes are in a frame.
    expect(new TextDecoder('latin1').decode(bytes)).toContain(REQUEST);
  });

  it('makes a HAR file with one entry per request, and its response', () => {
    const file = exportFile('har', conn, events);
    expect(file.name).toBe('wirebench-c7.har');
    const har = JSON.parse(file.bytes as string) as Har;
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(1);
    expect(har.log.entries[0]?.request.method).toBe('GET');
    expect(har.log.entries[0]?.request.url).toBe('http://h.test/a') // the Host field names it;
    expect(har.log.entries[0]?.response.status).toBe(200);
  });

  it('still makes a pcapng file when the payloads were evicted, without their bytes', () => {
    const evicted = events.map((e) => (e.kind === 'data' ? { ...e, bytes: null } : e));
    const file = exportFile('pcapng', { ...conn, payloadEvicted: true }, evicted);
    const text = new TextDecoder('latin1').decode(file.bytes as Uint8Array);
    expect(text).not.toContain(REQUEST);
    expect(file.bytes.length).toBeGreaterThan(100);
  });
});
