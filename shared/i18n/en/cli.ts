// English words of the `wirebench` command and the start script.
export const cli = {
  web: {
    listening: 'Wirebench is running in your browser at {{url}}',
    exposed:
      'Warning: listening on {{host}} lets other machines reach this page; only the token in the URL keeps them out of the workbench. Use 127.0.0.1 unless you mean to share it.',
    noRenderer:
      'The page has not been built yet ({{dir}} is missing), so the browser will get "404 Not Found": run "npm run build" first.',
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
  help: {
    usage: 'Usage: wirebench <command> [options]',
    commandUsage: 'Usage: wirebench {{command}} [options]',
    commands: 'Commands:',
    options: 'Options:',
    more: 'Run "wirebench <command> --help" to see the options of one command.',
    summary: {
      web: 'Serve Wirebench to your browser (on this machine only, unless --host says otherwise).',
      start: 'Open the desktop app; if it cannot open here, serve Wirebench to your browser instead.',
    },
    option: {
      help: 'Show this help.',
      version: "Show Wirebench's version.",
      host: 'The address to listen on (default 127.0.0.1: this machine only).',
      port: 'The port to listen on (default 0: the system picks a free one).',
      json: 'Print {"url": ...} on one line, for scripts, instead of a sentence.',
    },
  },
  errors: {
    unknownCommand: 'There is no command "{{name}}". Run "wirebench --help" to see the commands.',
    unknownOption: '"wirebench {{command}}" has no option {{option}}. Run "wirebench {{command}} --help" to see its options.',
    missingValue: 'The option {{option}} needs a value, as in "{{option}} {{example}}".',
    unexpectedValue: 'The option {{option}} takes no value.',
    unexpectedArgument: '"wirebench {{command}}" does not take "{{value}}". Run "wirebench {{command}} --help" to see its options.',
    badPort: '"{{value}}" is not a port: use a whole number from 0 to 65535 (0 lets the system choose).',
    badHost: '"{{value}}" is not a host name or an address.',
  },
} as const;
