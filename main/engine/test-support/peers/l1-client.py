# Lesson L1's client: connect, send one HTTP/1.0 request, recv(512) until EOF, close.
import socket, sys
port = int(sys.argv[1])
mysock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
mysock.connect(('127.0.0.1', port))
cmd = 'GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n'.encode()
mysock.sendall(cmd)
received = 0
while True:
    data = mysock.recv(512)
    if len(data) < 1:
        break
    received += len(data)
    sys.stdout.buffer.write(data)  # the lesson prints data.decode(); the exact bytes are kinder to a test
mysock.close()
sys.stderr.write('sent %d received %d\n' % (len(cmd), received))
