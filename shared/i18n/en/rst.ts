// English words for an RST that reached one of our sockets, and why it came (shared/teardown/rst-reason.ts).
// `client`: our console's or `wirebench connect`'s connection, whose peer is a server; `server`:
// a connection our server accepted, whose peer is a client. Each reason is a clause, shown after
// "RST received" (the status line, the card, the transcript, the journal, the CLI).
import type { RstCause } from '../../teardown/rst-reason';

export const rst = {
  client: {
    sent_after_fin: 'the server had closed its socket, so its kernel answered your bytes with RST',
    after_fin:
      'the server ended the connection with RST, not with a FIN alone: it aborted its socket (SO_LINGER 0), or closed it with bytes of yours still unread',
    mid_exchange:
      'the server reset the connection in the middle of the exchange, without a FIN: it aborted its socket on purpose (SO_LINGER 0), or closed it with bytes of yours still unread',
    before_data:
      'the server reset the connection before sending anything: it aborted its socket on purpose (SO_LINGER 0), or closed it with bytes of yours still unread',
  },
  server: {
    sent_after_fin: "the client had closed its socket, so its kernel answered the server's bytes with RST",
    after_fin:
      "the client ended the connection with RST, not with a FIN alone: it aborted its socket (SO_LINGER 0), or closed it with the server's bytes still unread",
    mid_exchange:
      "the client reset the connection in the middle of the exchange, without a FIN: it aborted its socket on purpose (SO_LINGER 0), or closed it with the server's bytes still unread",
    before_data:
      "the client reset the connection before sending anything: it aborted its socket on purpose (SO_LINGER 0), or closed it with the server's bytes still unread",
  },
  /** How it reached us: said in the journal's line for the event. */
  how: {
    read: 'our read failed with ECONNRESET',
    write: 'our write failed (EPIPE or ECONNRESET)',
    kernel: "the kernel's table shows the socket gone from CLOSE_WAIT without a FIN of ours; Node has not been told yet",
  },
} satisfies Record<'client' | 'server', Record<RstCause, string>> & { how: Record<'read' | 'write' | 'kernel', string> };
