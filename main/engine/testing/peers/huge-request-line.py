# A request line of `size` bytes (`GET /aaaa... HTTP/1.1`), then reads the answer to EOF.
# argv: port size. stdout: the answer. Reports `sent N` and `received N`, as counts.
from peer import arg, connect, out, read_to_eof, report

port, size = arg(1, int), arg(2, int)
request = b'GET /' + b'a' * size + b' HTTP/1.1\r\nHost: x\r\n\r\n'
s = connect(port)
s.sendall(request)
received = read_to_eof(s)
s.close()
out(received)
report('sent', len(request))
report('received', len(received))
