# A server that reads until the client's FIN (recv returns b''), and only then answers and closes.
# argv: [answer]. `answer` (the default): "You sent N bytes, then your FIN." in an HTTP/1.0
# response. `none`: close without a word, for a test that wants only what the client sent.
# Reports `received` and `sent` as bytes.
from peer import arg, listen, read_to_eof, report

s = listen()
conn, addr = s.accept()
request = read_to_eof(conn, 1024)
response = b''
if arg(1, default='answer') == 'answer':
    response = b'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nYou sent %d bytes, then your FIN.\r\n' % len(request)
    conn.sendall(response)
conn.close()
s.close()
report('received', request)
report('sent', response)
