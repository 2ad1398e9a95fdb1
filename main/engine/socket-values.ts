// What a socket hands a Connection, in the form the journal keeps: its chunks as plain
// Uint8Arrays that own their memory, and its endpoints as the contract shows them.
import { isIPv6 } from 'node:net';
import type { Address } from '../../shared/contract/contract';

/**
 * A chunk as a plain Uint8Array that owns its whole buffer. Node reads each chunk into a buffer of
 * its own, sized to what was read: that one is taken as is (a view on it, without copying). A
 * chunk sliced out of a larger buffer is copied: a structured clone (Electron IPC) of a view would
 * carry the whole underlying buffer, and the journal must not pin memory it does not account for.
 */
export function ownBytes(chunk: Buffer): Uint8Array {
  if (chunk.byteOffset === 0 && chunk.buffer.byteLength === chunk.length) {
    return new Uint8Array(chunk.buffer, 0, chunk.length);
  }
  return new Uint8Array(chunk);
}

/**
 * The journal holds plain Uint8Arrays only. A Node Buffer (a file a responder read) is one too, but
 * its own toJSON runs before any JSON replacer sees it, so a host that prints or sends the journal
 * as JSON would carry {"type":"Buffer","data":[…]} instead of bytes: the same memory, seen as a
 * plain Uint8Array, costs no copy.
 */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * An endpoint as the contract shows it. The OS may already have forgotten the peer (a connection
 * reset while it waited in the accept queue has no peer name any more): it is then shown empty.
 */
export function address(ip: string | undefined, port: number | undefined, family: string | undefined): Address {
  // The family as the socket knows it: no parsing of the address text per connection.
  const v6 = family === 'IPv6' || (family === undefined && ip !== undefined && isIPv6(ip));
  return { address: ip ?? '', port: port ?? 0, family: v6 ? 'IPv6' : 'IPv4' };
}
