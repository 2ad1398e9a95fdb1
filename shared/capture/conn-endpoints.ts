// The two ends of a journaled connection as frames address them: IP octets, port, and a made-up
// MAC address. The journal has each end's address as Node's socket reported it.
import type { Address, Role } from '../contract/contract';
import { ipv4Octets, ipv6Octets, mappedIpv4 } from './ip-address';
import type { Endpoint } from './tcp-frame';

/**
 * Locally administered MACs (the 0x02 bit of the first octet, IEEE 802 section 8.2): the end that
 * connected is ...:01 and the end that accepted ...:02, so eth.src tells client from server at a glance.
 * Ethernet is only the wrapper Wireshark expects; the connections were TCP over whatever link.
 */
const CLIENT_MAC = Uint8Array.of(0x02, 0, 0, 0, 0, 0x01);
const SERVER_MAC = Uint8Array.of(0x02, 0, 0, 0, 0, 0x02);

export interface ConnEndpoints {
  local: Endpoint;
  remote: Endpoint;
  family: 'IPv4' | 'IPv6';
}

export function connEndpoints(role: Role, local: Address, remote: Address): ConnEndpoints {
  let localIp = octetsOf(local);
  let remoteIp = octetsOf(remote);
  // A dual-stack listener (`::`) reports an IPv4 peer as ::ffff:a.b.c.d: on the wire that was IPv4.
  const localV4 = localIp.length === 16 ? mappedIpv4(localIp) : localIp;
  const remoteV4 = remoteIp.length === 16 ? mappedIpv4(remoteIp) : remoteIp;
  if (localV4 && remoteV4) {
    localIp = localV4;
    remoteIp = remoteV4;
  } else {
    // One end IPv6: both are written as IPv6, an IPv4 end as its mapped form.
    localIp = asIpv6(localIp);
    remoteIp = asIpv6(remoteIp);
  }
  const localIsClient = role === 'client';
  return {
    local: { ip: localIp, port: local.port, mac: localIsClient ? CLIENT_MAC : SERVER_MAC },
    remote: { ip: remoteIp, port: remote.port, mac: localIsClient ? SERVER_MAC : CLIENT_MAC },
    family: localIp.length === 4 ? 'IPv4' : 'IPv6',
  };
}

/**
 * The address's octets. The OS may have forgotten a peer (a connection reset while it waited to be
 * accepted has no peer name: the journal has ''): the unspecified address stands in for it.
 */
function octetsOf(a: Address): Uint8Array {
  if (a.family === 'IPv6') return ipv6Octets(a.address) ?? ipv4Octets(a.address) ?? new Uint8Array(16);
  return ipv4Octets(a.address) ?? ipv6Octets(a.address) ?? new Uint8Array(4);
}

function asIpv6(ip: Uint8Array): Uint8Array {
  if (ip.length === 16) return ip;
  const out = new Uint8Array(16);
  out[10] = 0xff;
  out[11] = 0xff;
  out.set(ip, 12);
  return out;
}
