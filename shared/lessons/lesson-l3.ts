// Lesson L3 (LESSONS.md): different answers for different paths. `GET /` answers an HTML page that
// holds <img src="test.jpg"> and a form, so the browser asks again, `GET /test.jpg`, answered as
// image/jpg with the file's bytes: the header says what the body is, not the URL. The form's POST
// carries its fields after the blank line, and POST /submit shows that request as a page (the
// l3-form preset's routes). Anything else: 404.
import { L3_FORM } from '../server/presets';
import { DEFAULT_SERVER_SETTINGS } from '../server/defaults';
import { LESSON_PORTS } from '../server/choices';
import { onPort } from './program-text';
import SERVER_PY from './programs/l3-server.py?raw';
import PEER_PY from './programs/l3-client.py?raw';
import type { Lesson, SendContext, ProgramCall } from './lesson-types';

const PORT = LESSON_PORTS.L3;




/** The page in one write; the image's head, then its bytes; the form's answer likewise; else the 404. */
function sendLine({ requestLine, nth }: SendContext): ProgramCall {
  const [method, path] = (requestLine ?? '').split(' ');
  if (method === 'GET' && path === '/') return 'send';
  if (method === 'GET' && path === '/test.jpg') return nth === 0 ? 'sendHead' : 'sendBody';
  if (method === 'POST' && path === '/submit') return nth === 0 ? 'sendEchoHead' : 'sendEchoBody';
  return 'sendOther';
}

export const LESSON_L3: Lesson = {
  id: 'l3',
  label: 'L3',
  server: {
    host: '127.0.0.1',
    port: PORT,
    backlog: 5,
    // At the end of the request (L3_FORM.answerWhen): a browser may send a POST's body in a write of its own.
    settings: { ...DEFAULT_SERVER_SETTINGS, responder: { kind: 'routes', routes: L3_FORM.routes }, answerWhen: L3_FORM.answerWhen ?? 'request_end', after: L3_FORM.after, acceptMode: 'concurrent' },
  },
  client: (port) => ({ target: `127.0.0.1 ${port}`, draft: `GET / HTTP/1.1\nHost: 127.0.0.1:${port}\n`, ending: 'crlf', finalEnding: true }),
  program: (port) => ({
    file: 'server.py',
    text: onPort(SERVER_PY, PORT, port),
    anchors: {
      listen: 'server.listen(5)',
      accept: 'server.accept()',
      recv: 'request = conn.recv(5000)',
      send: 'conn.sendall(PAGE)',
      sendHead: 'Content-Type: image/jpg',
      sendBody: 'conn.sendall(IMAGE)',
      sendEchoHead: 'Content-Type: text/html; charset=utf-8',
      sendEchoBody: 'conn.sendall(page)',
      sendOther: 'conn.sendall(NOT_FOUND)',
      close: 'conn.close()',
    },
    sendLine,
  }),
  peer: (port) => ({ file: 'client.py', text: onPort(PEER_PY, PORT, port), anchors: {} }),
  browser: true,
  steps: [
    {
      id: 'page',
      choices: ['image', 'nothing', 'favicon'],
      answer: 'image',
      done: { kind: 'request', path: '/test.jpg' },
      focus: { side: 'server', view: 'bytes' },
    },
    {
      id: 'type',
      choices: ['header', 'url', 'bytes'],
      answer: 'header',
      done: { kind: 'call', call: 'sendBody' },
      focus: { side: 'server', view: 'bytes' },
    },
    {
      id: 'form',
      choices: ['body', 'url', 'header'],
      answer: 'body',
      done: { kind: 'request', path: '/submit' },
      focus: { side: 'server', view: 'bytes' },
    },
  ],
};
