// The peers themselves: each shares peers/peer.py and finds it from any working directory, and
// their one reporting format reads back as written.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { counts, L1_CLIENT, reported } from './peers';

const FOLDER = join(import.meta.dirname, 'peers');

describe('the python peers', () => {
  it('every peer opens with the shared module', () => {
    const peers = readdirSync(FOLDER).filter((name) => name.endsWith('.py') && name !== 'peer.py');
    expect(peers.length).toBeGreaterThan(10);
    for (const name of peers) expect(readFileSync(join(FOLDER, name), 'utf8'), name).toMatch(/^from peer import /m);
  });

  it('finds peer.py when started from another working directory, as e2e and shells start them', async () => {
    const server = createServer((socket) => socket.end('hi'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as AddressInfo;
      const ran = await promisify(execFile)('python3', ['-B', L1_CLIENT, String(port)], { cwd: tmpdir(), encoding: 'latin1' });
      expect(ran.stdout).toBe('hi');
      expect(ran.stderr).toBe('sent 43\nreceived 2\n');
    } finally {
      server.close();
    }
  });

  it('reads back numbers, and bytes as their length and hex', () => {
    const stderr = 'mark sent\nreceived 3 474554\nlate 0\nsent 44\npeer 127.0.0.1\nlengths 1 1 1\n';
    expect(counts(stderr)).toEqual({ received: 3, late: 0, sent: 44 });
    expect(reported(stderr, 'received')).toEqual(Buffer.from('GET'));
    expect(reported(stderr, 'late')).toEqual(Buffer.alloc(0));
    expect(() => reported('received 4 474554\n', 'received')).toThrow(/says 4 bytes but holds 3/);
  });
});
