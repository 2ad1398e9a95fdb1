// The benchmark's fair peer for a server that parses HTTP: Node's own `http` module (llhttp), told
// to send what the others send and as little else as it allows. It parses every request and frames
// every answer, as our Engine does, but records nothing.
import { createServer, type ServerResponse } from 'node:http';
import type { Policy } from './bare-server';
import { listenOnLoopback } from './loopback-listen';
import type { RunningServer } from './servers';

interface Answer {
  status: number;
  reason: string;
  /** Name and value, in the order of the canned answer (a flat list, as writeHead takes raw headers). */
  headers: string[];
  body: Buffer;
}

/** The canned answer's status line, header fields and body (RFC 9112 sections 4 and 5). */
function parseAnswer(bytes: Uint8Array): Answer {
  const buffer = Buffer.from(bytes);
  const headEnd = buffer.indexOf('\r\n\r\n');
  const [statusLine = '', ...fields] = buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(statusLine);
  if (!status) throw new Error(`not a status line: ${JSON.stringify(statusLine)}`);
  const headers = fields.flatMap((field) => {
    const colon = field.indexOf(':');
    return [field.slice(0, colon), field.slice(colon + 1).trim()];
  });
  return { status: Number(status[1]), reason: status[2] ?? '', headers, body: buffer.subarray(headEnd + 4) };
}

/**
 * Answers every request with `response`'s status, headers and body. What node:http adds on its own is
 * switched off before the head is written: the Date (sendDate), the Connection and Keep-Alive fields
 * (removeHeader('connection') keeps the policy the request asks for but writes no field), and for an
 * answer without a Content-Length, chunked coding (removeHeader('transfer-encoding'): the body then
 * ends at the FIN, as L1's does, and node:http closes after it). Node's _storeHeader in
 * lib/_http_outgoing.js is where each of these is decided.
 */
export async function startNodeHttpServer(response: Uint8Array, policy: Policy): Promise<RunningServer> {
  const answer = parseAnswer(response);
  const hasLength = answer.headers.some((h, i) => i % 2 === 0 && h.toLowerCase() === 'content-length');
  if (policy === 'keep_alive' && !hasLength) throw new Error('keep-alive needs an answer with a Content-Length');
  const reply = (res: ServerResponse): void => {
    res.sendDate = false;
    res.removeHeader('connection');
    if (!hasLength) res.removeHeader('transfer-encoding');
    res.writeHead(answer.status, answer.reason, answer.headers);
    res.end(answer.body);
  };
  const server = createServer((_req, res) => reply(res));
  return listenOnLoopback(server, () => server.closeAllConnections());
}
