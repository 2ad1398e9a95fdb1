// The peers a spec talks to the app's servers with: a browser tab, a bare TCP socket from the
// test process (lesson L1's client: connect(), send, read until EOF), and the unit tests' Python
// peers (main/engine/testing/peers/) where another program is the point. Real sockets, never
// mocks. The socket and the recording server stay in this process: specs drive them byte by byte
// and read them synchronously.
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import type { Page } from '@playwright/test';
import { chromium } from 'playwright-core';
import { HOLDER, startPythonServer } from '../main/engine/testing/peers';
import { CHROMIUM_ARGS, chromiumPath } from './browser';

/**
 * A second page in the app's browser, as a learner would open a tab. The Electron app's context
 * cannot open pages of its own, so there the peer is Debian's Chromium.
 */
export async function peerPage(app: Page, project: string): Promise<{ page: Page; close: () => Promise<void> }> {
  if (project !== 'electron') {
    const page = await app.context().newPage();
    return { page, close: () => page.close() };
  }
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  return { page, close: () => browser.close() };
}

export interface RawClient {
  socket: Socket;
  /** Everything received so far, as latin1 text. */
  received: () => string;
  /** Everything received so far, as bytes. */
  receivedBytes: () => Buffer;
  /** Resolves when the server's FIN (or a reset) has arrived. */
  ended: Promise<void>;
}

/** A bare TCP client from the test process: lesson L1's socket, connect() and nothing else. */
export async function rawClient(port: number): Promise<RawClient> {
  const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: true });
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((done) => {
    socket.once('end', done);
    socket.once('close', done);
  });
  socket.on('error', () => {}); // a reset ends it too; the assertions say what was expected
  await new Promise<void>((done, fail) => {
    socket.once('connect', done);
    socket.once('error', fail);
  });
  return { socket, received: () => Buffer.concat(chunks).toString('latin1'), receivedBytes: () => Buffer.concat(chunks), ended };
}

/**
 * Another program holding a loopback port, as when a lesson's server is started twice: the Python
 * holder, listening and never accepting, until released (or a minute has passed).
 */
export async function holdPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const holder = await startPythonServer(HOLDER, [], 60_000);
  return {
    port: holder.port,
    release: async () => {
      holder.stop();
      await holder.done;
    },
  };
}

export interface RecordingServer {
  port: number;
  /** Every byte received so far, on all connections, in order. */
  received: () => Buffer;
  close: () => Promise<void>;
}

/**
 * A bare TCP server from the test process that keeps every byte it receives and answers each
 * chunk with `answer` (nothing else: no parsing), so a spec can check exactly what the client sent.
 */
export async function recordingServer(answer: string | Uint8Array): Promise<RecordingServer> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      socket.write(answer);
    });
    socket.on('end', () => socket.end());
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    received: () => Buffer.concat(chunks),
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}
