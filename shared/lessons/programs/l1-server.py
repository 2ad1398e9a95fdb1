# server.py: lesson L1, the simplest web server (Wirebench plays it)
import socket

RESPONSE = (
    b"HTTP/1.1 200 OK\r\n"
    b"Content-Type: text/html; charset=utf-8\r\n"
    b"\r\n"
    b"<html><body>Hello World</body></html>\r\n"
    b"\r\n"
)

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(('localhost', 9000))
server.listen(5)                     # hold up to 5 more callers while busy
while True:
    conn, address = server.accept()  # waits until a client connects
    request = conn.recv(5000)        # one read: whatever has arrived
    print(request.decode().split('\n')[0])   # the request line only
    conn.sendall(RESPONSE)           # the same answer, whatever was asked
    conn.shutdown(socket.SHUT_WR)    # our FIN: the body ends here
    conn.recv(5000)                  # b'' once the client hangs up too
    conn.close()
