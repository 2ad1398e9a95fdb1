// Simplified Chinese words of the canned-response presets (label, what each teaches) and the editor's one-click fixes.
// Chinese has one plural form, so the counted fixes have only `_other`.
import type { FixWords, PresetWords } from '../preset-words';

export const presets = {
  'l1-hello-world': {
    label: 'L1：Hello World，然后 FIN',
    teaches: '没有 Content-Length：只有当服务器半关闭连接（发出 FIN）时，浏览器才知道页面已经完整。',
  },
  'l2-hello-bare-lf': {
    label: 'L2：Hello, World!，单独 LF，无首部',
    teaches: '一个状态行，没有首部，行以单独的 LF 结尾：格式有误，但浏览器和 curl 仍会显示它。',
  },
  'l3-page': {
    label: 'L3：HTML 页面',
    teaches: 'Content-Type: text/html 使它成为一个页面；页面中的 <img src="test.jpg"> 让浏览器再发出第二个请求。',
  },
  'l3-image': {
    label: 'L3：图片，课程原样的字节',
    teaches:
      '首部说明了消息体是什么（Content-Type: image/jpg），但课程给出的应答以一个空行开头，并写着 HTTP/1.x：Chromium 仍会显示这张图片，curl 则拒绝它。',
  },
  'l3-page-and-image': {
    label: 'L3：页面和图片（路由）',
    teaches: '不同的路径得到不同的应答：GET / 得到页面，GET /test.jpg 得到图片。会把服务器切换为路由模式。',
  },
  'l3-form': {
    label: 'L3：页面、图片和表单（路由）',
    teaches:
      'POST 请求在空行之后携带消息体：提交表单后，服务器会把它收到的请求原样作为页面返回。会把服务器切换为路由模式。',
  },
  'l4-not-found': {
    label: 'L4：404 Not Found',
    teaches: '4xx 状态码表示客户端的错误：所请求的文件不存在，一段简短的文字说明了这一点。',
  },
  'http-keep-alive': {
    label: '持久连接，带 Content-Length',
    teaches: 'Content-Length 标出了消息体在哪里结束，因此连接可以保持打开，供下一个请求使用。',
  },
  'http-chunked': {
    label: '分块编码的消息体',
    teaches: 'Transfer-Encoding: chunked 把消息体分成若干块发送，每块之前是它的十六进制大小，最后以一个大小为 0 的块结束。',
  },
  'http-gzip': {
    label: 'gzip 编码的消息体',
    teaches: 'Content-Encoding: gzip：线路上传输的消息体是压缩过的，客户端先解压再显示。',
  },
  'http-redirect': {
    label: '302 Found（重定向）',
    teaches: '3xx 状态码让客户端转到别处：Location 首部字段指明去哪里。',
  },
  'http-server-error': {
    label: '500 Internal Server Error',
    teaches: '5xx 状态码表示服务器的错误，而不是客户端的错误：请求本身可能没有问题。',
  },
  'broken-no-blank-line': {
    label: '有误：没有空行',
    teaches: '没有空行，首部就永远不会结束：消息体会被当作又一个首部行来读。',
  },
  'broken-content-length-long': {
    label: '有误：Content-Length 过大',
    teaches: '首部字段承诺的字节比实际到来的多：客户端会一直等待它们，然后报告传输被截断。',
  },
  'broken-content-length-short': {
    label: '有误：Content-Length 过小',
    teaches: '首部字段承诺的字节比实际发送的少：客户端读到那里就停止，其余的字节就丢失了。',
  },
  'broken-no-status-line': {
    label: '有误：没有状态行',
    teaches: '没有状态行，这些字节就不是 HTTP/1.x：除非加上 --http0.9，否则 curl 会拒绝它们。',
  },
} satisfies PresetWords;

export const fixes = {
  set_content_length: '把 Content-Length 设为 {{value}}，即消息体的实际长度',
  add_blank_line: '添加结束首部的空行',
  bare_lf_to_crlf_other: '把首部中的 {{count}} 个单独 LF 改为 CRLF',
  add_reason_phrase: '添加原因短语“{{reason}}”',
  add_status_line: '添加状态行：{{line}}',
  remove_empty_line_other: '删除状态行之前的 {{count}} 个空行',
  set_http_version: '把版本改为 {{version}}',
  trim_reason: '删除原因短语后面的空白',
  remove_bytes_after_body_other: '删除消息体之后的 {{count}} 字节',
} satisfies FixWords<'other'>;
