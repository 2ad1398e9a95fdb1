// English words of the teardown diagram (ui.teardown): the journal panel's Diagram view, its
// scenarios, and the narration of each step, per narration code (shared/teardown/ladder-types.ts)
// and per side, since a learner reads "the server sent FIN", not "side 2 sent FIN".
export const teardown = {
  view: 'Diagram',
  viewTitle: 'The connection as a ladder diagram: who sent what and when, and each side’s TCP state',
  empty: 'Pick a connection, or run one of the scenarios, to see how it is torn down.',
  waiting: 'Waiting for the connection’s first events…',
  scenarios: {
    heading: 'Scenarios',
    hint: 'Each one runs our own server and client over loopback, then draws it here.',
    running: 'Running…',
    failed: 'The scenario could not run: {{reason}}',
    server_closes_first: {
      label: 'Server closes first',
      description: 'Lesson L1: the server answers, then half-closes (FIN); the client reads to EOF and closes.',
    },
    client_half_closes_first: {
      label: 'Client half-closes first',
      description: 'The client sends its request, then FIN at once; it still receives the whole answer.',
    },
    keep_alive_client_closes: {
      label: 'Keep-alive, client closes',
      description: 'Two requests on one connection, then the client closes; the server follows.',
    },
    server_resets: {
      label: 'Server resets',
      description: 'The server answers, then aborts the connection with RST instead of FIN.',
    },
    client_resets_mid_response: {
      label: 'Client resets mid-answer',
      description: 'The server drips its answer slowly; the client resets after the first piece.',
    },
    server_hangs_client_times_out: {
      label: 'Server hangs, client gives up',
      description: 'The server never answers; the client waits 1.5 s, gives up and closes.',
    },
    both_close_at_once: {
      label: 'Both close at once',
      description:
        'Both sides shut down in the same instant. Were the FINs to cross, both would pass through CLOSING; on loopback the first FIN lands at once, and the kernel shows who was first.',
    },
  },
  lane: {
    client: 'Client',
    server: 'Server',
    ours: '{{endpoint}} · ours ({{connId}})',
    notOurs: '{{endpoint}} · not ours: states inferred',
  },
  arrow: {
    connect: 'SYN · SYN-ACK · ACK',
    data_one: '{{count}} byte',
    data_other: '{{count}} bytes',
    fin: 'FIN',
    rst: 'RST',
    close: 'close()',
    closeTitle: 'The {{side}} closed its socket at {{time}}',
    title: '{{what}} from the {{from}} at {{sent}}, seen by the {{to}} at {{arrived}}',
    titleOneEnd: '{{what}} from the {{from}} at {{sent}}',
    bytesHead: 'First bytes:',
    more_one: '… and {{count}} more byte',
    more_other: '… and {{count}} more bytes',
    evicted: 'Its bytes are no longer stored (the journal’s memory budget); the count is exact.',
    clickHint: 'Click to select it in the journal and in the Bytes view.',
    stepTitle: 'Step {{n}}: {{sentence}}',
  },
  side: { client: 'client', server: 'server' },
  time: {
    label: 'Time',
    compressed: 'Compressed',
    compressedTitle: 'One row per moment something happened, evenly spaced: every step readable',
    scale: 'To scale',
    scaleTitle: 'Distances are durations: see where the time went',
    axis: 'time since the first event',
  },
  export: {
    label: 'Export',
    svg: 'SVG',
    svgTitle: 'Download the diagram as a self-contained SVG file, for slides',
    png: 'PNG',
    pngTitle: 'Download the diagram as a PNG image (twice the screen size), for slides',
    failed: 'The export failed: {{reason}}',
  },
  legend: {
    kernel: 'state read from the kernel',
    inferred: 'state inferred from the events',
    data: 'data',
    fin: 'FIN',
    rst: 'RST',
  },
  status: {
    heading: 'At step {{n}} of {{count}}',
    none: 'No step yet',
    kernel: 'from the kernel',
    inferred: 'inferred',
    canSend: 'can send',
    cannotSend: 'cannot send',
    canReceive: 'can receive',
    cannotReceive: 'cannot receive',
    timeWait: 'TIME_WAIT: {{seconds}} s left',
    timeWaitOver: 'TIME_WAIT is over',
    /** A lane's state name with its timer, as the diagram draws it. */
    stateTimer: '{{state}} · {{seconds}} s left',
    /** The same in an exported diagram: how long the state lasts, whenever the file is looked at. */
    stateLength: '{{state}} · {{seconds}} s',
    help: 'One state track a side. Solid, with a bold name: the kernel was read in that state (Linux, /proc/net/tcp). Dashed and italic: no reading caught it, so it is inferred from what the journal saw. Where they disagree, the kernel wins.',
  },
  step: {
    label: 'Step {{n}} of {{count}} · {{time}}',
    latest: 'latest',
    prev: '◀ Previous',
    prevTitle: 'The step before this one',
    next: 'Next ▶',
    nextTitle: 'The step after this one',
    live: 'Latest',
    liveTitle: 'Follow the latest step as events arrive',
    showEvents: 'Show in Events',
    showBytes: 'Show in Bytes',
  },
  timeoutWhich: {
    idle: 'idle',
    header: 'request',
    fin_wait: 'wait-for-FIN',
    /** The client read nothing of the rest of the answer for that long. */
    unread: 'unread-answer',
  },
  /**
   * One sentence per narration code and side (shared/teardown/narration-key.ts picks the key): what
   * the step is, and why it follows, in a learner's words.
   */
  narrate: {
    connected: {
      client: 'The handshake is done (SYN, SYN-ACK, ACK): client and server can both send and receive.',
      server: 'The handshake is done (SYN, SYN-ACK, ACK): server and client can both send and receive.',
    },
    data_sent: {
      client_one: 'The client sent {{count}} byte. TCP carries a stream: the server may read it in other pieces.',
      client_other: 'The client sent {{count}} bytes. TCP carries a stream: the server may read them in other pieces.',
      server_one: 'The server sent {{count}} byte. TCP carries a stream: the client may read it in other pieces.',
      server_other: 'The server sent {{count}} bytes. TCP carries a stream: the client may read them in other pieces.',
    },
    fin_sent: {
      client: 'The client sent FIN (shutdown for writing): it will send nothing more, but it can still receive. Until the server acknowledges that FIN, the client’s socket is in FIN_WAIT_1.',
      server: 'The server sent FIN: it will send nothing more, but it can still receive. Until the client acknowledges that FIN, the server’s socket is in FIN_WAIT_1.',
    },
    fin_sent_last: {
      client: 'The client sent its own FIN, after the server’s: now neither side will send anything more. The client’s socket waits in LAST_ACK for the server to acknowledge this last FIN.',
      server: 'The server sent its own FIN, after the client’s: now neither side will send anything more. The server’s socket waits in LAST_ACK for the client to acknowledge this last FIN.',
    },
    fin_received: {
      client: 'The server’s FIN reached the client: the client has read everything the server will ever send, so its next read returns 0 (EOF). The client can still send; its socket stays in CLOSE_WAIT until the client closes it.',
      server: 'The client’s FIN reached the server: the server has read everything the client will ever send, so its next read returns 0 (EOF). The server can still send; its socket stays in CLOSE_WAIT until the server closes it.',
    },
    fin_received_last: {
      client: 'The server’s FIN reached the client, which had sent its own FIN first: both directions are closed now, and the client’s kernel acknowledges this last FIN.',
      server: 'The client’s FIN reached the server, which had sent its own FIN first: both directions are closed now, and the server’s kernel acknowledges this last FIN.',
    },
    fins_crossed: {
      client: 'The server’s FIN reached the client before the client’s own FIN was acknowledged: the two FINs crossed (a simultaneous close), so the client’s socket is in CLOSING until its FIN is acknowledged.',
      server: 'The client’s FIN reached the server before the server’s own FIN was acknowledged: the two FINs crossed (a simultaneous close), so the server’s socket is in CLOSING until its FIN is acknowledged.',
    },
    rst_sent: {
      client: 'The client sent RST: it aborted the connection (closed with SO_LINGER set to 0) instead of closing it with FIN. The connection ends at once, with no TIME_WAIT, and anything not yet read is thrown away.',
      server: 'The server sent RST: it aborted the connection (closed with SO_LINGER set to 0) instead of closing it with FIN. The connection ends at once, with no TIME_WAIT, and anything not yet read is thrown away.',
    },
    rst_received: {
      client: 'The server’s RST reached the client: the connection is gone. The client’s next read or write fails with ECONNRESET (connection reset by peer), and nothing more goes on this connection’s wire.',
      server: 'The client’s RST reached the server: the connection is gone. The server’s next read or write fails with ECONNRESET (connection reset by peer), and nothing more goes on this connection’s wire.',
    },
    rst_after_close: {
      client: 'The server had closed its socket, so its kernel answered the client’s bytes with RST: no program was left to read them. The connection is gone; the client’s next read or write fails with ECONNRESET.',
      server: 'The client had closed its socket, so its kernel answered the server’s bytes with RST: no program was left to read them. The connection is gone; the server’s next read or write fails with ECONNRESET.',
    },
    rst_arrived: {
      client: 'An RST from the server reached the client: {{reason}}. The connection is gone; the client’s next read or write fails with ECONNRESET.',
      server: 'An RST from the client reached the server: {{reason}}. The connection is gone; the server’s next read or write fails with ECONNRESET.',
    },
    closed: {
      client: 'The client closed its socket: the program let go of it. Whatever is left of the teardown, the kernel finishes on its own.',
      server: 'The server closed its socket: the program let go of it. Whatever is left of the teardown, the kernel finishes on its own.',
    },
    closed_after_reset: {
      client: 'The client closed its socket. The RST had already ended the connection, so nothing goes on the wire: the program only lets go of a socket that is already dead.',
      server: 'The server closed its socket. The RST had already ended the connection, so nothing goes on the wire: the program only lets go of a socket that is already dead.',
    },
    gave_up: {
      client: 'The client gave up waiting for an answer after {{ms}} ms, and closes.',
      server: 'The server gave up waiting after {{ms}} ms, and closes.',
    },
    timed_out: {
      client: 'The client’s {{which}} timeout fired after {{ms}} ms, so it closes the connection.',
      server: 'The server’s {{which}} timeout fired after {{ms}} ms, so it closes the connection.',
    },
    fin_acked: {
      client: 'The server’s kernel acknowledged the client’s FIN, so the client’s socket is in FIN_WAIT_2: its half of the connection is closed, and it waits for the server’s FIN.',
      server: 'The client’s kernel acknowledged the server’s FIN, so the server’s socket is in FIN_WAIT_2: its half of the connection is closed, and it waits for the client’s FIN.',
    },
    time_wait: {
      client:
        'The client closed first, so its socket waits in TIME_WAIT for about {{seconds}} s: the kernel can still resend the last ACK, and stray late segments cannot be taken for a new connection’s. Clients pick a fresh port for each connection, so this rarely bothers them.',
      server:
        'The server closed first, so its socket waits in TIME_WAIT for about {{seconds}} s: the kernel can still resend the last ACK, and stray late segments cannot be taken for a new connection’s. Meanwhile the port stays taken: a server restarted now would fail with EADDRINUSE, unless it sets SO_REUSEADDR (lesson L2’s server does).',
    },
    last_ack_done: {
      client: 'The server acknowledged the client’s last FIN, so the client’s socket is gone (CLOSED). The side that closes second has no TIME_WAIT to sit out.',
      server: 'The client acknowledged the server’s last FIN, so the server’s socket is gone (CLOSED). The side that closes second has no TIME_WAIT to sit out.',
    },
    time_wait_over: {
      client: 'The client’s TIME_WAIT ran out: its kernel has forgotten the connection, and the same pair of ports can be used again.',
      server: 'The server’s TIME_WAIT ran out: its kernel has forgotten the connection, and the same pair of ports can be used again.',
    },
    fin_wait_2_timed_out: {
      client: 'The server never sent its FIN, and the client had already closed its socket, so after a while (Linux’s tcp_fin_timeout, 60 s by default) the client’s kernel forgot the connection (CLOSED). Nothing was sent: the server still sits in CLOSE_WAIT.',
      server: 'The client never sent its FIN, and the server had already closed its socket, so after a while (Linux’s tcp_fin_timeout, 60 s by default) the server’s kernel forgot the connection (CLOSED). Nothing was sent: the client still sits in CLOSE_WAIT.',
    },
    reset_seen_by_kernel: {
      client: 'The kernel no longer has the client’s socket (CLOSED), though the client never finished a FIN exchange: an RST from the server tore the connection down.',
      server: 'The kernel no longer has the server’s socket (CLOSED), though the server never finished a FIN exchange: an RST from the client tore the connection down.',
    },
    /** A state only the kernel showed, by state (`other`: any state not listed). */
    kernel_state: {
      ESTABLISHED: {
        client: 'The kernel shows the client’s connection still open (ESTABLISHED): both directions can still carry bytes.',
        server: 'The kernel shows the server’s connection still open (ESTABLISHED): both directions can still carry bytes.',
      },
      FIN_WAIT_1: {
        client: 'The kernel shows the client’s socket in FIN_WAIT_1: its FIN has gone out, and the server has not acknowledged it yet.',
        server: 'The kernel shows the server’s socket in FIN_WAIT_1: its FIN has gone out, and the client has not acknowledged it yet.',
      },
      CLOSE_WAIT: {
        client: 'The kernel shows the client’s socket in CLOSE_WAIT: the server’s FIN has arrived, and the kernel waits for the client program to close.',
        server: 'The kernel shows the server’s socket in CLOSE_WAIT: the client’s FIN has arrived, and the kernel waits for the server program to close.',
      },
      LAST_ACK: {
        client: 'The kernel shows the client’s socket in LAST_ACK: it sent its own FIN after the server’s, and waits for the server to acknowledge it.',
        server: 'The kernel shows the server’s socket in LAST_ACK: it sent its own FIN after the client’s, and waits for the client to acknowledge it.',
      },
      other: {
        client: 'The kernel shows the client’s socket in {{state}}.',
        server: 'The kernel shows the server’s socket in {{state}}.',
      },
    },
  },
} as const;
