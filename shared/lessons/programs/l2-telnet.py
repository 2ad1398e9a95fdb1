# telnet.py: lesson L2's telnet session as a script (or: telnet localhost 8888)
import socket

client = socket.create_connection(('localhost', 8888))
client.sendall(b"GET /hello HTTP/1.1\r\n")
while True:
    data = client.recv(1024)
    if not data:                     # the server closed the connection
        break
    print(data.decode('utf-8', 'replace'), end='')
client.close()
