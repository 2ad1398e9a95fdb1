// Copy as Python: a short socket script in the lessons' style (shared/lessons/programs/*-client.py)
// that sends exactly the bytes of a message seen in the journal, reads the answer until the
// server's FIN and prints it.
import type { CopyTarget } from './journal-messages';

const NAMED: Readonly<Record<number, string>> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x5c: '\\\\', 0x27: "\\'" };

/** One byte inside a Python single-quoted bytes literal (Python reference, "String and Bytes literals"). */
function pyByte(b: number): string {
  const named = NAMED[b];
  if (named) return named;
  if (b >= 0x20 && b <= 0x7e) return String.fromCharCode(b);
  return `\\x${b.toString(16).padStart(2, '0')}`;
}

/** The bytes as adjacent bytes literals, one per line of the message (and at most ~72 characters each). */
export function pythonBytesLines(bytes: Uint8Array, width = 72): string[] {
  const lines: string[] = [];
  let line = '';
  for (const b of bytes) {
    const escaped = pyByte(b);
    if (line.length > 0 && line.length + escaped.length > width) {
      lines.push(line);
      line = '';
    }
    line += escaped;
    if (b === 0x0a) {
      lines.push(line);
      line = '';
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((l) => `b'${l}'`);
}

/** A Python str literal for a host name or address (these hold no quote or backslash, but be safe). */
function pyStr(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

export function copyAsPython(request: { bytes: Uint8Array }, target: CopyTarget): string {
  const literal = pythonBytesLines(request.bytes).map((l) => `    ${l}`);
  return [
    '# client.py: sends the request Wirebench saw, byte for byte, and prints the answer',
    'import socket',
    '',
    'request = (',
    ...literal,
    ')',
    '',
    `client = socket.create_connection((${pyStr(target.host)}, ${target.port}))`,
    'client.sendall(request)',
    "answer = b''",
    'while True:',
    '    data = client.recv(4096)',
    "    if not data:                     # b'': the server's FIN, the answer is complete",
    '        break',
    '    answer += data',
    "print(answer.decode('utf-8', 'replace'), end='')",
    'client.close()',
    '',
  ].join('\n');
}
