# Reads everything until the client's FIN, prints it in hex, and closes.
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
conn, addr = s.accept()
got = b''
while True:
    data = conn.recv(65536)
    if not data:
        break
    got += data
print(got.hex(), flush=True)
conn.close()
