# Lesson L4's static file server (LESSONS.md): the path from the request line, '/' means
# '/index.html', the file read from the document root, 404 with a short text when it is missing;
# the headers and the body go out in separate sends, then close. The lesson loops on accept()
# forever; this one serves a given number of clients, one after the other.
# argv: root clients. Reports `sentN` as bytes (the head and the body) for the Nth client.
import os
from peer import arg, listen, report

root = arg(1)
clients = arg(2, int)
types = {'.html': 'text/html', '.jpg': 'image/jpg', '.txt': 'text/plain'}
s = listen(backlog=128)
for n in range(1, clients + 1):
    conn, addr = s.accept()
    request = conn.recv(5000).decode()
    path = request.split('\r\n')[0].split(' ')[1]
    if path == '/':
        path = '/index.html'
    file = os.path.join(root, path.lstrip('/'))
    if '..' not in path and os.path.isfile(file):
        with open(file, 'rb') as f:
            body = f.read()
        kind = types.get(os.path.splitext(file)[1], 'application/octet-stream')
        head = ('HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n' % (kind, len(body))).encode()
    else:
        body = b'404 Not Found\r\n'
        head = b'HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n\r\n'
    conn.sendall(head)
    conn.sendall(body)
    conn.close()
    report('sent%d' % n, head + body)
s.close()
