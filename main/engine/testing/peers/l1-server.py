# Lesson L1's server (LESSONS.md): listen(5), recv once (up to 5000 bytes), print the request
# line, one sendall of the lesson's exact answer, shutdown(SHUT_WR) (its FIN: "first hang-up"),
# then wait for the client's own close (recv returns b'') and close.
# Reports `request line ...` as soon as it has read, then `received`, `sent` and `late` (what
# came after its FIN) as bytes.
import socket
from peer import listen, read_to_eof, report

s = listen(backlog=5)
conn, addr = s.accept()
raw = conn.recv(5000)
report('request line', raw.decode().split('\n')[0].strip())
response = ('HTTP/1.1 200 OK\r\n'
            'Content-Type: text/html; charset=utf-8\r\n'
            '\r\n'
            '<html><body>Hello World</body></html>\r\n\r\n').encode()
conn.sendall(response)
conn.shutdown(socket.SHUT_WR)
late = read_to_eof(conn, 5000)
conn.close()
s.close()
report('received', raw)
report('sent', response)
report('late', late)
