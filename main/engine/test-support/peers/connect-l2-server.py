# Lesson L2's server: recv once, the bare-LF answer with no headers, close.
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
conn, addr = s.accept()
conn.recv(1024)
conn.sendall(b'HTTP/1.1 200 OK\n\nHello, World!')
conn.close()
