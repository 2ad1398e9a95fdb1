// Bytes written as Python source, and read back: the lessons' programs (../programs/*.py) hold
// their protocol bytes as bytes literals, and the tests check them against the very bytes Wirebench
// sends (shared/server/presets.ts), so the program a learner reads and the wire never disagree.

/** One bytes literal's inside: printable ASCII as it is, \r \n \t \\ \" escaped, anything else \xHH. */
function escapeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x0d) out += '\\r';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x09) out += '\\t';
    else if (b === 0x5c) out += '\\\\';
    else if (b === 0x22) out += '\\"';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/**
 * The bytes as Python bytes literals, one per line of the wire text (cut after each LF), each on
 * its own line with `indent` before it: inside parentheses Python joins them into one value.
 */
export function pythonBytesLines(bytes: Uint8Array, indent: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(`${indent}b"${escapeBytes(bytes.subarray(start, i + 1))}"`);
      start = i + 1;
    }
  }
  if (start < bytes.length || lines.length === 0) lines.push(`${indent}b"${escapeBytes(bytes.subarray(start))}"`);
  return lines;
}

/** `NAME = (` + the literals + `)`: a constant holding exactly these bytes. */
export function pythonBytesConstant(name: string, bytes: Uint8Array): string {
  return [`${name} = (`, ...pythonBytesLines(bytes, '    '), ')'].join('\n');
}

/** Python's reading of the literals pythonBytesConstant writes: for the tests' round trip. */
export function readPythonBytesConstant(text: string): Uint8Array {
  const out: number[] = [];
  for (const match of text.matchAll(/b"((?:[^"\\]|\\.)*)"/g)) {
    const body = match[1] ?? '';
    for (let i = 0; i < body.length; i++) {
      const c = body[i] as string;
      if (c !== '\\') {
        out.push(c.charCodeAt(0));
        continue;
      }
      const e = body[i + 1];
      if (e === 'x') {
        out.push(parseInt(body.slice(i + 2, i + 4), 16));
        i += 3;
      } else {
        out.push(e === 'r' ? 13 : e === 'n' ? 10 : e === 't' ? 9 : (e ?? '').charCodeAt(0));
        i += 1;
      }
    }
  }
  return new Uint8Array(out);
}
