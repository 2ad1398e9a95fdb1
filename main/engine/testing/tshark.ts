// tshark reading the pcapng files Wirebench writes (shared/capture): the real Wireshark dissectors
// judge our synthesized frames. Run with a HOME of its own, so no profile or recent-files list of
// the machine's user changes what it prints, and with checksum checks on (they are off by default).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/usr/bin/tshark', '/usr/local/bin/tshark'];
export const TSHARK = CANDIDATES.find((p) => existsSync(p));
/** Why tshark tests cannot run here, or undefined when they can. */
export const noTshark = TSHARK === undefined ? 'tshark is not installed (apt-get install tshark)' : undefined;

const HOME = mkdtempSync(join(tmpdir(), 'wb-tshark-home-'));
/** tshark validates checksums only when asked (both default to FALSE). */
export const CHECKSUMS = ['-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE'];
/**
 * The one line tshark writes to stderr whenever it runs as root (CI and our machines do), whatever
 * the file: not about the file. Anything else on stderr is.
 */
const ROOT_NOTICE = /^Running as user "root" and group "root"\. This could be dangerous\.\n/m;

export interface TsharkRun {
  code: number;
  stdout: string;
  /** stderr without the root notice. */
  stderr: string;
}

export function tshark(args: readonly string[]): Promise<TsharkRun> {
  return new Promise((resolve, reject) => {
    if (!TSHARK) return reject(new Error(noTshark));
    execFile(TSHARK, [...args], { env: { ...process.env, HOME }, maxBuffer: 256 * 1024 * 1024, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr: stderr.replace(ROOT_NOTICE, '') });
    });
  });
}

/** One stream's bytes each way, as `-z follow,tcp,raw,N` prints them. */
export interface Followed {
  /** Node 0 and Node 1 as tshark names them (`address:port`): node 0 is the end that spoke first. */
  node0: string;
  node1: string;
  fromNode0: Buffer;
  fromNode1: Buffer;
}

/**
 * Reads `follow,tcp,raw` output: after the `Node 0:` / `Node 1:` lines, one hex line per segment,
 * those from node 1 indented by a tab, until the closing line of `=`.
 */
export function parseFollowRaw(stdout: string): Followed {
  const node0 = /^Node 0: (.*)$/m.exec(stdout)?.[1] ?? '';
  const node1 = /^Node 1: (.*)$/m.exec(stdout)?.[1] ?? '';
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Node 1:')) + 1;
  const hex0: string[] = [];
  const hex1: string[] = [];
  for (const line of lines.slice(start)) {
    if (line.startsWith('=')) break;
    if (line === '') continue;
    if (line.startsWith('\t')) hex1.push(line.slice(1));
    else hex0.push(line);
  }
  return { node0, node1, fromNode0: Buffer.from(hex0.join(''), 'hex'), fromNode1: Buffer.from(hex1.join(''), 'hex') };
}
