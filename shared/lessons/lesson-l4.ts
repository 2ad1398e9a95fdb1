// Lesson L4 (LESSONS.md): a static file server on port 7788 with listen(128): the path from the
// request line, `/` meaning /index.html, the file from a document root, 404 when it is missing;
// head and body in two sends, then close. Served one client at a time, like its
// `while True: accept(); serve()` loop: a second client waits in the backlog until the first is done.
import { DEFAULT_SERVER_SETTINGS } from '../server/defaults';
import { LESSON_PORTS } from '../server/choices';
import type { Lesson, ProgramCall, SendContext } from './lesson-types';
import { NOT_FOUND_REPLY } from './not-found-reply';
import { pythonBytesConstant } from './python-text';

const PORT = LESSON_PORTS.L4;

const server = (port: number): string => `# server.py: lesson L4, a static file server (Wirebench plays it)
import socket

ROOT = './html'                      # the document root
TYPES = {'.html': 'text/html; charset=utf-8', '.jpg': 'image/jpeg'}
${pythonBytesConstant('NOT_FOUND', NOT_FOUND_REPLY)}

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('localhost', ${port}))
server.listen(128)                   # the others wait here while one is served
while True:                          # one client at a time
    conn, address = server.accept()
    request = conn.recv(1024).decode()
    path = request.split('\\r\\n')[0].split(' ')[1]
    if path == '/':
        path = '/index.html'
    try:
        with open(ROOT + path, 'rb') as f:
            body = f.read()
    except OSError:
        conn.sendall(NOT_FOUND)
    else:
        kind = TYPES.get(path[path.rfind('.'):], 'application/octet-stream')
        head = 'HTTP/1.1 200 OK\\r\\nContent-Type: %s\\r\\nContent-Length: %d\\r\\n\\r\\n' % (kind, len(body))
        conn.sendall(head.encode())      # the head in one send,
        conn.sendall(body)               # the body in another
    conn.close()`;

const client = (port: number): string => `# client.py: lesson L4, ask the static server for a file
import socket
import sys

path = sys.argv[1] if len(sys.argv) > 1 else '/'
client = socket.create_connection(('localhost', ${port}))
client.sendall(('GET %s HTTP/1.1\\r\\nHost: localhost:${port}\\r\\n\\r\\n' % path).encode())
while True:
    data = client.recv(4096)
    if not data:
        break
    print(data.decode('utf-8', 'replace'), end='')
client.close()`;

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
  client: (port) => ({ target: `127.0.0.1 ${port}`, draft: `GET / HTTP/1.1\nHost: 127.0.0.1:${port}\n`, ending: 'crlf', finalEnding: true }),
  program: (port) => ({
    file: 'server.py',
    text: server(port),
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
  peer: (port) => ({ file: 'client.py', text: client(port), anchors: {} }),
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
