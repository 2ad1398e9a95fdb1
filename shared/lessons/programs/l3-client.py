# client.py: lesson L3's two requests, as a browser makes them
import socket

for path in ['/', '/test.jpg']:
    client = socket.create_connection(('localhost', 8000))
    client.sendall(b"GET " + path.encode() + b" HTTP/1.1\r\nHost: localhost:8000\r\n\r\n")
    answer = b''
    while True:
        data = client.recv(4096)
        if not data:
            break
        answer += data
    head, _, body = answer.partition(b'\r\n\r\n')
    print(head.decode())
    print('(%d bytes of body)' % len(body))
    client.close()
