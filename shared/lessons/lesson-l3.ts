// Lesson L3 (LESSONS.md): different answers for different paths. `GET /` answers an HTML page that
// holds <img src="test.jpg"> and a form, so the browser asks again, `GET /test.jpg`, answered as
// image/jpg with the file's bytes: the header says what the body is, not the URL. The form's POST
// carries its fields after the blank line, and POST /submit shows that request as a page (the
// l3-form preset's routes). Anything else: 404.
import { L3_FORM } from '../server/presets';
import { DEFAULT_SERVER_SETTINGS } from '../server/defaults';
import { LESSON_PORTS } from '../server/choices';
import type { Lesson, SendContext, ProgramCall } from './lesson-types';
import { pythonBytesConstant } from './python-text';
import { NOT_FOUND_REPLY } from './not-found-reply';

const PORT = LESSON_PORTS.L3;

const routes = L3_FORM.routes;
const page = routes[0]?.response;
const PAGE_BYTES = page?.kind === 'bytes' ? page.bytes : new Uint8Array(0);

const server = (port: number): string => `# server.py: lesson L3, an answer for each path (Wirebench plays it)
import html
import socket

${pythonBytesConstant('PAGE', PAGE_BYTES)}
${pythonBytesConstant('NOT_FOUND', NOT_FOUND_REPLY)}
with open('test.jpg', 'rb') as f:
    IMAGE = f.read()

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(('localhost', ${port}))
server.listen(5)
while True:
    conn, address = server.accept()
    request = conn.recv(5000)
    method, path, version = request.split(b'\\r\\n')[0].split(b' ')
    if method == b'GET' and path == b'/':
        conn.sendall(PAGE)
    elif method == b'GET' and path == b'/test.jpg':
        conn.sendall(b"HTTP/1.1 200 OK\\r\\nContent-Type: image/jpg\\r\\n"
                     b"Content-Length: %d\\r\\n\\r\\n" % len(IMAGE))
        conn.sendall(IMAGE)              # the picture's bytes, as they are
    elif method == b'POST' and path == b'/submit':
        # The form's fields came after the blank line. (One recv() may hold only the head:
        # Wirebench reads on until the body's Content-Length is in.) Shown as a page.
        shown = html.escape(request.decode('utf-8', 'replace')).encode()
        page = b"<html><body><h1>What the server received</h1><pre>" + shown + b"</pre></body></html>\\n"
        conn.sendall(b"HTTP/1.1 200 OK\\r\\nContent-Type: text/html; charset=utf-8\\r\\n"
                     b"Content-Length: %d\\r\\n\\r\\n" % len(page))
        conn.sendall(page)
    else:
        conn.sendall(NOT_FOUND)
    conn.close()`;

const client = (port: number): string => `# client.py: lesson L3's two requests, as a browser makes them
import socket

for path in ['/', '/test.jpg']:
    client = socket.create_connection(('localhost', ${port}))
    client.sendall(b"GET " + path.encode() + b" HTTP/1.1\\r\\nHost: localhost:${port}\\r\\n\\r\\n")
    answer = b''
    while True:
        data = client.recv(4096)
        if not data:
            break
        answer += data
    head, _, body = answer.partition(b'\\r\\n\\r\\n')
    print(head.decode())
    print('(%d bytes of body)' % len(body))
    client.close()`;

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
    settings: { ...DEFAULT_SERVER_SETTINGS, responder: { kind: 'routes', routes }, answerWhen: L3_FORM.answerWhen ?? 'request_end', after: L3_FORM.after, acceptMode: 'concurrent' },
  },
  client: (port) => ({ target: `127.0.0.1 ${port}`, draft: `GET / HTTP/1.1\nHost: 127.0.0.1:${port}\n`, ending: 'crlf', finalEnding: true }),
  program: (port) => ({
    file: 'server.py',
    text: server(port),
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
  peer: (port) => ({ file: 'client.py', text: client(port), anchors: {} }),
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
