# Lesson L1's server: recv once, answer, shutdown(SHUT_WR), close; then prints what it got, in hex.
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
conn, addr = s.accept()
data = conn.recv(1024)
conn.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>Hello World</body></html>\r\n\r\n')
conn.shutdown(socket.SHUT_WR)
conn.close()
print(data.hex(), flush=True)
