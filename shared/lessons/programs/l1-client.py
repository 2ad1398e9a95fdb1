# client.py: lesson L1's client, against Wirebench's server
import socket

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(('127.0.0.1', 9000))
client.sendall(b"GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n")
while True:
    data = client.recv(512)
    if len(data) < 1:                # b'': the server's FIN, the body is complete
        break
    print(data.decode(), end='')
client.close()
