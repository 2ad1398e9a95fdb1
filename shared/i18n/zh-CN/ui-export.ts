// Simplified Chinese words of exporting a connection (ui.export), keys as in en/ui-export.ts.
export const exportWords = {
  label: '导出',
  pcapng: 'pcapng（用于 Wireshark）',
  pcapngTitle: '把这个连接保存为 pcapng 抓包文件，可用 Wireshark 或 tshark 打开',
  har: 'HAR 文件',
  harTitle: '把这个连接的 HTTP 报文保存为 HAR 1.2 文件，可在浏览器的开发者工具中打开',
  evicted: '为节省内存，部分载荷字节已被丢弃：文件中只有这些数据包的首部，并注明了这一点。',
  failed: '无法导出：{{reason}}',
  copyAs: '复制为…',
  copyAsTitle: '复制一条能再次发送这个请求的命令',
  copyAsFor: '复制为…（第 {{n}} 个请求）',
  copyForm: {
    curl: 'curl 命令',
    nc: 'printf | nc 管道',
    python: 'Python 脚本',
  },
  copyFormTitle: {
    curl: '用 curl 发送相同的方法、目标、字段和正文（curl 会按自己的方式写报文头）',
    nc: '用 printf 经 nc 发送完全相同的字节，包括 CR 和 LF',
    python: '用一个简短的 Python 套接字脚本发送完全相同的字节',
  },
  copied: '已复制为{{form}}。',
  copyGone: '这个请求的字节已不再保存，没有可复制的内容。',
  copyFailed: '无法复制：{{reason}}',
} as const;
