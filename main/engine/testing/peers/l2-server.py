# Lesson L2's server (LESSONS.md): SO_REUSEADDR, listen(1), accept one client, recv(1024) once,
# answer `HTTP/1.1 200 OK\n\nHello, World!` (bare LFs, no headers), close.
# argv: [host] [then]. host: 127.0.0.1 (the default) or ::1. then: `close` (the default, as in
# the lesson) or `abort`: wait until the client has surely read the answer, then close with
# SO_LINGER 0, so the client's read meets an RST instead of a FIN.
# Reports `peer ADDRESS`, then `received` and `sent` as bytes.
import time
from peer import LOOPBACK, abort, arg, listen, report

s = listen(arg(1, default=LOOPBACK), reuse=True)
conn, addr = s.accept()
request = conn.recv(1024)
response = b'HTTP/1.1 200 OK\n\nHello, World!'
conn.sendall(response)
if arg(2, default='close') == 'abort':
    time.sleep(0.5)
    abort(conn)
else:
    conn.close()
s.close()
report('peer', addr[0])
report('received', request)
report('sent', response)
