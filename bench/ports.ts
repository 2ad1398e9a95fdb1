// Ports for servers the benchmark runs as programs (nginx, `wirebench serve`) and does not read the
// output of: it picks a free port, tells the program, and waits until something listens there.
import type { ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';

/**
 * A loopback port free at this moment (the system's pick for port 0). Another program could take it
 * before ours listens; on a bench machine that race is rare, and the start then fails loudly.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `start` on a free port, and on another if it fails (up to `tries` in all): between our pick and the
 * program's listen(), another program on the machine may have taken the port.
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (err) {
      if (attempt >= tries) throw err;
    }
  }
}

/**
 * Resolves once a connection to the port succeeds (and closes it at once: the server sees one short
 * connection before the probe); rejects if `child` exits first or nothing listens within 15 s.
 */
export async function waitForListener(port: number, child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`it exited (${child.exitCode ?? child.signalCode}) before listening on port ${port}`);
    }
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (accepted) return;
    if (performance.now() > deadline) throw new Error(`nothing listened on port ${port} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
