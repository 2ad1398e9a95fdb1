# Sends a request, reads the answer to EOF, then sends more: a send meets the RST and fails.
import socket, sys, time
c = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
c.sendall(b'GET / HTTP/1.1\r\nHost: x\r\n\r\n')
while c.recv(4096):
    pass
try:
    for _ in range(50):
        c.sendall(b'more\r\n')
        time.sleep(0.05)
    print('never reset')
except (BrokenPipeError, ConnectionResetError) as e:
    print(type(e).__name__)
c.close()
