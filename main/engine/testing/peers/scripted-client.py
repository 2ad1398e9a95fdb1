# A client that follows a script of steps, given as JSON in argv[2] (ScriptStep, runScript and
# startScript in ../peers.ts are the test's side):
# ["send", "text"]      sendall (latin-1: one byte per char)
# ["sleep", seconds]
# ["quiet", seconds]    wait that long and count what arrives meanwhile (`early`)
# ["shut_wr"]           shutdown(SHUT_WR): our FIN
# ["recv", n]           one recv(n), as a program that reads a little and then stops reading
# ["read_all"]          recv until EOF (or a reset)
# ["wait_stdin"]        wait for a line on stdin (the test's proceed())
# ["mark", "name"]      tell the test it got here: reports `mark name` (the test's reached())
# ["rst"]               close with SO_LINGER 0 (an RST), and stop
# argv: port steps. stdout: every byte received. Then it closes and reports `early N`,
# `received N`, `reset R` (1 if a read was reset) and `sendfail F` (1 if a send failed: the peer
# had gone; the remaining steps are skipped).
import json
import select
import socket
import sys
import time
from peer import abort, arg, chunks, connect, out, report

s = connect(arg(1, int))
steps = json.loads(arg(2))
early = received = reset = sendfail = 0
for step in steps:
    op = step[0]
    if op == 'send':
        try:
            s.sendall(step[1].encode('latin-1'))
        except (BrokenPipeError, ConnectionResetError):
            sendfail = 1
            break
    elif op == 'sleep':
        time.sleep(step[1])
    elif op == 'quiet':
        end = time.monotonic() + step[1]
        while True:
            left = end - time.monotonic()
            if left <= 0 or not select.select([s], [], [], left)[0]:
                break
            data = s.recv(65536)
            if not data:
                break
            early += len(data)
            out(data)
    elif op == 'shut_wr':
        s.shutdown(socket.SHUT_WR)
    elif op == 'wait_stdin':
        sys.stdin.readline()
    elif op == 'mark':
        report('mark', step[1])
    elif op == 'rst':
        abort(s)
        break
    elif op in ('recv', 'read_all'):
        try:
            for data in [s.recv(step[1])] if op == 'recv' else chunks(s):
                received += len(data)
                out(data)
        except ConnectionResetError:
            reset = 1
    else:
        raise ValueError('unknown step %r' % (step,))
s.close()  # after an rst step it is closed already, and close() does nothing
for name, value in (('early', early), ('received', received), ('reset', reset), ('sendfail', sendfail)):
    report(name, value)
