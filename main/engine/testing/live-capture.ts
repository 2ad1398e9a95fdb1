// Real captures of loopback traffic for the capture reader's tests: tcpdump (classic pcap, in
// microseconds or nanoseconds, on lo or on "any") and dumpcap, Wireshark's capture engine (pcapng).
// Capturing needs the privilege to open a raw socket: where it is missing, or the tool is, the tests
// are skipped with the reason.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

export type CaptureTool = 'tcpdump' | 'dumpcap';

const installed = (tool: CaptureTool): boolean => spawnSync(tool, ['--version'], { stdio: 'ignore' }).error === undefined;

/** Why `tool` cannot capture here, or undefined when it can (tried once: a capture of nothing). */
export function cannotCapture(tool: CaptureTool): string | undefined {
  if (!installed(tool)) return `${tool} is not installed (apt-get install ${tool === 'tcpdump' ? 'tcpdump' : 'tshark'})`;
  const tried = spawnSync(tool, tool === 'tcpdump' ? ['-i', 'lo', '-c', '1', '-w', '/dev/null', 'port 1'] : ['-i', 'lo', '-c', '1', '-a', 'duration:1', '-w', '/dev/null', '-q'], {
    // tcpdump waits for its one packet until killed: a second without a refusal means it may capture.
    timeout: 1_500,
    encoding: 'utf8',
  });
  const said = `${tried.stderr}`;
  return /permission|not permitted|don't have permission|You don't have/i.test(said) ? `${tool} may not capture here: ${said.trim().split('\n')[0]}` : undefined;
}

/**
 * The kernel's buffer for captured packets. The tools' default (2 MiB) overflows on a busy machine
 * while the 1 MB transfer's 64 KiB loopback segments arrive faster than the tool is scheduled to read
 * them: dumpcap then reports "received/dropped 47/18" and the capture has holes. tcpdump takes KiB.
 */
const CAPTURE_BUFFER_MIB = 64;

export interface LiveCapture {
  /** Polls the file until `complete` holds of its bytes (10 s at most), then stops the capture and gives them. */
  finish(complete: (bytes: Uint8Array) => boolean): Promise<Uint8Array>;
}

/** Starts capturing TCP on `port` into `file`; resolves once the tool says it is capturing. */
export async function startCapture(tool: CaptureTool, port: number, file: string, options: { iface?: string; nano?: boolean } = {}): Promise<LiveCapture> {
  const iface = options.iface ?? 'lo';
  const args =
    tool === 'tcpdump'
      ? ['-i', iface, '-B', String(CAPTURE_BUFFER_MIB * 1024), '-U', '-w', file, ...(options.nano ? ['--time-stamp-precision=nano'] : []), `tcp port ${port}`]
      : ['-i', iface, '-B', String(CAPTURE_BUFFER_MIB), '-f', `tcp port ${port}`, '-w', file, '-q'];
  const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = once(child, 'close');
  let said = '';
  child.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
  // tcpdump says "listening on" once its socket is open and filtered. dumpcap says "Capturing on"
  // before it opens anything (an exchange right after it was missed whole: "Packets captured: 0"),
  // and names its "File:" only after the interface is open and the output file written.
  const ready = tool === 'tcpdump' ? /listening on/ : /^File: /m;
  for (let waited = 0; !ready.test(said); waited += 20) {
    if (waited > 15_000 || child.exitCode !== null) throw new Error(`${tool} did not start capturing: ${said}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    finish: async (complete) => {
      let bytes = new Uint8Array(0);
      for (let waited = 0; waited < 10_000; waited += 50) {
        try {
          bytes = new Uint8Array(readFileSync(file));
        } catch {
          // not written yet
        }
        if (complete(bytes)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      // SIGINT, as Ctrl+C: the tool writes out what it still holds before it exits.
      child.kill('SIGINT');
      await exited;
      return new Uint8Array(readFileSync(file));
    },
  };
}
