# Reads until EOF or a reset, saying which: `got N` after each chunk, then `eof` or
# `reset ConnectionResetError`.
from peer import chunks, listen, report

s = listen()
conn, addr = s.accept()
try:
    for data in chunks(conn, 1024):
        report('got', len(data))
    report('eof')
except ConnectionResetError as e:
    report('reset', type(e).__name__)
conn.close()
s.close()
