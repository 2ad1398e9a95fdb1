// The golden files' format (shared/http/annotate/fixtures/README.md says it for people): reading a
// case out of markdown, and writing an annotation the way a case expects it, so the runner
// compares text with text and a failure shows the lines that differ. Pure, like the annotator.
import type { Annotation, HttpMessage, Side } from '../annotation';

export interface GoldenCase {
  name: string;
  /** The line of the file its heading is on, for failures. */
  line: number;
  side: Side;
  bytes: Uint8Array;
  /** Offsets where a new push starts; none: the bytes in one push. */
  cuts: number[];
  /** For responses: the method of the request each final response answers. */
  requestMethods?: string[];
  /** How many chunks, and fields, a message keeps as records (AnnotateOptions.maxRecords): small, to show the cap in a short case. */
  maxRecords?: number;
  /** Whether the peer's FIN comes after the bytes (default: yes). */
  ended: boolean;
  /** The expected blocks, as written (trimmed lines, empty ones dropped). */
  spans?: string;
  messages?: string;
  problems?: string;
}

interface Meta {
  side?: unknown;
  cuts?: unknown;
  requestMethods?: unknown;
  maxRecords?: unknown;
  ended?: unknown;
}

/** Every `## ` section of a golden file that has an `http` block. */
export function parseGolden(markdown: string): GoldenCase[] {
  const cases: GoldenCase[] = [];
  const lines = markdown.split('\n');
  let current: { name: string; line: number; meta?: Meta; blocks: Record<string, string[]> } | null = null;
  let fence: { kind: string; lines: string[] } | null = null;
  const close = (): void => {
    if (current?.blocks.http) cases.push(toCase(current.name, current.line, current.meta ?? {}, current.blocks));
  };
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (fence) {
      if (line.startsWith('```')) {
        if (current) current.blocks[fence.kind] = fence.lines;
        fence = null;
      } else fence.lines.push(line);
      return;
    }
    const open = /^```(\w+)\s*$/.exec(line);
    if (open) fence = { kind: open[1] as string, lines: [] };
    else if (line.startsWith('## ')) {
      close();
      current = { name: line.slice(3).trim(), line: i + 1, blocks: {} };
    } else if (current && line.startsWith('<!-- meta=')) {
      current.meta = JSON.parse(line.replace(/^<!-- meta=/, '').replace(/\s*-->\s*$/, '')) as Meta;
    }
  });
  close();
  return cases;
}

function toCase(name: string, line: number, meta: Meta, blocks: Record<string, string[]>): GoldenCase {
  const where = `${name} (line ${line})`;
  if (meta.side !== 'request' && meta.side !== 'response') throw new Error(`${where}: meta.side must be "request" or "response"`);
  const cuts = Array.isArray(meta.cuts) ? meta.cuts.map(Number) : [];
  const c: GoldenCase = { name, line, side: meta.side, bytes: decodeHttpBlock(blocks.http ?? [], where), cuts, ended: meta.ended !== false };
  if (Array.isArray(meta.requestMethods)) c.requestMethods = meta.requestMethods.map(String);
  if (typeof meta.maxRecords === 'number') c.maxRecords = meta.maxRecords;
  for (const kind of ['spans', 'messages', 'problems'] as const) {
    const block = blocks[kind];
    if (block) c[kind] = normalise(block.join('\n'));
  }
  return c;
}

/**
 * The bytes of an `http` block: its line breaks are not bytes, every byte is written. Escapes:
 * `\r` `\n` `\t` `\\`, `\xHH` any byte, and `\{N}` for the next byte (or escape) N times. Only
 * printable ASCII may stand for itself, and no line may end in a space or tab (write `\x20`):
 * editors strip those, and the case would change without anyone seeing it.
 */
export function decodeHttpBlock(lines: readonly string[], where = 'http block'): Uint8Array {
  const out: number[] = [];
  for (const line of lines) {
    if (/[ \t]$/.test(line)) throw new Error(`${where}: a line ends in whitespace; write it as \\x20 or \\t`);
    let repeat = 1;
    for (let i = 0; i < line.length; i++) {
      const ch = line.charCodeAt(i);
      let byte: number;
      if (ch < 0x20 || ch > 0x7e) throw new Error(`${where}: character ${ch} must be written as an escape`);
      if (line[i] !== '\\') byte = ch;
      else {
        const next = line[++i];
        if (next === 'r') byte = 0x0d;
        else if (next === 'n') byte = 0x0a;
        else if (next === 't') byte = 0x09;
        else if (next === '\\') byte = 0x5c;
        else if (next === 'x' && /^[0-9A-Fa-f]{2}$/.test(line.slice(i + 1, i + 3))) {
          byte = parseInt(line.slice(i + 1, i + 3), 16);
          i += 2;
        } else if (next === '{' && /^\{\d+\}/.test(line.slice(i))) {
          const count = /^\{(\d+)\}/.exec(line.slice(i))?.[1] ?? '1';
          i += count.length + 1;
          repeat = Number(count);
          continue;
        } else throw new Error(`${where}: unknown escape \\${next ?? ''}`);
      }
      for (let k = 0; k < repeat; k++) out.push(byte);
      repeat = 1;
    }
  }
  return Uint8Array.from(out);
}

/** A text as a case writes it: printable ASCII as is, the rest escaped as in the http block. */
export function escapeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch === '\\') out += '\\\\';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || c > 0x7e) out += `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

/** `offset/length/kind`, one span a line, under a `# message N` line whenever the message changes. */
export function renderSpans(a: Annotation): string {
  const out: string[] = [];
  let message: number | null = null;
  for (const s of a.spans) {
    if (s.message !== message) out.push(s.message === -1 ? '# outside messages' : `# message ${s.message}`);
    message = s.message;
    out.push(`${s.offset}/${s.length}/${s.kind}`);
  }
  return out.join('\n');
}

/** One line a message (where, complete, start line, framing, body), then its fields, chunks and trailers. */
export function renderMessages(a: Annotation): string {
  return a.messages.flatMap((m) => [headline(m), ...details(m)]).join('\n');
}

function headline(m: HttpMessage): string {
  const start = m.kind === 'request' ? `${m.method ?? ''} ${m.target ?? ''} ${m.version}` : `${m.version} ${m.status ?? ''} ${m.reason ?? ''}`;
  const declared = m.declaredLength === undefined ? '' : ` declared=${m.declaredLength}`;
  return `#${m.index} ${m.kind} @${m.offset}+${m.length} ${m.complete ? 'complete' : 'incomplete'} ${escapeText(start)} | framing=${m.framing}${declared} body=@${m.bodyOffset}+${m.bodyLength}`;
}

function details(m: HttpMessage): string[] {
  return [
    ...m.fields.map((f, i) => `  field ${i} @${f.offset}+${f.length} ${escapeText(f.name)}: ${escapeText(f.value)}`),
    ...m.chunks.map((c) => `  chunk @${c.offset} size=${c.size} data=@${c.dataOffset}+${c.dataLength}`),
    ...m.trailers.map((f, i) => `  trailer ${i} @${f.offset}+${f.length} ${escapeText(f.name)}: ${escapeText(f.value)}`),
    ...notKept(m),
  ].map((l) => l.trimEnd());
}

/** `  not kept: chunks=2 chunkData=2 fields=1 trailers=1`, the counters a message has (past maxRecords), or nothing. */
function notKept(m: HttpMessage): string[] {
  const counted = { chunks: m.chunksNotKept, chunkData: m.chunkDataNotKept, fields: m.fieldsNotKept, trailers: m.trailersNotKept };
  const parts = Object.entries(counted).flatMap(([name, n]) => (n === undefined ? [] : [`${name}=${n}`]));
  return parts.length > 0 ? [`  not kept: ${parts.join(' ')}`] : [];
}

/** `code @offset+length mN` and the params as JSON (non-ASCII as \u escapes), one problem a line. */
export function renderProblems(a: Annotation): string {
  return a.problems
    .map((p) => {
      const params = Object.keys(p.params).length === 0 ? '' : ` ${JSON.stringify(p.params).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`;
      return `${p.code} @${p.offset}+${p.length} m${p.message}${params}`;
    })
    .join('\n');
}

/** Lines trimmed, empty ones dropped: how blocks are compared. */
export function normalise(block: string): string {
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}
