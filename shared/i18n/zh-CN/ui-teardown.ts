// Simplified Chinese words of the teardown diagram (ui.teardown): the journal panel's Diagram view, its
// scenarios, and the narration of each step, per narration code (shared/teardown/ladder-types.ts)
// and per side, since a learner reads "the server sent FIN", not "side 2 sent FIN".
export const teardown = {
  view: '时序图',
  viewTitle: '以时序图展示这个连接：谁在何时发送了什么，以及双方各自的 TCP 状态',
  empty: '选择一个连接，或运行一个场景，看看连接是如何释放的。',
  waiting: '正在等待这个连接的最初几个事件…',
  scenarios: {
    heading: '场景',
    hint: '每个场景都会通过本机回环运行我们自己的服务器和客户端，然后在这里画出过程。',
    running: '正在运行…',
    failed: '场景无法运行：{{reason}}',
    server_closes_first: {
      label: '服务器先关闭',
      description: '课程 L1：服务器作出应答，然后半关闭连接（FIN）；客户端一直读到 EOF，然后关闭。',
    },
    client_half_closes_first: {
      label: '客户端先半关闭',
      description: '客户端发送请求后立即发送 FIN；它仍能收到完整的应答。',
    },
    keep_alive_client_closes: {
      label: '持久连接，客户端关闭',
      description: '在一个连接上发送两个请求，然后客户端关闭；服务器随后也关闭。',
    },
    server_resets: {
      label: '服务器复位连接',
      description: '服务器作出应答，然后用 RST 而不是 FIN 中止连接。',
    },
    client_resets_mid_response: {
      label: '客户端中途复位',
      description: '服务器缓慢滴送它的应答；客户端在收到第一段后复位连接。',
    },
    server_hangs_client_times_out: {
      label: '服务器挂起，客户端放弃',
      description: '服务器始终不应答；客户端等待 1.5 秒后放弃，并关闭连接。',
    },
    both_close_at_once: {
      label: '双方同时关闭',
      description:
        '双方在同一瞬间关闭连接。假如两个 FIN 在途中交错，双方都会经过 CLOSING 状态；但在本机回环上，第一个 FIN 会立即到达，内核会显示谁先谁后。',
    },
  },
  lane: {
    client: '客户端',
    server: '服务器',
    ours: '{{endpoint}} · 我们的（{{connId}}）',
    notOurs: '{{endpoint}} · 不是我们的：状态为推断所得',
  },
  arrow: {
    connect: 'SYN · SYN-ACK · ACK',
    data_other: '{{count}} 字节',
    fin: 'FIN',
    rst: 'RST',
    close: 'close()',
    closeTitle: '{{side}}在 {{time}} 关闭了它的套接字',
    title: '{{what}}：由{{from}}在 {{sent}} 发出，{{to}}在 {{arrived}} 收到',
    titleOneEnd: '{{what}}：由{{from}}在 {{sent}} 发出',
    bytesHead: '开头的字节：',
    more_other: '……另有 {{count}} 字节',
    evicted: '它的字节已不再保存（受日志的内存预算所限）；字节数是准确的。',
    clickHint: '点击可在日志和“字节”视图中选中它。',
    stepTitle: '第 {{n}} 步：{{sentence}}',
  },
  side: { client: '客户端', server: '服务器' },
  time: {
    label: '时间',
    compressed: '压缩',
    compressedTitle: '每个发生了事情的时刻占一行，等距排列：每一步都清晰可读',
    scale: '按比例',
    scaleTitle: '距离代表时长：看看时间都花在了哪里',
    axis: '距第一个事件的时间',
  },
  export: {
    label: '导出',
    svg: 'SVG',
    svgTitle: '把时序图下载为一个自包含的 SVG 文件，可用于幻灯片',
    png: 'PNG',
    pngTitle: '把时序图下载为 PNG 图片（屏幕尺寸的两倍），可用于幻灯片',
    failed: '导出失败：{{reason}}',
  },
  legend: {
    kernel: '从内核读取的状态',
    inferred: '根据事件推断的状态',
    data: '数据',
    fin: 'FIN',
    rst: 'RST',
  },
  status: {
    heading: '在第 {{n}} 步（共 {{count}} 步）',
    none: '还没有步骤',
    kernel: '来自内核',
    inferred: '推断',
    canSend: '可发送',
    cannotSend: '不可发送',
    canReceive: '可接收',
    cannotReceive: '不可接收',
    timeWait: 'TIME_WAIT：还剩 {{seconds}} 秒',
    timeWaitOver: 'TIME_WAIT 已结束',
    /** A lane's state name with its timer, as the diagram draws it. */
    stateTimer: '{{state}} · 还剩 {{seconds}} 秒',
    /** The same in an exported diagram: how long the state lasts, whenever the file is looked at. */
    stateLength: '{{state}} · {{seconds}} 秒',
    help: '每一方一条状态轨道。实线、名称加粗：读取内核时正好读到该状态（Linux，/proc/net/tcp）。虚线、斜体：没有一次读取捕捉到它，因此是根据日志所见推断出来的。两者不一致时，以内核为准。',
  },
  step: {
    label: '第 {{n}} 步，共 {{count}} 步 · {{time}}',
    latest: '最新',
    prev: '◀ 上一步',
    prevTitle: '这一步之前的那一步',
    next: '下一步 ▶',
    nextTitle: '这一步之后的那一步',
    live: '最新',
    liveTitle: '随着事件到来，始终跟随最新的一步',
    showEvents: '在“事件”中显示',
    showBytes: '在“字节”中显示',
  },
  timeoutWhich: {
    idle: '空闲',
    header: '请求',
    fin_wait: '等待 FIN',
    /** The client read nothing of the rest of the answer for that long. */
    unread: '未读应答',
  },
  /**
   * One sentence per narration code and side (shared/teardown/narration-key.ts picks the key): what
   * the step is, and why it follows, in a learner's words.
   */
  narrate: {
    connected: {
      client: '握手已完成（SYN、SYN-ACK、ACK）：客户端和服务器都可以发送和接收数据了。',
      server: '握手已完成（SYN、SYN-ACK、ACK）：服务器和客户端都可以发送和接收数据了。',
    },
    data_sent: {
      client_other: '客户端发送了 {{count}} 字节。TCP 传送的是字节流：服务器读取时的分段可能与此不同。',
      server_other: '服务器发送了 {{count}} 字节。TCP 传送的是字节流：客户端读取时的分段可能与此不同。',
    },
    fin_sent: {
      client: '客户端发送了 FIN（关闭写方向）：它不会再发送任何数据，但仍能接收。在服务器确认这个 FIN 之前，客户端的套接字处于 FIN_WAIT_1 状态。',
      server: '服务器发送了 FIN：它不会再发送任何数据，但仍能接收。在客户端确认这个 FIN 之前，服务器的套接字处于 FIN_WAIT_1 状态。',
    },
    fin_sent_last: {
      client: '继服务器之后，客户端也发送了自己的 FIN：现在双方都不会再发送任何数据。客户端的套接字在 LAST_ACK 状态等待服务器确认这最后一个 FIN。',
      server: '继客户端之后，服务器也发送了自己的 FIN：现在双方都不会再发送任何数据。服务器的套接字在 LAST_ACK 状态等待客户端确认这最后一个 FIN。',
    },
    fin_received: {
      client: '服务器的 FIN 到达了客户端：服务器要发送的一切，客户端都已读完，所以它的下一次读取返回 0（EOF）。客户端仍然可以发送；它的套接字会一直处于 CLOSE_WAIT 状态，直到客户端关闭它。',
      server: '客户端的 FIN 到达了服务器：客户端要发送的一切，服务器都已读完，所以它的下一次读取返回 0（EOF）。服务器仍然可以发送；它的套接字会一直处于 CLOSE_WAIT 状态，直到服务器关闭它。',
    },
    fin_received_last: {
      client: '服务器的 FIN 到达了客户端，而客户端此前已发送了自己的 FIN：现在两个方向都已关闭，客户端的内核对这最后一个 FIN 进行确认。',
      server: '客户端的 FIN 到达了服务器，而服务器此前已发送了自己的 FIN：现在两个方向都已关闭，服务器的内核对这最后一个 FIN 进行确认。',
    },
    fins_crossed: {
      client: '服务器的 FIN 在客户端自己的 FIN 得到确认之前就到达了客户端：两个 FIN 在途中交错（同时关闭），因此客户端的套接字处于 CLOSING 状态，直到它的 FIN 得到确认。',
      server: '客户端的 FIN 在服务器自己的 FIN 得到确认之前就到达了服务器：两个 FIN 在途中交错（同时关闭），因此服务器的套接字处于 CLOSING 状态，直到它的 FIN 得到确认。',
    },
    rst_sent: {
      client: '客户端发送了 RST：它中止了连接（在 SO_LINGER 设为 0 的情况下关闭），而不是用 FIN 关闭连接。连接立即结束，没有 TIME_WAIT，所有尚未读取的数据都被丢弃。',
      server: '服务器发送了 RST：它中止了连接（在 SO_LINGER 设为 0 的情况下关闭），而不是用 FIN 关闭连接。连接立即结束，没有 TIME_WAIT，所有尚未读取的数据都被丢弃。',
    },
    rst_received: {
      client: '服务器的 RST 到达了客户端：连接已不复存在。客户端的下一次读或写会以 ECONNRESET（连接被对端复位）失败，这个连接的线路上不会再有任何数据。',
      server: '客户端的 RST 到达了服务器：连接已不复存在。服务器的下一次读或写会以 ECONNRESET（连接被对端复位）失败，这个连接的线路上不会再有任何数据。',
    },
    rst_after_close: {
      client: '服务器已经关闭了它的套接字，所以服务器的内核用 RST 回应客户端发来的字节：已经没有程序来读取它们了。连接已不复存在；客户端的下一次读或写会以 ECONNRESET 失败。',
      server: '客户端已经关闭了它的套接字，所以客户端的内核用 RST 回应服务器发来的字节：已经没有程序来读取它们了。连接已不复存在；服务器的下一次读或写会以 ECONNRESET 失败。',
    },
    rst_arrived: {
      client: '来自服务器的 RST 到达了客户端：{{reason}}。连接已不复存在；客户端的下一次读或写会以 ECONNRESET 失败。',
      server: '来自客户端的 RST 到达了服务器：{{reason}}。连接已不复存在；服务器的下一次读或写会以 ECONNRESET 失败。',
    },
    closed: {
      client: '客户端关闭了它的套接字：程序放开了这个套接字。连接释放还剩下的步骤，由内核自行完成。',
      server: '服务器关闭了它的套接字：程序放开了这个套接字。连接释放还剩下的步骤，由内核自行完成。',
    },
    closed_after_reset: {
      client: '客户端关闭了它的套接字。RST 早已结束了这个连接，所以线路上不会再有任何数据：程序只是放开一个已经失效的套接字。',
      server: '服务器关闭了它的套接字。RST 早已结束了这个连接，所以线路上不会再有任何数据：程序只是放开一个已经失效的套接字。',
    },
    gave_up: {
      client: '客户端等待应答 {{ms}} 毫秒后放弃，并关闭连接。',
      server: '服务器等待 {{ms}} 毫秒后放弃，并关闭连接。',
    },
    timed_out: {
      client: '客户端的“{{which}}”超时在 {{ms}} 毫秒后触发，因此它关闭了连接。',
      server: '服务器的“{{which}}”超时在 {{ms}} 毫秒后触发，因此它关闭了连接。',
    },
    fin_acked: {
      client: '服务器的内核确认了客户端的 FIN，因此客户端的套接字进入 FIN_WAIT_2 状态：它这一半连接已经关闭，正在等待服务器的 FIN。',
      server: '客户端的内核确认了服务器的 FIN，因此服务器的套接字进入 FIN_WAIT_2 状态：它这一半连接已经关闭，正在等待客户端的 FIN。',
    },
    time_wait: {
      client:
        '客户端先关闭，因此它的套接字要在 TIME_WAIT 状态等待约 {{seconds}} 秒：这期间内核仍可重发最后一个 ACK，迟到的游离报文段也不会被误认作新连接的报文段。客户端每次连接都会选用一个新的端口，所以这很少给客户端带来麻烦。',
      server:
        '服务器先关闭，因此它的套接字要在 TIME_WAIT 状态等待约 {{seconds}} 秒：这期间内核仍可重发最后一个 ACK，迟到的游离报文段也不会被误认作新连接的报文段。在此期间端口仍被占用：此时重启服务器会以 EADDRINUSE 失败，除非它设置了 SO_REUSEADDR（课程 L2 的服务器就设置了）。',
    },
    last_ack_done: {
      client: '服务器确认了客户端的最后一个 FIN，因此客户端的套接字已不复存在（CLOSED）。后关闭的一方无须经历 TIME_WAIT。',
      server: '客户端确认了服务器的最后一个 FIN，因此服务器的套接字已不复存在（CLOSED）。后关闭的一方无须经历 TIME_WAIT。',
    },
    time_wait_over: {
      client: '客户端的 TIME_WAIT 已经结束：它的内核已忘掉这个连接，同一对端口可以再次使用了。',
      server: '服务器的 TIME_WAIT 已经结束：它的内核已忘掉这个连接，同一对端口可以再次使用了。',
    },
    fin_wait_2_timed_out: {
      client: '服务器始终没有发送它的 FIN，而客户端早已关闭了自己的套接字，所以过了一段时间（Linux 的 tcp_fin_timeout，默认 60 秒）后，客户端的内核忘掉了这个连接（CLOSED）。这一过程没有发送任何数据：服务器仍停留在 CLOSE_WAIT 状态。',
      server: '客户端始终没有发送它的 FIN，而服务器早已关闭了自己的套接字，所以过了一段时间（Linux 的 tcp_fin_timeout，默认 60 秒）后，服务器的内核忘掉了这个连接（CLOSED）。这一过程没有发送任何数据：客户端仍停留在 CLOSE_WAIT 状态。',
    },
    reset_seen_by_kernel: {
      client: '内核中已经没有客户端的套接字了（CLOSED），尽管客户端从未完成 FIN 交换：是来自服务器的 RST 拆除了这个连接。',
      server: '内核中已经没有服务器的套接字了（CLOSED），尽管服务器从未完成 FIN 交换：是来自客户端的 RST 拆除了这个连接。',
    },
    /** A state only the kernel showed, by state (`other`: any state not listed). */
    kernel_state: {
      ESTABLISHED: {
        client: '内核显示客户端的连接仍然打开（ESTABLISHED）：两个方向都还能传送字节。',
        server: '内核显示服务器的连接仍然打开（ESTABLISHED）：两个方向都还能传送字节。',
      },
      FIN_WAIT_1: {
        client: '内核显示客户端的套接字处于 FIN_WAIT_1 状态：它的 FIN 已经发出，服务器尚未确认。',
        server: '内核显示服务器的套接字处于 FIN_WAIT_1 状态：它的 FIN 已经发出，客户端尚未确认。',
      },
      CLOSE_WAIT: {
        client: '内核显示客户端的套接字处于 CLOSE_WAIT 状态：服务器的 FIN 已经到达，内核正在等待客户端程序关闭套接字。',
        server: '内核显示服务器的套接字处于 CLOSE_WAIT 状态：客户端的 FIN 已经到达，内核正在等待服务器程序关闭套接字。',
      },
      LAST_ACK: {
        client: '内核显示客户端的套接字处于 LAST_ACK 状态：它在服务器之后发送了自己的 FIN，正在等待服务器确认。',
        server: '内核显示服务器的套接字处于 LAST_ACK 状态：它在客户端之后发送了自己的 FIN，正在等待客户端确认。',
      },
      other: {
        client: '内核显示客户端的套接字处于 {{state}} 状态。',
        server: '内核显示服务器的套接字处于 {{state}} 状态。',
      },
    },
  },
} as const;
