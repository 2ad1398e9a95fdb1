# Sends a request and its FIN, reads a little, then closes: the rest of the answer meets an RST.
import socket, sys
c = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
c.sendall(b'GET / HTTP/1.1\r\nHost: x\r\n\r\n')
c.shutdown(socket.SHUT_WR)
c.recv(1)
c.close()
