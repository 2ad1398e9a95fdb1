# A server that answers only after the client's FIN: it reads until recv() returns b''.
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
conn, addr = s.accept()
request = b''
while True:
    data = conn.recv(1024)
    if not data:
        break
    request += data
response = b'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nYou sent %d bytes, then your FIN.\r\n' % len(request)
conn.sendall(response)
conn.close()
s.close()
sys.stderr.write('received %d sent %d\n' % (len(request), len(response)))
