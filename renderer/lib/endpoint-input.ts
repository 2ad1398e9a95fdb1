// What a person typed into a host or port field, checked before it goes to the engine, so a typo
// gets a sentence next to the field rather than a schema error. The limits are the contract's own
// schemas (Host, Port), so the form and the engine's door can never disagree about them.
import { Host, Port } from '../../shared/contract/contract';

/** The contract's Port, and the one a client connects to (port 0 means "any" only when listening). */
const PORT_FROM = { 0: Port, 1: Port.min(1) } as const;

/** A whole number the contract takes as a port (from `min`), or null. Only digits: "9000 " or "90.0" are not ports. */
export function parsePort(text: string, min: 0 | 1): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  const port = PORT_FROM[min].safeParse(Number(trimmed));
  return port.success ? port.data : null;
}

/** A host name or IP literal as the contract accepts it: no spaces, no slashes (no URL). */
export function parseHost(text: string): string | null {
  const trimmed = text.trim();
  if (!Host.safeParse(trimmed).success) return null;
  // [::1] is how people write IPv6 next to a port; the socket wants it without brackets.
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
}
