# Sends half a request, then aborts: SO_LINGER 0 and close send RST instead of FIN.
import socket, struct, sys, time
c = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
c.sendall(b'GET / HTTP/1.1\r\nHost: x\r\n')
time.sleep(0.2)
c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
c.close()
