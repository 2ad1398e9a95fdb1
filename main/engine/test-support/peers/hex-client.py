# A client like lesson L1's: one request, recv() until EOF, close; the bytes in hex on stdout.
# `Connection: close` so a keep-alive server closes too, and EOF comes.
import socket, sys
s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
s.sendall(b'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
got = b''
while True:
    data = s.recv(4096)
    if not data:
        break
    got += data
s.close()
sys.stdout.write(got.hex())
