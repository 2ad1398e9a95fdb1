// Copy as printf | nc: a POSIX sh pipeline that sends exactly the bytes of a message seen in the
// journal, CR and LF included, and prints what comes back.
import type { CopyTarget } from './journal-messages';
import { printfCommand, shellQuote } from './shell-quote';

/**
 * `printf '...' | nc -N HOST PORT`. nc is Debian's netcat-openbsd (`nc -h` says "OpenBSD netcat"):
 * -N shuts the socket's write side down once printf's output has ended (our FIN), then nc goes on
 * printing the answer until the server closes. Without -N it would send no FIN and wait for the
 * server forever; netcat-traditional has no -N, its -q 1 quits a second after stdin's end instead.
 */
export function copyAsNcPrintf(request: { bytes: Uint8Array }, target: CopyTarget): string {
  return [
    '# Sends these bytes exactly (octal escapes: POSIX printf, as in dash, has no \\x), then prints the answer.',
    "# nc is netcat-openbsd: -N sends our FIN once printf is done; netcat-traditional's nc takes -q 1 instead.",
    `${printfCommand(request.bytes)} | nc -N ${shellQuote(target.host)} ${target.port}`,
  ].join('\n');
}
