// Simplified Chinese sentences for the server's journal notes (shared/contract/notes.ts).
import type { NoteCode } from '../../contract/notes';

export const notes = {
  request_complete: '请求已完整：共 {{length}} 字节（请求行、首部、空行和消息体）。',
  request_invalid: '这不是格式正确的 HTTP 请求（{{reason}}）；服务器照样应答。',
  answered: '服务器已应答（{{responder}}{{status}}，响应设置第 {{version}} 版）。',
  static_file: '已为 {{path}} 提供文件 {{file}}，类型为 {{contentType}}。',
  static_not_found: '文档根目录中没有对应 {{path}} 的文件：404 Not Found。',
  path_refused: '已拒绝 {{target}}：这个路径会跳出文档根目录。',
  route_matched: '由路由 {{method}} {{path}} 应答。',
  route_unmatched: '没有匹配 {{method}} {{path}} 的路由：404 Not Found。',
  keep_alive_waiting: '持久连接（keep-alive）：连接保持打开，等待下一个请求。',
  keep_alive_declined: '不保持持久连接：{{reason}}。',
  drip_started: '缓慢滴送应答：每 {{everyMs}} ms 发送 {{bytes}} 字节。',
  hanging: '挂起：服务器永远不会应答；客户端只能自己放弃。',
  waiting_for_fin: '我方的 FIN 已发出；最多等待 {{ms}} ms，等客户端也关闭它那一端。',
  static_no_root: '没有设置文档根目录，也没有可以退而使用的示例根目录：500 Internal Server Error。请选择一个要提供文件的文件夹。',
  static_root_missing: '无法打开文档根目录 {{root}}（{{code}}）：500 Internal Server Error。请检查该文件夹是否存在。',
  method_not_allowed: '文件只能用 {{allow}} 读取，不能用 {{method}}：405 Method Not Allowed。',
  target_not_a_path: '请求目标 {{target}} 不是路径：400 Bad Request。',
  file_too_large: '{{file}} 有 {{size}} 字节，超过了服务器一次最多发送的 {{limit}} 字节：500 Internal Server Error。',
  file_unreadable: '无法读取 {{file}}（{{code}}）：500 Internal Server Error。',
  resolved: '{{host}} 解析为 {{addresses}}；已连接到 {{connected}}。在它之前连接失败的地址：{{failed}}。',
  client_gave_up: '{{ms}} ms 内没有收到应答，客户端放弃并关闭连接。',
} satisfies Record<NoteCode, string>;
