// Lesson L3 (LESSONS.md): different answers for different paths. `GET /` answers an HTML page that
// holds <img src="test.jpg">, so the browser asks again, `GET /test.jpg`, answered as image/jpg
// with the file's bytes: the header says what the body is, not the URL. Anything else: 404.
import { L3_PAGE_AND_IMAGE } from '../server/presets';
import { DEFAULT_SERVER_SETTINGS } from '../server/defaults';
import type { Lesson, SendContext, ProgramCall } from './lesson-types';
import { pythonBytesConstant } from './python-text';
import { NOT_FOUND_REPLY } from './not-found-reply';

/** LESSONS.md names no port for L3: 8000, as the classic raw Python server of this lesson. */
const PORT = 8000;

const routes = L3_PAGE_AND_IMAGE.routes;
const page = routes[0]?.response;
const PAGE_BYTES = page?.kind === 'bytes' ? page.bytes : new Uint8Array(0);

const server = (port: number): string => `# server.py: lesson L3, an answer for each path (Wirebench plays it)
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

/** The page in one write; the image's head, then its bytes in a second; anything else the 404. */
function sendLine({ requestLine, nth }: SendContext): ProgramCall {
  const [method, path] = (requestLine ?? '').split(' ');
  if (method === 'GET' && path === '/') return 'send';
  if (method === 'GET' && path === '/test.jpg') return nth === 0 ? 'sendHead' : 'sendBody';
  return 'sendOther';
}

export const LESSON_L3: Lesson = {
  id: 'l3',
  label: 'L3',
  server: {
    host: '127.0.0.1',
    port: PORT,
    backlog: 5,
    settings: { ...DEFAULT_SERVER_SETTINGS, responder: { kind: 'routes', routes }, answerWhen: 'request_end', after: 'close', acceptMode: 'concurrent' },
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
      sendHead: 'conn.sendall(b"HTTP/1.1 200 OK',
      sendBody: 'conn.sendall(IMAGE)',
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
  ],
};
