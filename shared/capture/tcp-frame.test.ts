import { describe, expect, it } from 'vitest';
import { tcpFrame, type Endpoint, type Segment } from './tcp-frame';
import { TCP_FLAGS } from './wire-numbers';

const mac = (n: number): Uint8Array => Uint8Array.of(2, 0, 0, 0, 0, n);
const v4 = (last: number): Endpoint => ({ mac: mac(last), ip: Uint8Array.of(127, 0, 0, last), port: 9000 + last });
const v6 = (last: number): Endpoint => ({ mac: mac(last), ip: Uint8Array.of(...new Array<number>(15).fill(0), last), port: 9000 + last });
const payload = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const segment = (over: Partial<Segment> = {}): Segment => {
  const data = payload('GET / HTTP/1.0\r\n\r\n!'); // odd length: the checksum pads it
  return { seq: 0xfffffff0 + 0x20, ack: 7, flags: TCP_FLAGS.ACK | TCP_FLAGS.PSH, window: 0xffff, options: new Uint8Array(0), length: data.length, payload: data, ...over };
};

/** RFC 1071: the one's complement sum over data that includes its own checksum folds to 0xffff. */
function sum(parts: readonly Uint8Array[]): number {
  let s = 0;
  for (const p of parts) for (let i = 0; i < p.length; i += 2) s += ((p[i] as number) << 8) | (p[i + 1] ?? 0);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}

function pseudoHeader(src: Uint8Array, dst: Uint8Array, tcpLength: number): Uint8Array {
  const tail = src.length === 4 ? Uint8Array.of(0, 6, tcpLength >> 8, tcpLength & 0xff) : Uint8Array.of(0, 0, tcpLength >> 8, tcpLength & 0xff, 0, 0, 0, 6);
  return Uint8Array.of(...src, ...dst, ...tail);
}

describe('tcpFrame', () => {
  it('IPv4: Ethernet, a header whose checksum verifies, and a TCP segment whose checksum verifies', () => {
    const from = v4(1);
    const to = v4(2);
    const seg = segment();
    const { bytes, originalLength } = tcpFrame(from, to, 0x1234, seg);
    expect(bytes.length).toBe(14 + 20 + 20 + seg.length);
    expect(originalLength).toBe(bytes.length);
    expect(Array.from(bytes.subarray(0, 14))).toEqual([...to.mac, ...from.mac, 0x08, 0x00]);
    const ip = bytes.subarray(14, 34);
    expect(ip[0]).toBe(0x45);
    expect((ip[2] as number) * 256 + (ip[3] as number)).toBe(20 + 20 + seg.length);
    expect(ip[9]).toBe(6);
    expect(sum([ip])).toBe(0xffff);
    const tcp = bytes.subarray(34);
    expect(sum([pseudoHeader(from.ip, to.ip, tcp.length), tcp])).toBe(0xffff);
    const view = new DataView(tcp.buffer, tcp.byteOffset);
    expect([view.getUint16(0), view.getUint16(2)]).toEqual([9001, 9002]);
    expect(view.getUint32(4)).toBe(0x10); // wrapped to 32 bits
    expect(view.getUint32(8)).toBe(7);
    expect(view.getUint16(12)).toBe((5 << 12) | TCP_FLAGS.ACK | TCP_FLAGS.PSH);
  });

  it('IPv6: next header 6, payload length, and the RFC 8200 pseudo header in the TCP checksum', () => {
    const from = v6(1);
    const to = v6(2);
    const options = Uint8Array.of(2, 4, 0xff, 0xd7, 1, 3, 3, 7);
    const { bytes } = tcpFrame(from, to, 0, segment({ flags: TCP_FLAGS.SYN, options, length: 0, payload: null }));
    expect(Array.from(bytes.subarray(12, 14))).toEqual([0x86, 0xdd]);
    expect(bytes[14]).toBe(0x60);
    expect(bytes.length).toBe(14 + 40 + 28);
    expect((bytes[18] as number) * 256 + (bytes[19] as number)).toBe(28);
    expect(bytes[20]).toBe(6);
    const tcp = bytes.subarray(54);
    expect(tcp[12]).toBe(7 << 4); // 28 octets of header: 7 words
    expect(new DataView(tcp.buffer, tcp.byteOffset).getUint32(8)).toBe(0); // no ACK flag, no ack number
    expect(sum([pseudoHeader(from.ip, to.ip, tcp.length), tcp])).toBe(0xffff);
  });

  it('a payload the journal no longer holds: headers only, the original length counts it, checksum left 0', () => {
    const { bytes, originalLength } = tcpFrame(v4(1), v4(2), 1, segment({ length: 1000, payload: null }));
    expect(bytes.length).toBe(54);
    expect(originalLength).toBe(54 + 1000);
    expect((bytes[16] as number) * 256 + (bytes[17] as number)).toBe(20 + 20 + 1000); // IP says what was on the wire
    expect(Array.from(bytes.subarray(50, 52))).toEqual([0, 0]);
  });
});
