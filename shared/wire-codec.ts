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

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const rec = v as Record<string, unknown>;
      const b64 = rec[B64_KEY];
      if (typeof b64 === 'string' && Object.keys(rec).length === 1) return base64ToBytes(b64);
    }
    return v;
  });
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
