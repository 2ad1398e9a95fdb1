// English words of session files and recordings (ui.recording): Save session, Open…, and the bar
// over a recording with its replay controls.
export const recordingWords = {
  group: 'Session',
  save: 'Save session',
  saveTitle: 'Save every connection of the live workbench, with its bytes, times, FINs and RSTs, to a session file',
  open: 'Open…',
  openTitle: 'Open a session file, or a capture (pcap, pcapng) from tcpdump or Wireshark, to look at and replay',
  label: 'Recording',
  showing: 'Recording: {{name}} (read-only)',
  position: '{{shown}} of {{total}} events · {{ms}} ms',
  restart: 'Replay from the start',
  play: 'Play',
  pause: 'Pause',
  speed: 'Speed',
  times: '{{speed}}×',
  step: 'Next event',
  toEnd: 'To the end',
  backToLive: 'Back to live',
  readOnlyNote: 'Recording — read-only. Its servers and client are not running now: go back to live to act.',
  readOnlyTip: 'Recording — read-only; go back to live to act',
} as const;
