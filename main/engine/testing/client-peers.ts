// What the client's tests use beside the Python peers of ./peers.ts: netcat-openbsd listening as
// `nc -l`, a free port to give it, and the bytes of what a learner typed. Real processes on
// 127.0.0.1; nothing here imitates the network.
import { createServer } from 'node:net';
import type { Encoded } from '../../../shared/client/typed-input';
import { start, type Running } from './peer-process';

export interface NcPeer extends Pick<Running, 'done' | 'said' | 'stop'> {
  port: number;
}

/** A port that was free a moment ago: bound on 127.0.0.1 port 0, read, and let go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * netcat-openbsd as the peer: `nc -v -l 127.0.0.1 PORT`, stdin /dev/null, writing what it receives
 * to stdout. Checked with netcat-openbsd 1.219 (Debian): it exits once the network side sends its
 * FIN, without -N or -q (those are about EOF on *stdin*; -N would even send nc's own FIN at once,
 * stdin being empty), and until then it holds the connection open. -v makes it say "Listening on"
 * on stderr, so the test connects only once nc is there.
 */
export async function startNc(): Promise<NcPeer> {
  const port = await freePort();
  const nc = start('nc', ['-v', '-l', '127.0.0.1', String(port)], { timeoutMs: 15_000 });
  await nc.said('Listening on', (stderr) => stderr.includes('Listening on'));
  return { port, done: nc.done, said: nc.said, stop: nc.stop };
}

/** The bytes of what was typed (encodeLines, decodeHex); a typing mistake is the test's own. */
export function typed(encoded: Encoded): Uint8Array {
  if (!encoded.ok) throw new Error(`not typable: ${JSON.stringify(encoded.mistake)}`);
  return encoded.bytes;
}
