# Slowloris: `clients` connections each send one byte of a request head that never ends, every
# second, for `seconds`; then all close. argv: port clients seconds.
# stdout: `ready` once all are connected (the test waits for it). Reports `sent N`: bytes, all
# clients together.
import time
from peer import arg, connect, report

port, clients, seconds = arg(1, int), arg(2, int), arg(3, float)
head = b'GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ' + b'a' * 10000
socks = [connect(port) for i in range(clients)]
sent = 0
for s in socks:
    s.send(head[:1])
    sent += 1
print('ready', flush=True)
end = time.monotonic() + seconds
at = 1
while time.monotonic() < end:
    time.sleep(1)
    for s in socks:
        s.send(head[at:at + 1])
        sent += 1
    at += 1
for s in socks:
    s.close()
report('sent', sent)
