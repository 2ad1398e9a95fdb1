// The table's text as Linux writes it. Every line below was captured on our test machine (Linux
// 6.18, x86_64, 2026-12-01) from /proc/net/tcp{,6} while python3 held a real loopback socket in
// that state (a full receive buffer holds a FIN back for FIN_WAIT_1, CLOSING and LAST_ACK;
// TCP_DEFER_ACCEPT keeps a handshake in SYN_RECV; a full accept queue keeps a connect in SYN_SENT).
// Only CLOSE (07) is missing: the kernel unhashes a socket as it enters it, so no line shows it.
import { describe, expect, it } from 'vitest';
import { addressKey, parseProcNetTcp, parseSockstat } from './proc-net-tcp';

const HEADER_V4 =
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode                                                     ';
const HEADER_V6 =
  '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';

const LINES = {
  listen: '   1: 0100007F:D355 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3870176 1 000000006555c136 100 0 0 10 0                   ',
  established: '   9: 0100007F:AFD4 0100007F:D355 01 00000000:00000000 00:00000000 00000000     0        0 3870177 2 000000006f316bac 21 0 0 10 -1                   ',
  finWait2: '   9: 0100007F:AFD4 0100007F:D355 05 00000000:00000000 00:00000000 00000000     0        0 3870177 2 000000006f316bac 20 0 0 11 -1                   ',
  closeWait: '   4: 0100007F:D355 0100007F:AFD4 08 00000000:00000001 00:00000000 00000000     0        0 3870178 1 000000000d09b98e 21 4 0 10 -1                   ',
  timeWait: '   8: 0100007F:AFD4 0100007F:D355 06 00000000:00000000 03:0000176A 00000000     0        0 0 3 000000000551992f                                      ',
  finWait1: '   8: 0100007F:ACC5 0100007F:97BE 04 002AC801:00000000 04:00000013 00000000     0        0 3870322 2 00000000443fc6f7 20 0 0 12 -1                   ',
  closing: '   8: 0100007F:ACC5 0100007F:97BE 0B 002AC801:00000001 04:0000000E 00000000     0        0 3870322 2 00000000443fc6f7 20 0 0 12 -1                   ',
  lastAck: '  17: 0100007F:9795 0100007F:B7AC 09 002AC801:00000001 04:00000009 00000000     0        0 0 2 000000006f316bac 20 4 0 12 -1                         ',
  synRecv: '   9: 0100007F:D171 0100007F:ACCC 03 00000000:00000000 01:0000005E 00000000     0        0 0 0 00000000f6b3ef37                                      ',
  synSent: '   6: 0100007F:D1B8 0100007F:8449 02 00000001:00000000 01:00000059 00000000     0        0 3870191 2 00000000e05d639d 100 0 0 10 -1                  ',
  v6FinWait2: '   1: 00000000000000000000000001000000:B592 00000000000000000000000001000000:DBBB 05 00000000:00000000 00:00000000 00000000     0        0 3870182 2 0000000026924f2e 20 0 0 11 -1',
  v6Listen: '   0: 00000000000000000000000000000000:C5C3 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3870184 1 00000000edf5da99 100 0 0 10 0',
  mapped: '   3: 0000000000000000FFFF00000100007F:C5C3 0000000000000000FFFF00000100007F:A97E 01 00000000:00000000 00:00000000 00000000     0        0 3870186 1 00000000531d61fd 20 0 0 10 -1',
};

const one = (line: string, header = HEADER_V4) => {
  const sockets = parseProcNetTcp(`${header}\n${line}\n`, { littleEndian: true });
  expect(sockets).toHaveLength(1);
  return sockets[0];
};

describe('parseProcNetTcp', () => {
  it('reads both ends of an IPv4 line: words in host byte order, ports in hex', () => {
    expect(one(LINES.established)).toEqual({
      local: { address: '127.0.0.1', port: 0xafd4 },
      remote: { address: '127.0.0.1', port: 0xd355 },
      state: 'ESTABLISHED',
      timer: 0,
      timerLeftMs: 0,
    });
    expect(one(LINES.listen)).toMatchObject({ state: 'LISTEN', remote: { address: '0.0.0.0', port: 0 } });
  });

  it('names every state the kernel printed, as RFC 9293 writes it', () => {
    const states = Object.fromEntries(Object.entries(LINES).map(([name, line]) => [name, one(line)?.state]));
    expect(states).toEqual({
      listen: 'LISTEN',
      established: 'ESTABLISHED',
      finWait2: 'FIN_WAIT_2',
      closeWait: 'CLOSE_WAIT',
      timeWait: 'TIME_WAIT',
      finWait1: 'FIN_WAIT_1',
      closing: 'CLOSING',
      lastAck: 'LAST_ACK',
      synRecv: 'SYN_RECEIVED',
      synSent: 'SYN_SENT',
      v6FinWait2: 'FIN_WAIT_2',
      v6Listen: 'LISTEN',
      mapped: 'ESTABLISHED',
    });
  });

  it("reads TIME_WAIT's timer: tr 3, tm->when in clock ticks of 10 ms", () => {
    // 0x176A ticks = 5994: 59.94 s of the kernel's 60 s TIME_WAIT left, a few ms after it began.
    expect(one(LINES.timeWait)).toMatchObject({ state: 'TIME_WAIT', timer: 3, timerLeftMs: 59_940 });
    // A retransmission timer (tr 1) on SYN_RECV's SYN-ACK; a zero-window probe (tr 4) on FIN_WAIT_1.
    expect(one(LINES.synRecv)).toMatchObject({ timer: 1, timerLeftMs: 940 });
    expect(one(LINES.finWait1)).toMatchObject({ timer: 4, timerLeftMs: 190 });
  });

  it('reads IPv6 as four words, and an IPv4 peer of a dual-stack listener as IPv4', () => {
    expect(one(LINES.v6FinWait2, HEADER_V6)).toMatchObject({
      local: { address: addressKey('::1'), port: 0xb592 },
      remote: { address: addressKey('::1'), port: 0xdbbb },
    });
    expect(one(LINES.mapped, HEADER_V6)).toMatchObject({
      local: { address: '127.0.0.1', port: 0xc5c3 },
      remote: { address: '127.0.0.1', port: 0xa97e },
    });
  });

  it('reads the words big-endian on a big-endian machine', () => {
    const [socket] = parseProcNetTcp('   0: 7F000001:0050 7F000002:D000 01 00000000:00000000 00:00000000 00000000', { littleEndian: false });
    expect(socket).toMatchObject({ local: { address: '127.0.0.1', port: 80 }, remote: { address: '127.0.0.2' } });
  });

  it('parses only the lines of the local ports asked for, and skips what it does not understand', () => {
    const text = [HEADER_V4, LINES.listen, LINES.established, LINES.closeWait, 'garbage', ''].join('\n');
    expect(parseProcNetTcp(text, { littleEndian: true, localPorts: new Set([0xafd4]) }).map((s) => s.state)).toEqual(['ESTABLISHED']);
    expect(parseProcNetTcp(text, { littleEndian: true })).toHaveLength(3);
  });
});

describe('addressKey', () => {
  it('spells one address one way, whoever wrote it', () => {
    expect(addressKey('127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('::FFFF:7f00:1')).toBe('127.0.0.1');
    expect(addressKey('::1')).toBe('0:0:0:0:0:0:0:1');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0:0:0:0:1');
    expect(addressKey('2001:db8:0:0:1::')).toBe('2001:db8:0:0:1:0:0:0');
  });

  it('refuses what is not an address', () => {
    for (const text of ['', 'localhost', '1.2.3', '256.0.0.1', '1::2::3', '1:2:3:4:5:6:7', '12345::', '::ffff:1.2.3']) {
      expect(addressKey(text), text).toBeNull();
    }
  });
});

describe('parseSockstat', () => {
  it("counts the machine's TCP sockets: every one allocated, and the TIME_WAITs", () => {
    // /proc/net/sockstat as captured on our test machine just after a load test (wrk, 4 s).
    const text = 'sockets: used 19\nTCP: inuse 1 orphan 0 tw 64087 alloc 1 mem 89\nUDP: inuse 0 mem 0\nUDPLITE: inuse 0\nRAW: inuse 0\nFRAG: inuse 0 memory 0\n';
    expect(parseSockstat(text)).toBe(64_088);
    expect(parseSockstat('sockets: used 19\n')).toBeNull();
  });
});
