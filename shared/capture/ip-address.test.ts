import { describe, expect, it } from 'vitest';
import { ipv4Octets, ipv6Octets, mappedIpv4 } from './ip-address';

const hex = (b: Uint8Array | null): string | null => (b ? Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('') : null);

describe('ipv4Octets', () => {
  it('reads dotted quads and refuses anything else', () => {
    expect(hex(ipv4Octets('127.0.0.1'))).toBe('7f000001');
    expect(hex(ipv4Octets('255.255.255.255'))).toBe('ffffffff');
    for (const bad of ['', '1.2.3', '1.2.3.4.5', '256.0.0.1', '01.2.3.4', '1.2.3.x', '::1']) expect(ipv4Octets(bad)).toBeNull();
  });
});

describe('ipv6Octets', () => {
  it('reads the forms of RFC 4291 section 2.2', () => {
    expect(hex(ipv6Octets('::1'))).toBe('00000000000000000000000000000001');
    expect(hex(ipv6Octets('::'))).toBe('00000000000000000000000000000000');
    expect(hex(ipv6Octets('2001:db8::8a2e:370:7334'))).toBe('20010db80000000000008a2e03707334');
    expect(hex(ipv6Octets('2001:DB8:0:0:1:2:3:4'))).toBe('20010db8000000000001000200030004');
    expect(hex(ipv6Octets('fe80::'))).toBe('fe800000000000000000000000000000');
  });

  it('takes an IPv4 tail and drops a zone', () => {
    expect(hex(ipv6Octets('::ffff:127.0.0.1'))).toBe('00000000000000000000ffff7f000001');
    expect(hex(ipv6Octets('::1.2.3.4'))).toBe('00000000000000000000000001020304');
    expect(hex(ipv6Octets('1:2:3:4:5:6:1.2.3.4'))).toBe('00010002000300040005000601020304');
    expect(hex(ipv6Octets('fe80::1%lo'))).toBe('fe800000000000000000000000000001');
  });

  it('refuses what is not an address', () => {
    for (const bad of ['', '1', ':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::', 'g::1', '::ffff:1.2.3', '1:2:3:4:5:6:7::8:9']) {
      expect(ipv6Octets(bad), bad).toBeNull();
    }
  });
});

describe('mappedIpv4', () => {
  it('finds the IPv4 address in ::ffff:a.b.c.d only', () => {
    expect(hex(mappedIpv4(ipv6Octets('::ffff:10.0.0.2') as Uint8Array))).toBe('0a000002');
    expect(mappedIpv4(ipv6Octets('::1') as Uint8Array)).toBeNull();
    expect(mappedIpv4(Uint8Array.of(127, 0, 0, 1))).toBeNull();
  });
});
