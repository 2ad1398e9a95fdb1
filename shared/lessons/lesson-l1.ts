// Lesson L1 (LESSONS.md): the simplest web server on port 9000, listen(5), one recv(5000), the same
// answer for every request in one sendall, then shutdown(SHUT_WR): the server hangs up first and
// the client's hang-up follows ("two hang-ups"). The console plays the lesson's client.
import { L1_HELLO_WORLD } from '../server/presets';
import { DEFAULT_SERVER_SETTINGS } from '../server/defaults';
import { LESSON_PORTS } from '../server/choices';
import { onPort } from './program-text';
import SERVER_PY from './programs/l1-server.py?raw';
import PEER_PY from './programs/l1-client.py?raw';
import type { Lesson } from './lesson-types';

const PORT = LESSON_PORTS.L1;



export const LESSON_L1: Lesson = {
  id: 'l1',
  label: 'L1',
  server: {
    host: '127.0.0.1',
    port: PORT,
    backlog: 5,
    settings: { ...DEFAULT_SERVER_SETTINGS, responder: { kind: 'canned', bytes: L1_HELLO_WORLD.bytes }, answerWhen: 'first_chunk', after: 'half_close', acceptMode: 'concurrent' },
  },
  // The lesson's request byte for byte: an absolute URL, HTTP/1.0, no Host, then the blank line.
  client: (port) => ({ target: `127.0.0.1 ${port}`, draft: 'GET http://127.0.0.1/romeo.txt HTTP/1.0\n', ending: 'crlf', finalEnding: true }),
  program: (port) => ({
    file: 'server.py',
    text: onPort(SERVER_PY, PORT, port),
    anchors: {
      listen: 'server.listen(5)',
      accept: 'server.accept()',
      recv: 'request = conn.recv(5000)',
      send: 'conn.sendall(RESPONSE)',
      shutdown: 'conn.shutdown(socket.SHUT_WR)',
      eof: "b'' once the client hangs up",
      close: 'conn.close()',
    },
  }),
  peer: (port) => ({ file: 'client.py', text: onPort(PEER_PY, PORT, port), anchors: {} }),
  browser: true,
  steps: [
    {
      id: 'send',
      choices: ['server', 'client', 'nobody'],
      answer: 'server',
      done: { kind: 'call', call: 'shutdown' },
      focus: { side: 'server', view: 'diagram' },
    },
    {
      id: 'hangUp',
      choices: ['empty', 'request', 'error'],
      answer: 'empty',
      done: { kind: 'call', call: 'close' },
      focus: { side: 'server', view: 'diagram' },
    },
    {
      id: 'browser',
      choices: ['favicon', 'romeo', 'nothing'],
      answer: 'favicon',
      done: { kind: 'request', path: '/favicon.ico' },
      focus: { side: 'server', view: 'bytes' },
    },
  ],
};
