# Lesson L1's server, as the lesson writes it: listen(5), accept, one recv, one sendall, then
# shutdown(SHUT_WR) and close. The benchmark's baseline for close-per-request (bench/server-bench.ts).
# Two changes from the lesson, both needed to survive a load generator: the port comes from the
# command line (0: any free one, printed on the first line), and a client that resets before the
# answer is written does not end the loop (the lesson's server would die with a traceback).
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
mysock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
mysock.bind(('127.0.0.1', port))
mysock.listen(5)
print(mysock.getsockname()[1], flush=True)

response = (
    'HTTP/1.1 200 OK\r\n'
    'Content-Type: text/html; charset=utf-8\r\n'
    '\r\n'
    '<html><body>Hello World</body></html>\r\n\r\n'
).encode()

while True:
    conn, addr = mysock.accept()
    data = conn.recv(5000).decode(errors='replace')
    first_line = data.split('\n')[0]  # the lesson prints it; printing would measure the terminal
    try:
        conn.sendall(response)
        conn.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    conn.close()
