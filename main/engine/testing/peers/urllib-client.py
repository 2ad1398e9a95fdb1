# Lesson L1's higher-level client: urllib.request fetches http://127.0.0.1:PORT/romeo.txt, so
# the URL is parsed and the request written by the standard library, not by us.
# argv: port. stdout: the body it got.
import urllib.request
from peer import arg, out

out(urllib.request.urlopen('http://127.0.0.1:%d/romeo.txt' % arg(1, int)).read())
