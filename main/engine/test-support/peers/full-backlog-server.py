# A listener whose accept queue is full: listen(0), never accept, and two connections of its own
# already waiting. Linux then drops further SYNs (the queue overflows), so a connect to it
# neither succeeds nor is refused: it times out, as against a host that does not answer.
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.listen(0)
port = s.getsockname()[1]
waiting = []
for i in range(2):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.setblocking(False)
    try:
        c.connect(('127.0.0.1', port))
    except BlockingIOError:
        pass
    waiting.append(c)
time.sleep(0.2)
print(port, flush=True)
time.sleep(12)
