// English words of exporting a connection (ui.export): the byte view's Export buttons (pcapng for
// Wireshark, HAR) and the structure tree's "Copy as…" menu on each request (curl, printf | nc, Python).
export const exportWords = {
  label: 'Export',
  pcapng: 'pcapng (Wireshark)',
  pcapngTitle: 'Save this connection as a pcapng capture, to open in Wireshark or tshark',
  har: 'HAR',
  harTitle: 'Save this connection’s HTTP messages as a HAR 1.2 file, to open in a browser’s developer tools',
  evicted: 'Some payload bytes were dropped to save memory: the file has the packets’ headers without them, and says so.',
  failed: 'Could not export: {{reason}}',
  copyAs: 'Copy as…',
  copyAsTitle: 'Copy a command that sends this request again',
  copyAsFor: 'Copy as… (request {{n}})',
  copyForm: {
    curl: 'curl command',
    nc: 'printf | nc pipeline',
    python: 'Python script',
  },
  copyFormTitle: {
    curl: 'The same method, target, fields and body, sent by curl (which writes the head its own way)',
    nc: 'These exact bytes, CR and LF included, sent by printf through nc',
    python: 'These exact bytes, sent by a short Python socket script',
  },
  copied: 'Copied as {{form}}.',
  copyGone: 'This request’s bytes are no longer stored: there is nothing to copy.',
  copyFailed: 'Could not copy: {{reason}}',
} as const;
