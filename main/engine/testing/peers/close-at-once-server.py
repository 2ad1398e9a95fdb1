# Accepts and closes at once, fully: a FIN, and anything that arrives after it is answered with
# RST. Reports `closed`, then stays alive a while so the test decides when it ends.
import time
from peer import listen, report

s = listen()
conn, addr = s.accept()
conn.close()
report('closed')
time.sleep(10)
