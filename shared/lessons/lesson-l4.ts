// Lesson L4 (LESSONS.md): a static file server on port 7788 with listen(128): the path from the
// request line, `/` meaning /index.html, the file from a document root, 404 when it is missing;
// head and body in two sends, then close. Served one client at a time, like its
// `while True: accept(); serve()` loop: a second client waits in the backlog until the first is done.
import { DEFAULT_SERVER_SETTINGS } from '../server/defaults';
import { LESSON_PORTS } from '../server/choices';
import { onPort } from './program-text';
import SERVER_PY from './programs/l4-server.py?raw';
import PEER_PY from './programs/l4-client.py?raw';
import type { Lesson, ProgramCall, SendContext } from './lesson-types';

const PORT = LESSON_PORTS.L4;



/** A 200's head then its body; a 404 (its head and its short text) is the NOT_FOUND line. */
function sendLine({ statusLine, nth }: SendContext): ProgramCall {
  if (statusLine !== null && statusLine.startsWith('HTTP/1.1 404')) return 'sendOther';
  return nth === 0 ? 'sendHead' : 'sendBody';
}

export const LESSON_L4: Lesson = {
  id: 'l4',
  label: 'L4',
  server: {
    host: '127.0.0.1',
    port: PORT,
    backlog: 128,
    // root null: the sample site shipped with the app (index.html and test.jpg).
    settings: { ...DEFAULT_SERVER_SETTINGS, responder: { kind: 'static', root: null }, answerWhen: 'request_end', after: 'close', acceptMode: 'sequential' },
  },
  // The same server made concurrent (one thread per client, as the lesson's last version), one port
  // up: a second client of this one is served at once while the sequential one keeps it waiting.
  twin: {
    host: '127.0.0.1',
    port: PORT + 1,
    backlog: 128,
    settings: { ...DEFAULT_SERVER_SETTINGS, responder: { kind: 'static', root: null }, answerWhen: 'request_end', after: 'close', acceptMode: 'concurrent' },
  },
  client: (port) => ({ target: `127.0.0.1 ${port}`, draft: `GET / HTTP/1.1\nHost: 127.0.0.1:${port}\n`, ending: 'crlf', finalEnding: true }),
  program: (port) => ({
    file: 'server.py',
    text: onPort(SERVER_PY, PORT, port),
    anchors: {
      listen: 'server.listen(128)',
      accept: 'server.accept()',
      recv: 'request = conn.recv(1024)',
      sendHead: 'conn.sendall(head.encode())',
      sendBody: 'conn.sendall(body)',
      sendOther: 'conn.sendall(NOT_FOUND)',
      close: 'conn.close()',
    },
    sendLine,
  }),
  peer: (port) => ({ file: 'client.py', text: onPort(PEER_PY, PORT, port), anchors: {} }),
  browser: false,
  steps: [
    {
      id: 'index',
      choices: ['index', 'listing', 'notFound'],
      answer: 'index',
      done: { kind: 'call', call: 'sendBody' },
      focus: { side: 'server', view: 'bytes' },
    },
    {
      id: 'missing',
      choices: ['notFound', 'serverError', 'ok'],
      answer: 'notFound',
      done: { kind: 'call', call: 'sendOther' },
      focus: { side: 'server', view: 'bytes' },
    },
    {
      id: 'queue',
      choices: ['waits', 'refused', 'served'],
      answer: 'waits',
      done: { kind: 'call', call: 'listen' },
      focus: { side: 'server', view: 'events' },
    },
  ],
};
