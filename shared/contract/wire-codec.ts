// Bytes on the WebSocket door. JSON has no byte type, so every Uint8Array anywhere in a message is
// replaced by {"$b64": "..."} on the way out and restored on the way in. Pure: runs in Node and in
// the browser alike (atob/btoa exist in both).
const B64_KEY = '$b64';

export function encodeWire(value: unknown): string {
  // The holder's own value (this[key]), not `v`: JSON.stringify calls a value's toJSON before the
  // replacer, and a Node Buffer's toJSON would already have turned it into {type, data: [...]}.
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    return raw instanceof Uint8Array ? { [B64_KEY]: bytesToBase64(raw) } : v;
  });
}

/** Deeper than this, a message is refused: no command's input comes near it. */
export const MAX_WIRE_DEPTH = 64;

/** Why a message could not be decoded: not JSON, nested too deep, or a `$b64` that is not base64. */
export type WireDecodeFailure = 'not_json' | 'too_deep' | 'bad_base64';

export type WireDecoded = { ok: true; value: unknown } | { ok: false; why: WireDecodeFailure; plain: unknown };

/**
 * Like decodeWire, but says why a message failed, with the message as plain JSON where it was JSON
 * at all (so the door can still answer its id). JSON.parse itself is iterative and takes any depth;
 * the walk that restores bytes is an explicit stack with a depth bound, since a reviver recurses
 * once per level and a message nested 100,000 deep overflowed it.
 */
export function decodeWireChecked(text: string): WireDecoded {
  let plain: unknown;
  try {
    plain = JSON.parse(text);
  } catch {
    return { ok: false, why: 'not_json', plain: undefined };
  }
  // Held in a box, so a message that is bytes alone is restored like any nested value.
  const box = { value: plain };
  const why = restoreBytes(box);
  return why === null ? { ok: true, value: box.value } : { ok: false, why, plain };
}

export function decodeWire(text: string): unknown {
  const decoded = decodeWireChecked(text);
  if (!decoded.ok) throw new Error(`wire message refused: ${decoded.why}`);
  return decoded.value;
}

/** Replaces every {"$b64": "..."} below `root` by its bytes, in place; null, or why it could not. */
function restoreBytes(root: unknown): WireDecodeFailure | null {
  const stack: Array<{ holder: Record<string, unknown> | unknown[]; depth: number }> = [];
  if (root !== null && typeof root === 'object') stack.push({ holder: root as Record<string, unknown>, depth: 0 });
  while (stack.length > 0) {
    const { holder, depth } = stack.pop() as (typeof stack)[number];
    if (depth > MAX_WIRE_DEPTH) return 'too_deep';
    for (const key of Object.keys(holder)) {
      const v = (holder as Record<string, unknown>)[key];
      if (v === null || typeof v !== 'object') continue;
      const b64 = Array.isArray(v) ? undefined : (v as Record<string, unknown>)[B64_KEY];
      if (typeof b64 === 'string' && Object.keys(v).length === 1) {
        const bytes = tryBase64ToBytes(b64);
        if (bytes === null) return 'bad_base64';
        (holder as Record<string, unknown>)[key] = bytes;
      } else {
        stack.push({ holder: v as Record<string, unknown>, depth: depth + 1 });
      }
    }
  }
  return null;
}

function tryBase64ToBytes(b64: string): Uint8Array | null {
  try {
    return base64ToBytes(b64);
  } catch {
    return null;
  }
}

export function bytesToBase64(bytes: Uint8Array): string {
  // String.fromCharCode over slices: one call per byte would be slow for large chunks, and one
  // call for everything overflows the argument limit.
  let binary = '';
  const step = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += step) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + step));
  }
  return btoa(binary);
}

export function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

// ---- envelopes on the WebSocket door ----------------------------------------------------------
// Browser -> host: invoke a command. Host -> browser: its result, or an event.
export type WireInvoke = { type: 'invoke'; id: number; name: string; input: unknown };
export type WireResult = { type: 'result'; id: number; result: unknown };
export type WireEvent = { type: 'event'; name: string; payload: unknown };
export type WireToHost = WireInvoke;
export type WireToPage = WireResult | WireEvent;

/** The path the WebSocket door listens on; the token rides in the query: /ws?token=... */
export const WS_PATH = '/ws';
