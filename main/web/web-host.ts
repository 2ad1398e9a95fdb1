// The web host: the built renderer served to a browser, and the contract carried over a WebSocket
// (ws-door.ts). Bound to loopback unless asked otherwise; the printed URL carries a random per-run
// token without which the door stays shut (upgrade-guard.ts).
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { Engine } from '../engine/engine';
import { explainListenError } from '../engine/listen-address';
import { SECURITY_HEADERS } from './security-headers';
import { contentTypeFor, lookupStatic } from './static-files';
import { createUpgradeGuard } from './upgrade-guard';
import { attachWsDoor } from './ws-door';
import { FileGrants } from '../host/file-grants';
import { hostSessions } from '../host/host-session';
import { MemorySettingsStore, type SettingsStore } from '../settings/settings-store';

export interface WebHostOptions {
  /** Default 127.0.0.1. Anything else exposes the door (still token-protected) to the network. */
  host?: string;
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** An engine to serve; when omitted the host creates one (host 'web') and closes it on close(). */
  engine?: Engine;
  /** Where settings.load/save keep the app's settings; default: memory (gone with the process). */
  settingsStore?: SettingsStore;
  /** What app.info reports when the host creates the engine. */
  version: string;
  /**
   * The sample site static mode serves when given no folder, for the engine the host creates
   * (the caller knows where it was installed; this module may run from a bundled chunk).
   */
  sampleDocRoot?: string | null;
  /**
   * Folders (and files) a page may have a server serve, besides the sample site: what the person
   * named with `wirebench web --allow`. A browser page has no file dialog to add more.
   */
  allowedPaths?: readonly string[];
  /** Largest WebSocket message accepted; default 16 MiB. */
  maxPayloadBytes?: number;
  /** Passed to the WebSocket door (its default: 64 MiB queued for one page). */
  maxBufferedBytes?: number;
  /** Where the door reports bugs (a handler that threw something other than a CommandError). */
  onInternalError?: (err: unknown) => void;
}

export interface WebHost {
  /** http://HOST:PORT/?token=... : what a person opens. */
  readonly url: string;
  readonly token: string;
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Rejects with a CommandError (port_in_use, permission_denied, ...) when it cannot listen. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 0;
  const ownsEngine = options.engine === undefined;
  const engine =
    options.engine ?? new Engine({ host: 'web', version: options.version, sampleDocRoot: options.sampleDocRoot ?? null });
  const token = randomBytes(24).toString('base64url');

  const server = createServer((req, res) => {
    void serveStatic(options.rendererDir, req, res);
  });
  try {
    await listen(server, host, requestedPort);
  } catch (err) {
    if (ownsEngine) await engine.close();
    throw await explainListenError(err, host, requestedPort);
  }
  const port = (server.address() as AddressInfo).port;

  const machine = hostname().toLowerCase();
  const onInternalError = options.onInternalError ?? ((err: unknown) => console.error(err));
  const door = attachWsDoor({
    server,
    guard: createUpgradeGuard({ token, boundHost: host, port, extraHostNames: [machine, `${machine}.local`] }),
    openSession: hostSessions(
      engine,
      {
        settings: options.settingsStore ?? new MemorySettingsStore(),
        files: new FileGrants({ sampleRoot: engine.sampleDocRoot, granted: options.allowedPaths }),
      },
      onInternalError,
    ),
    maxPayloadBytes: options.maxPayloadBytes,
    maxBufferedBytes: options.maxBufferedBytes,
    onInternalError,
  });

  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost(host)}:${port}/?token=${token}`,
    token,
    host,
    port,
    close: () => {
      closing ??= (async () => {
        await door.close();
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
        });
        if (ownsEngine) await engine.close();
      })();
      return closing;
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The address a person on this machine types: a wildcard bind is reached through loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

async function serveStatic(rootDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Length': 0 }).end();
    return;
  }
  const target = req.url ?? '';
  const queryAt = target.indexOf('?');
  const found = await lookupStatic(rootDir, queryAt === -1 ? target : target.slice(0, queryAt));
  if (found.kind !== 'file') {
    res.writeHead(found.kind === 'bad_request' ? 400 : 404, { 'Content-Length': 0 }).end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentTypeFor(found.path),
    'Content-Length': found.size,
    // index.html names the hashed bundles of this build; a stale copy would load an old build.
    'Cache-Control': found.path.endsWith('.html') ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  try {
    await pipeline(createReadStream(found.path), res);
  } catch {
    res.destroy(); // the file vanished mid-read or the browser went away
  }
}
