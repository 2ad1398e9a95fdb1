# Listens, accepts one connection and holds it open, sending nothing, until killed. With nobody
# connecting it simply holds its port, as a lesson's server does when it is started twice.
import time
from peer import listen

s = listen()
conn, addr = s.accept()
time.sleep(20)
