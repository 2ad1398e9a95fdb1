# A client that follows a script of steps, given as JSON in argv[2]:
# ["send", "text"]      sendall (latin-1: one byte per char)
# ["sleep", seconds]
# ["quiet", seconds]    wait that long and count what arrives meanwhile ("early N" on stderr)
# ["shut_wr"]           shutdown(SHUT_WR): our FIN
# ["read_all"]          recv until EOF (or a reset), printing the bytes on stdout
# ["wait_stdin"]        wait for a line on stdin (see startScript's proceed)
# ["mark", "name"]      tell the test it got here (see startScript's reached)
# ["rst"]               close with SO_LINGER 0 (an RST), and stop
# Then it closes and reports "early N received M reset R sendfail F" on stderr: R is 1 if a read
# was reset, F is 1 if a send failed (the peer had closed; the remaining steps are skipped).
import json, select, socket, struct, sys, time
port = int(sys.argv[1])
steps = json.loads(sys.argv[2])
s = socket.create_connection(('127.0.0.1', port))
early = 0
received = 0
reset = 0
sendfail = 0
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
            if left <= 0:
                break
            r, _, _ = select.select([s], [], [], left)
            if not r:
                break
            data = s.recv(65536)
            if not data:
                break
            early += len(data)
            sys.stdout.buffer.write(data)
    elif op == 'shut_wr':
        s.shutdown(socket.SHUT_WR)
    elif op == 'wait_stdin':
        sys.stdin.readline()
    elif op == 'mark':
        sys.stderr.write('mark %s\n' % step[1])
        sys.stderr.flush()
    elif op == 'rst':
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
        s.close()
        sys.stderr.write('early %d received %d reset %d\n' % (early, received, reset))
        sys.exit(0)
    elif op == 'read_all':
        while True:
            try:
                data = s.recv(65536)
            except ConnectionResetError:
                reset = 1
                break
            if not data:
                break
            received += len(data)
            sys.stdout.buffer.write(data)
s.close()
sys.stderr.write('early %d received %d reset %d sendfail %d\n' % (early, received, reset, sendfail))
