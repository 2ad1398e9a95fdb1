// Simplified Chinese sentences for every error code (shared/contract/errors.ts); errorCatalog checks the placeholders.
import { errorCatalog } from '../error-key';

export const errors = errorCatalog({
  bad_input: '命令“{{command}}”的输入无效，已被拒绝：{{issues}}。',
  unknown_command: '没有名为“{{name}}”的命令。',
  port_in_use:
    '{{host}} 上的端口 {{port}} 已被占用：另一个程序（或另一个 Wirebench 服务器）正在那里监听。请先停止它，或换一个空闲的端口，例如 {{suggestion}}。',
  port_in_use_no_suggestion:
    '{{host}} 上的端口 {{port}} 已被占用：另一个程序（或另一个 Wirebench 服务器）正在那里监听。请先停止它，或换一个端口（填 0 则由系统挑选一个空闲端口）。',
  not_loopback:
    '{{host}} 可以从其他机器访问，你所在网络上的任何人都能与这个服务器通信。请改为在 127.0.0.1 上监听，或确认你确实要把它对网络开放。',
  permission_denied:
    '{{host}} 上的端口 {{port}} 小于 1024，只有管理员才能在这样的端口上监听。请选择 1024 或更大的端口，例如 9000。',
  address_not_available: '{{host}} 不是本机的地址，因此无法在它上面监听。请使用 127.0.0.1（仅限本机）。',
  conn_refused: '连接被拒绝：{{host}} 的端口 {{port}} 上没有程序在监听。服务器启动了吗？端口填对了吗？',
  conn_timeout: '{{host}} 的端口 {{port}} 没有及时应答。可能是该主机已关机，或者防火墙丢弃了数据包。',
  host_not_found: '主机名“{{host}}”无法解析为地址。请检查拼写。',
  host_unreachable: '没有通往 {{host}} 的路由：从这里的网络无法到达它。',
  conn_reset: '对端复位了连接 {{connId}}（RST）：该连接已不复存在，无法再发送或接收任何数据。',
  broken_pipe: '对端已关闭连接 {{connId}}，因此我们尝试发送的数据无法送达（EPIPE）。',
  unknown_connection: '不存在连接 {{connId}}（它可能已被关闭，并已从日志中移除）。',
  unknown_server: '不存在服务器 {{serverId}}（它可能已经停止了）。',
  not_writable:
    '连接 {{connId}} 无法再发送数据。',
  not_writable_fin_sent:
    '连接 {{connId}} 无法再发送数据：我方已发送 FIN，此后不能再发送任何数据（对端仍可向我们发送）。',
  not_writable_reset:
    '连接 {{connId}} 无法再发送数据：连接已被复位（RST）。',
  not_writable_closed:
    '连接 {{connId}} 无法再发送数据：连接已关闭。',
  too_many_files: '打开的文件过多：系统的文件描述符已经用尽。请关闭一些连接后重试。',
  os_error: '操作系统拒绝了“{{syscall}}”，错误为 {{errno}}。',
  settings_unwritable: '你的设置无法保存到 {{file}}（{{code}}）。Wirebench 关闭后，这些更改将会丢失。',
  static_root_relative:
    '文档根目录“{{root}}”是相对路径，服务器会到 Wirebench 碰巧运行时所在的文件夹里去找它。请给出完整路径（例如 /home/you/site），或者选择它所相对的那个文件夹。',
  static_root_missing:
    '无法使用文档根目录 {{root}}：它不存在或不是文件夹（系统报告 {{errno}}）。请选择一个存在的文件夹，或者把根目录留空以使用示例站点。',
  path_not_allowed:
    'Wirebench 只提供你允许的文件夹中的文件，而 {{path}} 不在其中。在应用中，请用“选择文件夹…”或“选择文件…”按钮选取它；使用 `wirebench web` 时，请在启动时用 --allow 指定它所在的文件夹。',
  path_not_allowed_folder:
    'Wirebench 只提供你允许的文件夹中的文件，而 {{path}} 不在其中。在应用中，请用“选择文件夹…”按钮选取它；使用 `wirebench web` 时，请在启动时用 --allow 指定该文件夹。',
  path_not_allowed_file:
    'Wirebench 只提供你允许的文件夹中的文件，而 {{path}} 不在其中。在应用中，请用“选择文件…”按钮选取它；使用 `wirebench web` 时，请在启动时用 --allow 指定它所在的文件夹。',
  no_dialog:
    '此页面无法打开文件对话框：浏览器页面只能提供启动 `wirebench web` 时指定的文件夹（--allow FOLDER）。',
  shutting_down: 'Wirebench 正在关闭，因此没有执行“{{command}}”。',
  timed_out: '“{{command}}”等待了 {{ms}} ms，所等的事情始终没有发生，于是放弃了。请重试；如果一再出现，可能是机器非常繁忙。',
  session_unreadable: '{{file}} 不是 Wirebench 会话文件：会话文件是 Wirebench 保存或录制会话时写下的 JSON。',
  session_version:
    '{{file}} 是第 {{version}} 版的会话文件，而这个 Wirebench 只能读取第 {{supported}} 版。请用保存它的那个 Wirebench 或更新的版本打开。',
  session_invalid: '{{file}} 是一个已损坏的 Wirebench 会话文件，因此没有打开：在 {{where}} 处，{{issue}}。',
  capture_unreadable: '{{file}} 不是 Wirebench 能打开的抓包文件：它读取 pcap 和 pcapng 文件，即 tcpdump、dumpcap、tshark 和 Wireshark 写出的格式。',
  recording_read_only: '这是一段录制：它只展示发生过的事情，不能执行操作，因此没有执行“{{command}}”。请回到实时工作台再执行。',
  file_unwritable: 'Wirebench 无法写入 {{file}}（系统报告 {{code}}）。请检查该文件夹是否存在、你是否有写入权限，以及磁盘是否已满。',
  internal:
    'Wirebench 在执行“{{command}}”时内部出错。这是程序的缺陷：详细信息在 Wirebench 的运行输出里（即启动它的那个终端）。请重试，或重新启动 Wirebench。',
  disconnected:
    '页面与 Wirebench 的连接断开了，因此“{{command}}”可能没有执行。页面会自动重新连接；请稍后再试。',
});
