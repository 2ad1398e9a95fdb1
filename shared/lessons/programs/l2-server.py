# server.py: lesson L2, a server to talk to by hand (Wirebench plays it)
import socket

RESPONSE = (
    b"HTTP/1.1 200 OK\n"
    b"\n"
    b"Hello, World!"
)

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('localhost', 8888))
server.listen(1)
print('Serving HTTP on port 8888 ...')
while True:
    conn, address = server.accept()
    request = conn.recv(1024)
    print(request.decode('utf-8', 'replace'))
    conn.sendall(RESPONSE)           # whatever the request said
    conn.close()
