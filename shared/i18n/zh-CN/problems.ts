// Simplified Chinese sentences for the HTTP annotator's problems (shared/http/annotate/annotation.ts PROBLEM_CODES).
import type { ProblemSentences } from '../en/problems';
import type { ZhForm } from '../sentence-family';

export const problems = {
  bare_lf:
    '这一行以单独的 LF 结尾，而 HTTP 要求的是 CRLF（本报文中这样结尾的行：{{lines}}）。RFC 9112 第 2.2 节允许接收方接受它，curl 和 Chromium 也确实接受：它们把响应当作各行都以 CRLF 结尾来读。严格的对端则可能拒绝它。',
  missing_blank_line:
    '字节在结束首部的空行之前就结束了：报文不完整。作为响应时：curl 若看到 Content-Length，会等待相应长度的消息体，并在连接关闭时失败（退出码 18）；Chromium 则认为首部已经结束，显示一个空白页面。',
  field_no_colon: '这一首部行没有冒号，因此它不是一个字段：“{{line}}”。',
  space_before_colon: '字段名与其后的冒号之间有空白；服务器必须拒绝这样的报文（RFC 9112 第 5.1 节）。',
  bad_field_name: '“{{name}}”不是有效的字段名：字段名是记号（token），由字母、数字和少数几种符号组成，不含空格。',
  obs_fold: '这一行以空白开头：这是已废弃的折行（obs-fold），它接续上一个字段（RFC 9112 第 5.2 节）。',
  non_ascii_field: '该字段中的字节 {{byte}} 超出了 ASCII 范围：不同的对端可能作出不同的解读。',
  ctl_in_field: '字段中不允许出现控制字节 {{byte}}（RFC 9110 第 5.5 节）。',
  bad_start_line:
    '这不是 HTTP/1.x 的起始行：“{{line}}”。其后的内容无法按 HTTP 读取。作为响应时：curl 把它当作 HTTP/0.9 而拒绝（“Received HTTP/0.9 when not allowed”）；Chromium 在 80 以外的端口上会显示错误页面（ERR_INVALID_HTTP_RESPONSE）。',
  no_reason_phrase: '状态行在状态码之后没有空格和原因短语；大多数客户端都能接受。',
  bad_http_version:
    '“{{version}}”不是 HTTP 版本：HTTP/ 之后应该是一个数字、一个点和一个数字，例如 HTTP/1.1（RFC 9112 第 2.3 节）。curl 拒绝这个响应（“Unsupported HTTP version in response”）；Chromium 仍会显示它。',
  reason_trailing_space_other: '原因短语以空白结尾（{{count}} 字节）。这是允许的：原因短语可以包含空格（RFC 9112 第 4 节），所以这些空白属于短语本身，而且客户端本来就会忽略原因短语；curl 和 Chromium 都接受这个响应，Chromium 给出的短语不含这些空白。',
  empty_line_before_status:
    '状态行的位置上是一个空行（连续 {{lines}} 个）。服务器可以跳过请求之前的空行（RFC 9112 第 2.2 节），但没有任何规定允许客户端跳过响应之前的空行。curl 拒绝这个响应（“Received HTTP/0.9 when not allowed”）；Chromium 跳过该行并显示响应。',
  bad_content_length: 'Content-Length 的值“{{value}}”不是数字，因此无法确定消息体的边界。',
  duplicate_content_length: 'Content-Length 出现了不止一次（值都是 {{value}}）；这是允许的，但说明发送方有些混乱。',
  conflicting_content_length: 'Content-Length 出现了多次且值各不相同（{{values}}）：无法确定消息体的边界（RFC 9112 第 6.3 节）。',
  content_length_and_transfer_encoding:
    'Content-Length 和 Transfer-Encoding 同时出现：以 Transfer-Encoding 为准，而两者并存是请求走私（request smuggling）的迹象（RFC 9112 第 6.1 节）。',
  unsupported_transfer_encoding: 'Transfer-Encoding 的值“{{value}}”不是以 chunked 结尾，因此无法确定消息体的边界。',
  repeated_chunked:
    'Transfer-Encoding 的值“{{value}}”不止一次应用了 chunked，发送方不得这样做（RFC 9112 第 6.1 节）：服务器会拒绝这样的请求；客户端则按最外层的分块来读。',
  chunked_with_parameters:
    'Transfer-Encoding 的值“{{value}}”给 chunked 带上了参数，而 chunked 没有参数（RFC 9112 第 7.1 节）：这不是分块编码，因此不能据此确定消息体的边界。',
  transfer_encoding_http10:
    'HTTP/1.0 报文中出现了 Transfer-Encoding“{{value}}”：HTTP/1.0 没有传输编码，因此报文定界有误（RFC 9112 第 6.1 节）；服务器会拒绝该请求，客户端则一直读取响应，直到连接关闭。',
  framing_field_not_allowed:
    '{{status}} 响应不得携带 {{name}}：这种响应永远没有消息体（RFC 9110 第 8.6 节和第 9.3.6 节，RFC 9112 第 6.1 节），因此该字段会被忽略。',
  switching_protocols:
    'Switching Protocols（Upgrade: "{{protocol}}"）：从这个首部之后的第一个字节起，连接上说的是该协议，而不再是 HTTP（RFC 9110 第 15.2.2 节）。',
  tunnel_established:
    '对 CONNECT 的 2xx 应答：从这个首部之后的第一个字节起，连接就成了隧道，其中的字节不再是 HTTP（RFC 9110 第 9.3.6 节）。',
  content_length_short_other: 'Content-Length 声明了 {{count}} 字节，但连接在收到 {{received}} 字节后就结束了：消息体被截断。curl 会交出已收到的部分，然后报错（“transfer closed with … bytes remaining to read”，退出码 18）。',
  bytes_after_body_other: 'Content-Length 声明的 {{count}} 字节消息体之后还有字节，而它们并不是下一个报文。curl 和 Chromium 读到声明的长度就停止，根本不会显示它们。',
  bad_chunk_size: '这个块大小行不是十六进制数：“{{line}}”。',
  bad_chunk_end: '块数据之后没有紧跟 CRLF：块大小与实际数据对不上。',
  chunked_incomplete: '连接在分块消息体的中途结束了，还没有收到最后那个（大小为 0 的）块。',
  missing_host: 'HTTP/1.1 请求缺少 Host 首部字段：服务器必须应答 400 Bad Request（RFC 9112 第 3.2 节）。',
  body_on_get: '带消息体的 {{method}} 请求：这样的消息体没有定义的含义（RFC 9110 第 9.3.1 节）。',
  body_until_close: '既没有 Content-Length，也没有 chunked：消息体要等服务器关闭连接（发出 FIN）时才结束。',
  line_too_long: '某一行超过了 64 KiB：标注器从这里起不再把它当作 HTTP 来读。',
  records_not_kept:
    '这个报文共有 {{records}}：标注器只列出前 {{kept}} 项，从这一项起只计数不列出，以免一个巨大的报文耗尽内存。显示的内容没有任何缺失：每个字节仍然显示并归属到相应部分，报文定界和问题也照常检出。',
  records: {
    chunks_other: '{{count}} 个分块',
    fields_other: '{{count}} 个字段',
  },
} satisfies ProblemSentences<ZhForm>;
