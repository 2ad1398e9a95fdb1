# Accepts, reads once, then closes with SO_LINGER 0: an RST instead of a FIN, to a client that
# is still connected. Reports `received N` (a count), then `reset`.
from peer import abort, listen, report

s = listen()
conn, addr = s.accept()
data = conn.recv(1024)
abort(conn)
s.close()
report('received', len(data))
report('reset')
