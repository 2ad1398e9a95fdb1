// Lesson L2 (LESSONS.md): be the browser by hand. A server on port 8888 with SO_REUSEADDR and
// listen(1) reads up to 1024 bytes, answers `HTTP/1.1 200 OK\n\nHello, World!` (bare LFs, no
// headers) whatever was asked, and closes. The console plays telnet.
import { L2_HELLO_BARE_LF } from '../server/presets';
import { DEFAULT_SERVER_SETTINGS } from '../server/defaults';
import { LESSON_PORTS } from '../server/choices';
import { onPort } from './program-text';
import SERVER_PY from './programs/l2-server.py?raw';
import PEER_PY from './programs/l2-telnet.py?raw';
import type { Lesson } from './lesson-types';

const PORT = LESSON_PORTS.L2;


// telnet's part as a script: one line typed, Enter (CR LF), then read until the server closes.

export const LESSON_L2: Lesson = {
  id: 'l2',
  label: 'L2',
  server: {
    host: '127.0.0.1',
    port: PORT,
    backlog: 1,
    settings: { ...DEFAULT_SERVER_SETTINGS, responder: { kind: 'canned', bytes: L2_HELLO_BARE_LF.bytes }, answerWhen: 'first_chunk', after: 'close', acceptMode: 'concurrent' },
  },
  // What the learner types into telnet: one line, then Enter.
  client: (port) => ({ target: `localhost ${port}`, draft: 'GET /hello HTTP/1.1', ending: 'crlf', finalEnding: true }),
  program: (port) => ({
    file: 'server.py',
    text: onPort(SERVER_PY, PORT, port),
    anchors: {
      listen: 'server.listen(1)',
      accept: 'server.accept()',
      recv: 'request = conn.recv(1024)',
      send: 'conn.sendall(RESPONSE)',
      close: 'conn.close()',
    },
  }),
  peer: (port) => ({ file: 'telnet.py', text: onPort(PEER_PY, PORT, port), anchors: {} }),
  browser: true,
  steps: [
    {
      id: 'type',
      choices: ['hello', 'notFound', 'badRequest'],
      answer: 'hello',
      done: { kind: 'call', call: 'send' },
      focus: { side: 'client', view: 'bytes' },
    },
    {
      id: 'closes',
      choices: ['server', 'client', 'nobody'],
      answer: 'server',
      done: { kind: 'call', call: 'close' },
      focus: { side: 'server', view: 'diagram' },
    },
    {
      id: 'garbage',
      choices: ['hello', 'badRequest', 'nothing'],
      answer: 'hello',
      done: { kind: 'call', call: 'send', count: 2 },
      focus: { side: 'server', view: 'bytes' },
    },
  ],
};
