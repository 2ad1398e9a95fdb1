// Simplified Chinese clauses for an RST that reached one of our sockets, and why (shared/teardown/rst-reason.ts).
import type { RstCause } from '../../teardown/rst-reason';

export const rst = {
  client: {
    sent_after_fin: '服务器已经关闭了它的套接字，所以它的内核用 RST 回应了你发送的字节',
    after_fin:
      '服务器用 RST 结束了连接，而不只是发送 FIN：它强制中止了自己的套接字（SO_LINGER 0），或者在你发送的字节还没读完时就关闭了套接字',
    mid_exchange:
      '服务器在交互中途复位了连接，没有发送 FIN：它有意强制中止了自己的套接字（SO_LINGER 0），或者在你发送的字节还没读完时就关闭了套接字',
    before_data:
      '服务器还没发送任何数据就复位了连接：它有意强制中止了自己的套接字（SO_LINGER 0），或者在你发送的字节还没读完时就关闭了套接字',
  },
  server: {
    sent_after_fin: '客户端已经关闭了它的套接字，所以它的内核用 RST 回应了服务器发送的字节',
    after_fin:
      '客户端用 RST 结束了连接，而不只是发送 FIN：它强制中止了自己的套接字（SO_LINGER 0），或者在服务器发送的字节还没读完时就关闭了套接字',
    mid_exchange:
      '客户端在交互中途复位了连接，没有发送 FIN：它有意强制中止了自己的套接字（SO_LINGER 0），或者在服务器发送的字节还没读完时就关闭了套接字',
    before_data:
      '客户端还没发送任何数据就复位了连接：它有意强制中止了自己的套接字（SO_LINGER 0），或者在服务器发送的字节还没读完时就关闭了套接字',
  },
  /** How it reached us: said in the journal's line for the event. */
  how: {
    read: '我方的读操作失败，错误为 ECONNRESET',
    write: '我方的写操作失败（EPIPE 或 ECONNRESET）',
    kernel: '内核的连接表显示该套接字已离开 CLOSE_WAIT，而我方并没有发送 FIN；Node 还没有收到通知',
  },
} satisfies Record<'client' | 'server', Record<RstCause, string>> & { how: Record<'read' | 'write' | 'kernel', string> };
