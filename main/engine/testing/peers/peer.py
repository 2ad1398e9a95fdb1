# The opening every peer in this folder shares: its arguments, its socket, and how it reports.
#
# Each peer runs as `python3 path/to/peer.py ARGS...`. Python puts the script's own folder first
# on sys.path, so `from peer import ...` finds this module whatever the working directory is
# (vitest, Playwright, a shell elsewhere); nothing needs PYTHONPATH.
#
# The one reporting format, read by counts() and reported() in ../peers.ts:
#   stdout  data only. A server's first line is its port (the test waits for it before
#           connecting); a client writes the bytes it received, exactly as they came.
#   stderr  facts, one per line, `name value`, written by report() and flushed at once so a test
#           can wait for a fact while the peer still runs. A number is written in decimal; bytes
#           as their length and then their hex (`received 3 474554`), so one line serves both a
#           test that counts and one that compares the exact bytes; a fact without a value is
#           its name alone (`eof`). Python's own tracebacks land there too, which tests may check.
import socket
import struct
import sys

LOOPBACK = '127.0.0.1'


def arg(n, kind=str, default=None):
    """sys.argv[n] read as `kind`, or `default` when the test did not pass it."""
    return kind(sys.argv[n]) if len(sys.argv) > n else default


def listen(host=LOOPBACK, backlog=1, reuse=False, announce=True):
    """A listening socket on a port the system picks (port 0), so tests never collide.

    reuse sets SO_REUSEADDR, as lesson L2 does. announce=False leaves the port unsaid, for a peer
    that must prepare something before a test may connect (it then calls say_port itself).
    """
    family = socket.AF_INET6 if ':' in host else socket.AF_INET
    s = socket.socket(family, socket.SOCK_STREAM)
    if reuse:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, 0))
    s.listen(backlog)
    if announce:
        say_port(s)
    return s


def say_port(s):
    print(s.getsockname()[1], flush=True)


def connect(port, host=LOOPBACK):
    """A client socket; a refusal raises ConnectionRefusedError, as in the lessons."""
    return socket.create_connection((host, port))


def chunks(s, size=65536):
    """Each recv() until the peer's FIN (recv returns b''). A reset raises ConnectionResetError."""
    while True:
        data = s.recv(size)
        if not data:
            return
        yield data


def read_to_eof(s, size=65536):
    return b''.join(chunks(s, size))


def abort(s):
    """Closes with SO_LINGER 0: the kernel sends RST instead of FIN and drops what is unsent."""
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    s.close()


def out(data):
    """Received bytes to stdout, unchanged (print would decode them and add a newline)."""
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def report(name, value=None):
    """One fact on stderr, in the format described at the top of this file."""
    if value is None:
        line = name
    elif isinstance(value, (bytes, bytearray)):
        line = ('%s %d %s' % (name, len(value), value.hex())).rstrip()
    elif isinstance(value, (list, tuple)):
        line = ' '.join([name] + [str(v) for v in value])
    else:
        line = '%s %s' % (name, value)
    sys.stderr.write(line + '\n')
    sys.stderr.flush()
