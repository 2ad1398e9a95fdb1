// Two response versions compared line by line, where a line keeps its own ending: `A\r\n` and
// `A\n` differ, since a learner comparing two tries wants exactly the byte that changed.
// Pure: bytes in, parts out.
import { diffLines } from 'diff';
import type { ResponseVersion } from '../../../shared/contract/contract';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  bytes: Uint8Array;
}

/** The bytes a version sent, when it was a canned response; null for other responders. */
export function versionBytes(version: ResponseVersion): Uint8Array | null {
  return version.responder.kind === 'canned' ? version.responder.bytes : null;
}

// Latin-1 maps each byte to one character and back, so the diff works on bytes, not on UTF-8
// characters (a changed byte inside a multi-byte character still shows as that line changing).
const asLatin1 = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
};
const fromLatin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

export function diffVersions(before: Uint8Array, after: Uint8Array): DiffPart[] {
  return diffLines(asLatin1(before), asLatin1(after)).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    bytes: fromLatin1(change.value),
  }));
}
