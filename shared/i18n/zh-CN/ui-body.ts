// Simplified Chinese words of the body preview (ui.body): a message's content as the application sees it.
export const body = {
  heading: '消息体',
  none: '没有消息体。',
  summary_other: '{{count}} 字节（{{type}}）',
  unknownType: '未知类型，没有 Content-Type',
  dechunked: '已去掉分块编码的定界：块大小和 CRLF 不属于内容',
  decoded_other: '已解除 {{codings}} 编码：解码后为 {{count}} 字节',
  decoding: '正在解码 {{codings}}…',
  unsupported: '此浏览器无法解除 {{coding}} 编码，因此只显示原始字节。',
  corrupt: '这些字节不是有效的 {{coding}} 数据：Content-Encoding 首部字段所说的与消息体不符。',
  incomplete: '消息体还没有全部到达（或者没有保留在内存中）：这里显示已有的部分。',
  image: '浏览器会这样显示这张图片（{{type}}）',
  imageFailed: '这些字节构不成 {{type}} 类型的图片。',
  binary_other: '不是文本：显示前 {{count}} 字节，其中每个非文本字节显示为一个标记。',
  truncated_other: '只显示了 {{count}} 字节中的前 {{shown}} 字节。',
} as const;
