// Simplified Chinese words of "Why is it waiting?" (ui.waiting): per waiting code, as the server card
// (`server`), the client console for our own server (`client`) and for any peer (`bytes`) say it;
// then the server timer's countdown. Chinese has one plural form: only `_other`.
export const waiting = {
  /** What a screen reader announces before the hint. */
  label: '为什么在等待？',
  server: {
    queued_in_backlog: '在等待队列（backlog）中排第 {{position}} 位：accept() 还没有为它返回。',
    awaiting_request: '在等待请求：还什么都没有收到。',
    awaiting_blank_line: '在等待结束请求的空行（应答时机为“请求结束时”）。',
    body_bytes_due_other: '还在等待 {{count}} 字节消息体：这是 Content-Length 所声明的。',
    chunk_size_due: '在等待下一块的块大小行（大小为 0 的块加一个空行结束消息体）。',
    chunk_data_due_other: '还在等待本块剩余的 {{count}} 字节。',
    answer_on_fin: '在等待客户端半关闭连接（发来 FIN），然后才应答。',
    hanging: '有意挂起（应答之后：挂起）：它永远不会应答。',
    awaiting_peer_fin: '已发送自己的 FIN，正在等待客户端的 FIN。',
    keep_alive_idle: '持久连接，处于空闲：在等待下一个请求，静默 {{seconds}} 秒后关闭。',
    response_bytes_due_other: '按它的 Content-Length，响应还欠 {{count}} 字节。',
    reads_until_close: '它的响应既没有 Content-Length 也没有分块编码：客户端会一直读到服务器关闭连接。',
  },
  client: {
    queued_in_backlog:
      '正在服务器的等待队列（backlog）中排第 {{position}} 位：它一次只服务一个客户端，accept() 还没有为你返回。你发送的数据会先在内核中等着，直到 accept() 返回。',
    awaiting_request: '服务器在等待你的请求。',
    awaiting_blank_line: '服务器在等待结束你的请求的空行：请发送一个空行。',
    body_bytes_due_other: '服务器还在等待 {{count}} 字节消息体：这是你的 Content-Length 所声明的。',
    chunk_size_due: '服务器在等待你下一块的块大小行（大小为 0 的块加一个空行结束消息体）。',
    chunk_data_due_other: '服务器还在等待本块剩余的 {{count}} 字节。',
    answer_on_fin: '你半关闭连接后，服务器才会应答：请按“半关闭（发送 FIN）”。',
    hanging: '服务器有意挂起（应答之后：挂起）：不会有应答。看够了就关闭连接吧。',
    awaiting_peer_fin: '服务器已发送 FIN，正在等待你的 FIN：半关闭或关闭连接即可结束。',
    keep_alive_idle: '持久连接：服务器在等待你的下一个请求，静默 {{seconds}} 秒后关闭。',
    response_bytes_due_other: '按 Content-Length，响应还有 {{count}} 字节没到。',
    reads_until_close: '响应既没有 Content-Length 也没有分块编码，因此客户端会一直读到服务器关闭连接。',
  },
  bytes: {
    queued_in_backlog: '服务器还没有接受这个连接（它在等待队列中排第 {{position}} 位）。',
    awaiting_request: '还什么都没有发送：HTTP 服务器在等待你的请求。',
    awaiting_blank_line: '你的请求还没有空行：HTTP 服务器要等到空行才会应答。',
    body_bytes_due_other: '按你的 Content-Length，还应发送 {{count}} 字节消息体：HTTP 服务器在等待它们。',
    chunk_size_due: '你的分块消息体还没有结束：接下来应发送下一块的块大小行（大小为 0 的块加一个空行结束消息体）。',
    chunk_data_due_other: '本块还应发送 {{count}} 字节。',
    answer_on_fin: '服务器也许要等你半关闭连接后才会应答。',
    hanging: '还没有收到应答。',
    awaiting_peer_fin: '服务器已发送 FIN：它不会再发送任何数据。已经半关闭的服务器会等待你的 FIN。',
    keep_alive_idle: '连接保持打开（持久连接），处于空闲。',
    response_bytes_due_other: '按 Content-Length，响应还有 {{count}} 字节没到。',
    reads_until_close: '响应既没有 Content-Length 也没有分块编码，因此客户端会一直读到服务器关闭连接。',
  },
  /** The timer that ends the wait, counting down (count: whole seconds left). */
  timer: {
    idle_other: '如果没有更多数据到来，服务器将在 {{count}} 秒后关闭连接。',
    header_other: '如果到时还没有收到完整的请求，服务器将在 {{count}} 秒后关闭连接。',
    fin_wait_other: '{{count}} 秒后无论如何都会关闭。',
    due: '服务器的等待已结束：现在关闭连接。',
  },
} as const;
