// IP addresses as the journal writes them (the text Node's socket gives) turned into the octets an
// IP header carries (RFC 791 section 3.1: 4 octets; RFC 8200 section 3: 16 octets), and IPv6's
// octets back into text for a capture being read. Small and strict: what is not an address gives
// null, and the caller decides what stands in for it.

/** `a.b.c.d`, each part a decimal 0-255 without leading zeros (the only form Node reports). */
export function ipv4Octets(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i] as string;
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    out[i] = Number(part);
  }
  return out;
}

/**
 * RFC 4291 section 2.2's text forms: eight groups of hex, one `::` standing for a run of zero
 * groups, and an IPv4 dotted quad in the last 32 bits (`::ffff:127.0.0.1`). A zone (`fe80::1%lo`,
 * RFC 6874) names the local interface and is not on the wire: it is dropped.
 */
export function ipv6Octets(text: string): Uint8Array | null {
  const zone = text.indexOf('%');
  let rest = zone >= 0 ? text.slice(0, zone) : text;
  const out = new Uint8Array(16);
  // The dotted quad, if any, fills the last four octets and counts as two groups.
  let tailGroups = 0;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon >= 0 && rest.includes('.', lastColon)) {
    const v4 = ipv4Octets(rest.slice(lastColon + 1));
    if (!v4) return null;
    out.set(v4, 12);
    tailGroups = 2;
    // Keep what came before the quad: `::` whole, a single separating colon dropped.
    rest = rest.slice(0, lastColon + 1);
    if (!rest.endsWith('::')) rest = rest.slice(0, -1);
  }
  const halves = rest.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (s: string): number[] | null => {
    if (s === '') return [];
    const groups = s.split(':');
    if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
    return groups.map((g) => parseInt(g, 16));
  };
  const head = groupsOf(halves[0] as string);
  const tail = halves.length === 2 ? groupsOf(halves[1] as string) : [];
  if (!head || !tail) return null;
  const total = head.length + tail.length + tailGroups;
  if (halves.length === 1 ? total !== 8 : total > 7) return null;
  head.forEach((g, i) => setGroup(out, i, g));
  tail.forEach((g, i) => setGroup(out, 8 - tailGroups - tail.length + i, g));
  return out;
}

function setGroup(out: Uint8Array, index: number, group: number): void {
  out[index * 2] = group >> 8;
  out[index * 2 + 1] = group & 0xff;
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, RFC 4291 section 2.5.5.2), else null. */
export function mappedIpv4(octets: Uint8Array): Uint8Array | null {
  if (octets.length !== 16) return null;
  for (let i = 0; i < 10; i++) if (octets[i] !== 0) return null;
  if (octets[10] !== 0xff || octets[11] !== 0xff) return null;
  return octets.slice(12);
}

/** RFC 5952's text form: lowercase, leading zeros dropped, the longest run of zero groups as `::`. */
export function ipv6Text(bytes: Uint8Array): string {
  const groups = Array.from({ length: 8 }, (_, i) => (((bytes[2 * i] as number) << 8) | (bytes[2 * i + 1] as number)).toString(16));
  let best = { at: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { at: i, length: j - i };
    i = j;
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.length).join(':')}`;
}
