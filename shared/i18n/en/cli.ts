// English words of the `wirebench` command and the start script.
import { help } from './cli-help';

export const cli = {
  web: {
    listening: 'Wirebench is running in your browser at {{url}}',
    exposed:
      'Warning: listening on {{host}} lets other machines reach this page; only the token in the URL keeps them out of the workbench. Use 127.0.0.1 unless you mean to share it.',
    needsExpose:
      'Listening on {{host}} would let other machines reach this page, and its token travels over plain HTTP, readable by anyone on the way. Add --expose if you do mean to share it; without it, leave --host out (127.0.0.1).',
    noRenderer:
      'The page has not been built yet ({{dir}} is missing), so the browser will get "404 Not Found": run "npm run build" first.',
    allowMissing: 'There is no file or folder "{{path}}" to allow: check the path given to --allow.',
  },
  serve: {
    listening: 'Listening on {{host}} port {{port}} ({{url}}): {{how}}; {{accept}}. Ctrl+C stops it.',
    how: '{{responder}} {{answer}}, {{after}}',
    exposed:
      'Warning: listening on {{host}} lets other machines on your network talk to this server. Use 127.0.0.1 unless you mean to share it.',
    exposeHint: 'Add --expose if you do mean to listen beyond this machine.',
    // i18next picks _one or _other from `count` (the number of connections).
    stopped_one: 'Stopped after {{count}} connection: {{bytesIn}} bytes in, {{bytesOut}} bytes out.',
    stopped_other: 'Stopped after {{count}} connections: {{bytesIn}} bytes in, {{bytesOut}} bytes out.',
    /** Said once the reader of a journal that fell behind reads again (main/cli/output-writer.ts). */
    notPrinted_one: '{{count}} line of the journal was not printed: whoever reads this output fell behind, and the server does not wait for its reader.',
    notPrinted_other: '{{count}} lines of the journal were not printed: whoever reads this output fell behind, and the server does not wait for its reader.',
    outputFailed: 'Could not write to stdout ({{code}}), so the server is stopped.',
    /** --quiet: said after the first line, then one `counters` line per interval with something in it. */
    quiet: 'Quiet: one line of counters every {{seconds}} s instead of each event; nothing while nothing happens, so each line covers the time since the one before.',
    counters:
      '{{time}}  in {{seconds}} s: connections {{connections}}, requests answered {{requests}}, bytes in {{bytesIn}}, bytes out {{bytesOut}}, resets (RST) {{resets}}',
    responder: {
      canned_one: 'answers with the canned response ({{count}} byte, exactly as given)',
      canned_other: 'answers with the canned response ({{count}} bytes, exactly as given)',
      static: 'serves the files in {{root}}',
      staticSample: 'serves the sample site shipped with Wirebench',
      routes_one: 'answers by route ({{count}} route; anything else gets 404)',
      routes_other: 'answers by route ({{count}} routes; anything else gets 404)',
      echo: 'echoes each request back as the body of a 200',
    },
    answer: {
      first_chunk: 'as soon as the first chunk arrives',
      request_end: 'once the whole request is in',
      peer_fin: 'once the client half-closes (sends its FIN)',
    },
    after: {
      close: 'then closes (FIN)',
      half_close: "then half-closes (FIN) and waits up to {{ms}} ms for the client's FIN",
      keep_alive: 'then keeps the connection open for the next request',
      reset: 'then resets the connection (RST)',
      /** Replaces the whole "how": a hanging server answers nothing, whatever its responder. */
      hang: 'never answers (hang): each client waits until it gives up or a timeout closes it',
      drip: "sending {{bytes}} bytes every {{everyMs}} ms (drip), then half-closes and waits up to {{ms}} ms for the client's FIN",
    },
    accept: {
      concurrent: 'all clients are served at once',
      sequential: 'one client at a time, the others wait in the queue',
    },
    /** One journal event as a line, after its time, connection and offset. */
    event: {
      opened: 'connected: {{remote}} → {{local}}',
      openedClient: 'connected to {{remote}} from {{local}}',
      dataIn: '← {{length}} B {{payload}}',
      dataOut: '→ {{length}} B {{payload}}',
      evicted: '(payload no longer stored)',
      more: '(+{{rest}} B)',
      peer_fin: 'the client sent FIN: it will send nothing more',
      fin_sent: 'the server sent FIN: it will send nothing more',
      rst_sent: 'the server reset the connection (RST)',
      rst_received: 'an RST came from the client: the connection is gone',
      error: 'the system reported {{code}}',
      closed: 'closed',
      closedError: 'closed after an error',
      queued: 'connected, waiting for accept(): number {{position}} in the queue',
      dequeued: 'accepted: its turn has come',
      tcpState: 'the kernel says this socket is now {{state}}',
      tcpStateTimer: 'the kernel says this socket is now {{state}} ({{seconds}} s left on its timer)',
      timeout: {
        idle: 'timeout: nothing from the client for {{ms}} ms, so the server closes the connection',
        header: 'timeout: no complete request within {{ms}} ms, so the server closes the connection',
        fin_wait: "timeout: the client's FIN did not come within {{ms}} ms, so the server closes the connection",
        unread: 'timeout: the client read nothing of the rest of the answer for {{ms}} ms, so the server lets the connection go',
      },
    },
    errors: {
      oneResponder: 'Choose one way to answer: {{given}} cannot be used together.',
      badChoice: '"{{value}}" is not a choice for {{option}}: use one of {{choices}}.',
      badMs: '"{{value}}" is not a time for {{option}}: use a whole number of milliseconds (0 turns it off).',
      badCount: '"{{value}}" is not a count for {{option}}: use a whole number.',
      badDrip: '"{{value}}" is not a drip rate: write BYTES/MS, as in "--drip 8/200" (8 bytes every 200 ms).',
      badSeconds: '"{{value}}" is not a number of seconds for {{option}}: use one from 0.1 to 3600, such as 1 or 0.5.',
      badEscape: 'The --response text has an escape that means nothing at character {{at}}: use \\r, \\n, \\t, \\xHH or \\\\.',
      emptyResponse: 'The response is empty: give it at least one byte.',
      unreadable: 'Could not read {{file}} ({{errno}}).',
      notFolder: '{{dir}} is not a folder that can be served.',
      notFoundNeedsStatic: '--not-found-text is the text of a static server’s 404: give it with --static.',
      badRoutes: 'The routes file {{file}} is not valid: {{issues}}. Run "wirebench serve --help" to see its format.',
    },
  },
  connect: {
    trying: 'Trying {{address}}...',
    tryFailed: 'Trying {{address}}... {{errno}}',
    connected: 'Connected to {{host}} port {{port}}.',
    connectedVia: 'Connected to {{host}} port {{port}} ({{address}}).',
    /** How stdin goes out, said once after connecting (telnet's "Escape character is '^]'."). */
    input: {
      crlf: 'Each line goes out ending in CRLF (\\r\\n). The end of input (Ctrl+D) sends our FIN; Ctrl+C closes the connection.',
      lf: 'Each line goes out ending in a bare LF (\\n). The end of input (Ctrl+D) sends our FIN; Ctrl+C closes the connection.',
      raw: 'Input goes out byte for byte, exactly as read. The end of input (Ctrl+D) sends our FIN; Ctrl+C closes the connection.',
      hex: 'Each line of input is hex (47 45 54 0d 0a); the bytes it spells go out. The end of input (Ctrl+D) sends our FIN; Ctrl+C closes the connection.',
    },
    /** The session's last line when the server's RST reached us; reason: shared/i18n/en/rst.ts. */
    rstReceived: 'An RST came from the server, and the connection is gone. Why: {{reason}}.',
    peerFinOpen:
      'The server will send nothing more, but may still read: end the input (Ctrl+D) to send our FIN and finish, or press Ctrl+C to close.',
    evicted: '({{length}} bytes arrived that can no longer be shown: the journal let go of them.)',
    /**
     * Why it is waiting (shared/waiting/waiting-codes.ts), said once the input and the output have
     * been still for a second. The peer may be any program: only what our bytes show is said.
     */
    waiting: {
      queued_in_backlog: 'Waiting: the server has not accepted the connection yet (number {{position}} in its backlog).',
      awaiting_request: 'Waiting: nothing sent yet, and an HTTP server waits for a request.',
      awaiting_blank_line: 'Waiting: the request has no blank line yet, and an HTTP server waits for it before it answers. Send an empty line to end it.',
      body_bytes_due_one: 'Waiting: {{count}} more body byte is due by the request’s Content-Length, and an HTTP server waits for it.',
      body_bytes_due_other: 'Waiting: {{count}} more body bytes are due by the request’s Content-Length, and an HTTP server waits for them.',
      chunk_size_due: 'Waiting: the chunked body is not finished; the next chunk’s size line is due (a chunk of size 0 and an empty line end it).',
      chunk_data_due_one: 'Waiting: {{count}} more byte of this chunk is due.',
      chunk_data_due_other: 'Waiting: {{count}} more bytes of this chunk are due.',
      answer_on_fin: 'Waiting: the server may answer only once we half-close: end the input (Ctrl+D).',
      hanging: 'Waiting: no answer has come.',
      awaiting_peer_fin: 'Waiting: the server sent FIN, and a server that half-closed waits for ours: end the input (Ctrl+D).',
      keep_alive_idle: 'Waiting: the connection is kept alive and idle.',
      response_bytes_due_one: 'Waiting: the response’s Content-Length promises {{count}} more byte.',
      response_bytes_due_other: 'Waiting: the response’s Content-Length promises {{count}} more bytes.',
      reads_until_close:
        'Waiting: the response has no Content-Length and no chunking, so it ends only when the server closes. Ctrl+C stops reading.',
    },
    /** A client's journal: the same events as the server's, seen from the other end. */
    event: {
      peer_fin: 'the server sent FIN: it will send nothing more',
      fin_sent: 'we sent FIN: we will send nothing more',
      rst_sent: 'we reset the connection (RST)',
      rst_received: 'an RST came from the server: the connection is gone',
    },
    /** parseTarget's problems (shared/client/target.ts TargetProblem). */
    target: {
      empty: 'Say where to connect: "host port", "host:port", "[::1]:port" or a URL such as http://localhost:8888/. Run "wirebench connect --help" for more.',
      no_port: '"{{target}}" has no port: write it as "{{target}} 80" or "{{target}}:80".',
      no_port_ipv6:
        '"{{target}}" reads as an IPv6 address with no port: its last group is part of the address. Put the address in brackets before the port, as in "{{meant}}" (or "{{bracketed}}").',
      bad_port: '"{{target}}" does not name a port: use a whole number from 1 to 65535.',
      bad_host: '"{{target}}" is not a host name or an address (an IPv6 address goes in brackets with its port: [::1]:8888).',
      bad_url: '"{{target}}" is not a URL that can be read: write it as http://host:port/path.',
      scheme_not_http: '"{{target}}" is not an http:// URL. For anything else, give the host and the port.',
      tls_not_supported: '"{{target}}" is https: its bytes are TLS, which cannot be typed by hand. Use http://, or the host and the port.',
    },
    errors: {
      together: '{{given}} cannot be used together: choose one.',
      badTimeout: '"{{value}}" is not a connect timeout: use a whole number of milliseconds from {{min}} to {{max}}.',
      requestNeedsUrl: '--request sends the request a URL stands for, and "{{target}}" is not a URL: write it as http://host:port/path.',
      // typed-input's InputMistake problems, for a line of stdin that could not be read.
      odd_hex: 'Line {{line}}, column {{column}} of the input: a hex digit without its pair (a byte is two digits, as in 0d). Nothing of that line was sent.',
      not_hex: 'Line {{line}}, column {{column}} of the input: "{{char}}" is not a hex digit. Nothing of that line was sent.',
      bad_escape:
        'Line {{line}}, column {{column}} of the input: an escape that means nothing (use \\r, \\n, \\t, \\0, \\xHH or \\\\). Nothing of that line was sent.',
    },
  },
  annotate: {
    recording: {
      heading: '── {{connId}} {{side}}: {{from}} → {{to}}',
      capture_one: 'Read {{file}} ({{container}}): {{count}} TCP connection; {{skipped}} packets were not TCP.',
      capture_other: 'Read {{file}} ({{container}}): {{count}} TCP connections; {{skipped}} packets were not TCP.',
      truncated: '{{file}} ends in the middle of a packet (a capture still being written, or cut short): the packets before it are read.',
      gap: {
        in_one: '{{connId}}: {{count}} byte from the client at offset {{offset}} is not in the capture; what follows is read as if it were next.',
        in_other: '{{connId}}: {{count}} bytes from the client at offset {{offset}} are not in the capture; what follows is read as if it were next.',
        out_one: '{{connId}}: {{count}} byte from the server at offset {{offset}} is not in the capture; what follows is read as if it were next.',
        out_other: '{{connId}}: {{count}} bytes from the server at offset {{offset}} are not in the capture; what follows is read as if it were next.',
      },
    },
    guessed: {
      request: 'Read as requests: the bytes do not start with "HTTP/" (say --request or --response to choose).',
      response: 'Read as responses: the bytes start with "HTTP/" (say --request or --response to choose).',
    },
    fromTerminal: 'Reading the bytes from the terminal: end them with Ctrl+D (or give a file).',
    message: 'message {{number}}',
    side: { request: 'request', response: 'response' },
    fields_one: '{{count}} field',
    fields_other: '{{count}} fields',
    trailers_one: '{{count}} trailer',
    trailers_other: '{{count}} trailers',
    chunks_one: '{{count}} chunk',
    chunks_other: '{{count}} chunks',
    body: {
      none: 'body: none',
      noHead: 'head not finished',
      length: 'body: {{length}} of {{declared}} bytes (Content-Length)',
      chunked: 'body: chunked, {{chunks}}, {{data}} bytes of data',
      close: 'body: {{length}} bytes, up to the close',
      tunnel: 'no body: after this head the connection is not HTTP (a 101, or a 2xx to CONNECT)',
    },
    state: {
      complete: '(complete)',
      incomplete: '(incomplete: the input ended first)',
      open: '(not complete yet)',
    },
    outside: 'bytes outside any message',
    /** A message with too many spans to hold until it is finished (main/cli/annotate-text.ts): its heading as it stands, then after its spans in full. */
    messageSoFar: '{{heading}} · so far: too long to hold, its full heading comes after its spans',
    messageEnd: 'end of {{heading}}',
    noProblems: 'No problems found.',
    problems_one: '{{count}} problem:',
    problems_other: '{{count}} problems:',
    messages: {
      request_one: '{{count}} request',
      request_other: '{{count}} requests',
      response_one: '{{count}} response',
      response_other: '{{count}} responses',
    },
    peer: { request: "the client's", response: "the server's" },
    summary: {
      ended: '{{length}} bytes, {{messages}}; the end of the input counts as {{peer}} FIN.',
      open: '{{length}} bytes, {{messages}}; the input counts as still open (--no-fin): what is unfinished is pending.',
    },
    errors: {
      together: '--request and --response cannot be used together: choose one.',
      unreadable: 'Could not read {{file}} ({{errno}}).',
      stdin: 'Could not read the input ({{errno}}).',
      spill: 'The problems of this big input (and with --json its messages) could not wait in a temporary file in {{dir}} ({{errno}}): set TMPDIR to a folder with room.',
      output: 'Could not write the annotation to stdout ({{errno}}).',
    },
  },
  start: {
    downloading: "Fetching Electron's binary (first start only; this can take a minute)…",
    fallback: 'The desktop window is unavailable: {{reason}}. Opening Wirebench in your browser instead.',
    reason: {
      downloadUnreachable: "Electron's binary could not be downloaded (no route to its download host)",
      downloadTimeout: "Electron's binary could not be downloaded within {{seconds}} seconds",
      downloadFailed: "Electron's binary could not be downloaded (its downloader stopped with exit code {{code}})",
      downloadSkipped: "Electron's binary is missing, and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded",
      noDownloader: "Electron's binary is missing and its downloader ({{file}}) is not installed",
      noDisplay: 'there is no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set)',
      notBuilt: 'the desktop app has not been built yet ({{file}} is missing; run "npm run build")',
      rootSandbox: 'Electron refuses to run as root with its sandbox on (start Wirebench as a normal user)',
      spawnFailed: 'Electron could not be started ({{code}})',
      earlyExit: 'Electron stopped with exit code {{code}} right after starting',
      earlySignal: 'Electron was stopped by {{signal}} right after starting',
    },
  },
  help,
  /** Any command whose stdout fails, but serve, which says it its own way (cli.serve.outputFailed). */
  output: {
    failed: 'Could not write to stdout ({{code}}), so Wirebench stops.',
  },
  errors: {
    unknownCommand: 'There is no command "{{name}}". Run "wirebench --help" to see the commands.',
    unknownOption: '"wirebench {{command}}" has no option {{option}}. Run "wirebench {{command}} --help" to see its options.',
    missingValue: 'The option {{option}} needs a value, as in "{{option}} {{example}}".',
    unexpectedValue: 'The option {{option}} takes no value.',
    unexpectedArgument: '"wirebench {{command}}" does not take "{{value}}". Run "wirebench {{command}} --help" to see its options.',
    badPort: '"{{value}}" is not a port: use a whole number from 0 to 65535 (0 lets the system choose).',
    badHost: '"{{value}}" is not a host name or an address.',
    badLanguage: '"{{value}}" is not a language Wirebench speaks: use one of {{languages}}.',
  },
} as const;
