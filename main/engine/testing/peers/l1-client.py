# Lesson L1's client (LESSONS.md): connect, send one request, recv(512) until EOF, close.
# argv: port [request]. The request is the lesson's `GET http://127.0.0.1/romeo.txt HTTP/1.0`
# unless given (latin-1: one byte per character); an HTTP/1.1 request should say
# `Connection: close`, so that a keep-alive server closes too and EOF comes.
# stdout: the bytes received (the lesson prints data.decode(); the exact bytes are kinder to a
# test). Reports `sent N` and `received N`, as counts.
from peer import arg, chunks, connect, out, report

port = arg(1, int)
cmd = arg(2, default='GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n').encode('latin-1')
mysock = connect(port)
mysock.sendall(cmd)
received = 0
for data in chunks(mysock, 512):
    received += len(data)
    out(data)
mysock.close()
report('sent', len(cmd))
report('received', received)
