# Lesson L2's server: accept one client, recv(1024) once, answer with bare LFs, close.
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
conn, addr = s.accept()
request = conn.recv(1024)
response = b'HTTP/1.1 200 OK\n\nHello, World!'
conn.sendall(response)
conn.close()
s.close()
sys.stderr.write('received %d sent %d\n' % (len(request), len(response)))
