# server.py: lesson L4, a static file server (Wirebench plays it)
import socket

ROOT = './html'                      # the document root
TYPES = {'.html': 'text/html; charset=utf-8', '.jpg': 'image/jpeg'}
NOT_FOUND = (
    b"HTTP/1.1 404 Not Found\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: 14\r\n"
    b"\r\n"
    b"404 Not Found\n"
)

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('localhost', 7788))
server.listen(128)                   # the others wait here while one is served
while True:                          # one client at a time
    conn, address = server.accept()
    request = conn.recv(1024).decode()
    path = request.split('\r\n')[0].split(' ')[1]
    if path == '/':
        path = '/index.html'
    try:
        with open(ROOT + path, 'rb') as f:
            body = f.read()
    except OSError:
        conn.sendall(NOT_FOUND)
    else:
        kind = TYPES.get(path[path.rfind('.'):], 'application/octet-stream')
        head = 'HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n' % (kind, len(body))
        conn.sendall(head.encode())      # the head in one send,
        conn.sendall(body)               # the body in another
    conn.close()
