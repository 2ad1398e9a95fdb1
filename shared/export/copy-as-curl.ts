// Copy as curl: a command that sends an equivalent request (same method, target, version, fields
// and body bytes), with what curl cannot reproduce said in a comment. curl writes the head itself,
// so the exact bytes (line ends, field order, spacing) are the nc and Python copies' job.
import type { HttpMessage } from '../http/annotate/annotation';
import type { CopyTarget } from './journal-messages';
import { isPrintableAscii, printfCommand, shellQuote } from './shell-quote';
import { latin1 } from '../http/syntax';

export type CurlRequest = { message: HttpMessage; bytes: Uint8Array; content: Uint8Array };

/** Latin-1 text (the annotator reads one char per byte) back to its bytes. */
const latin1Bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/**
 * An origin-form target curl sends as written when it is the URL's path and query: RFC 3986 path
 * and query characters only, no dot segment (curl squashes `/../` unless --path-as-is) and no
 * glob characters. Anything else goes through --request-target, which curl sends verbatim.
 */
function plainOriginForm(target: string): boolean {
  return /^\/[A-Za-z0-9\-._~!$&*+,;=:@/?]*$/.test(target) && !/\/\.\.?(\/|\?|$)/.test(target) && !/%(?![0-9A-Fa-f]{2})/.test(target);
}

/** One -H argument. Bytes a clipboard would not keep (controls, beyond ASCII) come from printf in a command substitution. */
function headerArg(name: string, value: string): string {
  // `Name:` would tell curl to drop the field; `Name;` sends it with an empty value (curl(1), -H).
  const text = value === '' ? `${name};` : `${name}: ${value}`;
  const bytes = latin1Bytes(text);
  return isPrintableAscii(bytes) ? `-H ${shellQuote(text)}` : `-H "$(${printfCommand(bytes).replaceAll('\\\n', '')})"`;
}

/** The head curl would write for these fields in this order, to tell whether the original was spelled otherwise. */
function canonicalHead(m: HttpMessage): string {
  const fields = m.fields.map((f) => (f.value === '' ? `${f.name}:\r\n` : `${f.name}: ${f.value}\r\n`)).join('');
  return `${m.method ?? ''} ${m.target ?? ''} ${m.version}\r\n${fields}\r\n`;
}

function sameText(bytes: Uint8Array, text: string): boolean {
  if (bytes.length !== text.length) return false;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Fields curl writes of its own accord (curl 7.88: Host, User-Agent, Accept; with a body Content-Type and, past 1 KiB, Expect). */
function ownFields(withBody: boolean): string[] {
  return withBody ? ['Host', 'User-Agent', 'Accept', 'Content-Type', 'Expect'] : ['Host', 'User-Agent', 'Accept'];
}

export function copyAsCurl(request: CurlRequest, target: CopyTarget): string {
  const m = request.message;
  const method = m.method ?? 'GET';
  const requestTarget = m.target ?? '/';
  const chunked = m.framing === 'chunked';
  const withBody = request.content.length > 0 || chunked;
  const notes: string[] = [
    '# curl writes the head itself: same method, target, version, fields and body bytes, but curl puts Host first',
    '# and orders the rest as given here. For these exact bytes use the printf | nc or the Python copy.',
  ];
  const args: string[] = [];

  if (m.version === 'HTTP/1.0') args.push('--http1.0');
  else {
    args.push('--http1.1');
    if (m.version !== 'HTTP/1.1') notes.push(`# The request said ${m.version}; curl speaks HTTP/1.1 here.`);
  }
  if (method === 'HEAD' && !withBody) args.push('--head');
  else if (method !== (withBody ? 'POST' : 'GET')) args.push(`-X ${shellQuote(method)}`);

  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  const base = `http://${host}:${target.port}`;
  let url = `${base}/`;
  if (plainOriginForm(requestTarget)) url = `${base}${requestTarget}`;
  else if (isPrintableAscii(latin1Bytes(requestTarget))) args.push(`--request-target ${shellQuote(requestTarget)}`);
  else args.push(`--request-target "$(${printfCommand(latin1Bytes(requestTarget)).replaceAll('\\\n', '')})"`);
  // [ ] { } in a URL are curl's globs unless -g (an IPv6 address has brackets).
  if (/[[\]{}]/.test(url)) args.push('-g');

  const present = new Set(m.fields.map((f) => f.name.toLowerCase()));
  for (const f of m.fields) args.push(headerArg(f.name, f.value));
  // A field curl would add that the original lacked: `Name:` removes it (curl(1), -H).
  for (const name of ownFields(withBody)) if (!present.has(name.toLowerCase())) args.push(`-H ${shellQuote(`${name}:`)}`);
  // A shell argument ends at NUL (command substitution drops it): such a field cannot reach curl intact.
  if ([requestTarget, ...m.fields.map((f) => f.value)].some((v) => v.includes('\0'))) notes.push('# A NUL byte in the target or a field cannot pass through a shell argument: curl sends it without.');
  if (m.fieldsNotKept) notes.push(`# ${m.fieldsNotKept} more fields were not kept by the annotator and are missing here.`);

  let pipeIn = '';
  if (withBody) {
    const content = request.content;
    const plain = content.length > 0 && isPrintableAscii(content) && content[0] !== 0x40; // '@' means a file to curl
    if (plain) args.push(`--data-binary ${shellQuote(latin1(content, 0, content.length))}`);
    else {
      // Exact bytes (NUL and 0xFF too) through a pipe: --data-binary @- sends stdin unchanged.
      pipeIn = `${printfCommand(content)} |\n`;
      args.push('--data-binary @-');
    }
    if (chunked) notes.push('# The body was chunked: curl chunks it anew (one chunk); chunk sizes, extensions and trailers differ.');
  }

  const head = request.bytes.subarray(0, m.bodyOffset - m.offset);
  if (!sameText(head, canonicalHead(m))) {
    notes.push('# The original head was spelled otherwise (bare LF line ends, spacing, folded or invalid lines): curl writes CRLF and `Name: value`.');
  }
  if (!m.complete) notes.push('# The original request was not complete in the journal: this sends what had arrived.');

  const command = ['curl', ...args, shellQuote(url)].join(' \\\n  ');
  return `${notes.join('\n')}\n${pipeIn}${command}`;
}
