// Simplified Chinese words of session files and recordings (ui.recording), keys as in en/ui-recording.ts.
export const recordingWords = {
  group: '会话',
  save: '保存会话',
  saveTitle: '把实时工作台的每个连接（连同其字节、时间、FIN 和 RST）保存到一个会话文件',
  open: '打开…',
  openTitle: '打开会话文件，或 tcpdump、Wireshark 的抓包文件（pcap、pcapng），用来查看和重放',
  label: '录制',
  showing: '录制：{{name}}（只读）',
  position: '第 {{shown}} 个事件，共 {{total}} 个 · {{ms}} ms',
  restart: '从头重放',
  play: '播放',
  pause: '暂停',
  speed: '速度',
  times: '{{speed}}×',
  step: '下一个事件',
  toEnd: '跳到结尾',
  backToLive: '回到实时',
} as const;
