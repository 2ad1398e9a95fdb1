# client.py: lesson L4, ask the static server for a file
import socket
import sys

path = sys.argv[1] if len(sys.argv) > 1 else '/'
client = socket.create_connection(('localhost', 7788))
client.sendall(('GET %s HTTP/1.1\r\nHost: localhost:7788\r\n\r\n' % path).encode())
while True:
    data = client.recv(4096)
    if not data:
        break
    print(data.decode('utf-8', 'replace'), end='')
client.close()
