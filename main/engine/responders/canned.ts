// Lesson L1's and L2's server: the same exact bytes for every request, whatever was asked, in one
// write (the lesson's one sendall). Garbage typed into nc still gets the answer; a malformed
// answer (bare LF line ends, no headers) goes out byte for byte.
import type { Reply, Responder } from '../responder';

export function cannedResponder(bytes: Uint8Array): Responder {
  // The exchange journals the `answered` note (with the status it finds in the bytes) for every
  // responder, so the canned one has nothing more to say.
  // One copy of its own, made once, that owns its whole buffer: every answer then hands the
  // socket and the journal this same array (see Connection.writeUnchanging), never a copy per request.
  const reply: Reply = { writes: [new Uint8Array(bytes)], notes: [] };
  return () => reply;
}
