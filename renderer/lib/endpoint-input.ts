// What a person typed into a host or port field, checked before it goes to the engine, so a typo
// gets a sentence next to the field rather than a schema error. The engine's door checks again.

/** A whole number in [min, 65535], or null. Only digits: "9000 " or "90.0" are not ports. */
export function parsePort(text: string, min: 0 | 1): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  const port = Number(trimmed);
  return port >= min && port <= 65535 ? port : null;
}

/** A host name or IP literal as the contract accepts it: no spaces, no slashes (no URL). */
export function parseHost(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 253 || /[\s/]/.test(trimmed)) return null;
  // [::1] is how people write IPv6 next to a port; the socket wants it without brackets.
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
}
