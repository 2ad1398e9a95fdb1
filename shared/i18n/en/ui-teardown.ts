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
    help: 'A solid lane and a bold name: the kernel’s own state for the socket (Linux, /proc/net/tcp). Dashed and italic: inferred from what the journal saw. Where they disagree, the kernel wins.',
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
  },
  /** One sentence per narration code and side: what the step means, in plain words. */
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
      client: 'The client sent FIN (shutdown for writing): it will send no more, but it can still receive.',
      server: 'The server sent FIN: it will send no more, but it can still receive.',
    },
    fin_received: {
      client: 'The client has read everything; its next read returns 0 (EOF). It can still send.',
      server: 'The server has read everything; its next read returns 0 (EOF). It can still send.',
    },
    rst_sent: {
      client: 'The client sent RST: the connection is torn down at once, and anything not yet read is thrown away.',
      server: 'The server sent RST: the connection is torn down at once, and anything not yet read is thrown away.',
    },
    rst_received: {
      client: 'The server’s RST reached the client: its next read or write fails with ECONNRESET.',
      server: 'The client’s RST reached the server: its next read or write fails with ECONNRESET.',
    },
    closed: {
      client: 'The client closed its socket: the program let go of it. The kernel may go on with the teardown for a while.',
      server: 'The server closed its socket: the program let go of it. The kernel may go on with the teardown for a while.',
    },
    time_wait: {
      client:
        'The client closed first, so its socket waits in TIME_WAIT for about {{seconds}} s: the kernel can still resend the last ACK, and stray late segments cannot be taken for a new connection’s. Clients pick a fresh port for each connection, so this rarely bothers them.',
      server:
        'The server closed first, so its socket waits in TIME_WAIT for about {{seconds}} s: the kernel can still resend the last ACK, and stray late segments cannot be taken for a new connection’s. Meanwhile the port stays taken: a server restarted now would fail with EADDRINUSE, unless it sets SO_REUSEADDR, as the lesson servers do.',
    },
    kernel_state: {
      client: 'The kernel confirms that the client’s socket is in {{state}}.',
      server: 'The kernel confirms that the server’s socket is in {{state}}.',
    },
    kernel_corrects: {
      client: 'The kernel says the client’s socket is {{state}}, not {{inferred}} as the events suggested: its state wins.',
      server: 'The kernel says the server’s socket is {{state}}, not {{inferred}} as the events suggested: its state wins.',
    },
    gave_up: {
      client: 'The client gave up waiting for an answer after {{ms}} ms, and closes.',
      server: 'The server gave up waiting after {{ms}} ms, and closes.',
    },
    timed_out: {
      client: 'The client’s {{which}} timeout fired after {{ms}} ms, so it closes the connection.',
      server: 'The server’s {{which}} timeout fired after {{ms}} ms, so it closes the connection.',
    },
  },
} as const;
