# server.py: lesson L3, an answer for each path (Wirebench plays it)
import html
import socket

PAGE = (
    b"HTTP/1.1 200 OK\r\n"
    b"Content-Type: text/html\r\n"
    b"Content-Length: 281\r\n"
    b"\r\n"
    b"<html><body><h1>Lesson L3</h1><p>This page is text. The picture below is a second request.</p><img src=\"test.jpg\"><form method=\"post\" action=\"/submit\"><p><label>First name: <input type=\"text\" name=\"firstname\"></label> <input type=\"submit\" value=\"Submit\"></p></form></body></html>\r\n"
)
NOT_FOUND = (
    b"HTTP/1.1 404 Not Found\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: 14\r\n"
    b"\r\n"
    b"404 Not Found\n"
)
with open('test.jpg', 'rb') as f:
    IMAGE = f.read()

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(('localhost', 8000))
server.listen(5)
while True:
    conn, address = server.accept()
    request = conn.recv(5000)
    method, path, version = request.split(b'\r\n')[0].split(b' ')
    if method == b'GET' and path == b'/':
        conn.sendall(PAGE)
    elif method == b'GET' and path == b'/test.jpg':
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: image/jpg\r\n"
                     b"Content-Length: %d\r\n\r\n" % len(IMAGE))
        conn.sendall(IMAGE)              # the picture's bytes, as they are
    elif method == b'POST' and path == b'/submit':
        # The form's fields came after the blank line. (One recv() may hold only the head:
        # Wirebench reads on until the body's Content-Length is in.) Shown as a page.
        shown = html.escape(request.decode('utf-8', 'replace')).encode()
        page = b"<html><body><h1>What the server received</h1><pre>" + shown + b"</pre></body></html>\n"
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                     b"Content-Length: %d\r\n\r\n" % len(page))
        conn.sendall(page)
    else:
        conn.sendall(NOT_FOUND)
    conn.close()
