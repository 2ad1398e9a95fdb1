# Records the length of each recv(), pausing a little between reads so that what the client
# sent apart stays apart, until EOF. Reports `chunk N` as each one arrives, then `lengths N N ...`.
import time
from peer import chunks, listen, report

s = listen()
conn, addr = s.accept()
lengths = []
for data in chunks(conn, 1024):
    lengths.append(len(data))
    report('chunk', len(data))
    time.sleep(0.01)
report('lengths', lengths)
conn.close()
s.close()
