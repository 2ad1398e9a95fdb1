// Lesson L2 (LESSONS.md): be the browser by hand. A server on port 8888 with SO_REUSEADDR and
// listen(1) reads up to 1024 bytes, answers `HTTP/1.1 200 OK\n\nHello, World!` (bare LFs, no
// headers) whatever was asked, and closes. The console plays telnet.
import { L2_HELLO_BARE_LF } from '../server/presets';
import { DEFAULT_SERVER_SETTINGS } from '../server/defaults';
import { LESSON_PORTS } from '../server/choices';
import type { Lesson } from './lesson-types';
import { pythonBytesConstant } from './python-text';

const PORT = LESSON_PORTS.L2;

const server = (port: number): string => `# server.py: lesson L2, a server to talk to by hand (Wirebench plays it)
import socket

${pythonBytesConstant('RESPONSE', L2_HELLO_BARE_LF.bytes)}

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('localhost', ${port}))
server.listen(1)
print('Serving HTTP on port ${port} ...')
while True:
    conn, address = server.accept()
    request = conn.recv(1024)
    print(request.decode('utf-8', 'replace'))
    conn.sendall(RESPONSE)           # whatever the request said
    conn.close()`;

// telnet's part as a script: one line typed, Enter (CR LF), then read until the server closes.
const client = (port: number): string => `# telnet.py: lesson L2's telnet session as a script (or: telnet localhost ${port})
import socket

client = socket.create_connection(('localhost', ${port}))
client.sendall(b"GET /hello HTTP/1.1\\r\\n")
while True:
    data = client.recv(1024)
    if not data:                     # the server closed the connection
        break
    print(data.decode('utf-8', 'replace'), end='')
client.close()`;

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
    text: server(port),
    anchors: {
      listen: 'server.listen(1)',
      accept: 'server.accept()',
      recv: 'request = conn.recv(1024)',
      send: 'conn.sendall(RESPONSE)',
      close: 'conn.close()',
    },
  }),
  peer: (port) => ({ file: 'telnet.py', text: client(port), anchors: {} }),
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
