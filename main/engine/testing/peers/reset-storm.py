# A storm of connections opened and reset: `batch` at a time (non-blocking connects, then waits
# until all are writable), each closed with SO_LINGER 0: an RST, no FIN, no data.
# argv: port total batch. Reports `opened N` and `failed N`.
import select
import socket
from peer import LOOPBACK, abort, arg, report

port, total, batch = arg(1, int), arg(2, int), arg(3, int)
opened = failed = 0
done = 0
while done < total:
    n = min(batch, total - done)
    socks = []
    for i in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        s.connect_ex((LOOPBACK, port))
        socks.append(s)
    pending = set(socks)
    while pending:
        _, w, _ = select.select([], list(pending), [], 10)
        if not w:
            break
        for s in w:
            pending.discard(s)
    for s in socks:
        if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0 and s not in pending:
            opened += 1
        else:
            failed += 1
        abort(s)
    done += n
report('opened', opened)
report('failed', failed)
