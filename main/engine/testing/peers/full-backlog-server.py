# A listener whose accept queue is full: listen(0), never accept, and two connections of its own
# already waiting. Linux then drops further SYNs (the queue overflows), so a connect to it
# neither succeeds nor is refused: it times out, as against a host that does not answer.
# The port is said only once the queue is full, so no test connects too early.
import socket
import time
from peer import LOOPBACK, listen, say_port

s = listen(backlog=0, announce=False)
waiting = []
for i in range(2):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.setblocking(False)
    try:
        c.connect((LOOPBACK, s.getsockname()[1]))
    except BlockingIOError:
        pass
    waiting.append(c)
time.sleep(0.2)
say_port(s)
time.sleep(12)
