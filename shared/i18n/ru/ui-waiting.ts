// Russian words of "Why is it waiting?" (ui.waiting): one sentence per code of
// shared/waiting/waiting-codes.ts, said three ways (`server`, `client`, `bytes`), then the countdown
// of the server timer that ends the wait. Plurals: `_one` / `_few` / `_many` / `_other`, chosen by `count`.
export const waiting = {
  /** What a screen reader announces before the hint. */
  label: 'Почему идёт ожидание?',
  server: {
    queued_in_backlog:
      'Ждёт в очереди ожидания (backlog) под номером {{position}}: accept() для этого соединения ещё не вернулся.',
    awaiting_request: 'Ждёт запроса: пока ничего не пришло.',
    awaiting_blank_line: 'Ждёт пустой строки, завершающей запрос (момент ответа «в конце запроса»).',
    body_bytes_due_one: 'Ждёт ещё {{count}} байт тела: так указано в Content-Length.',
    body_bytes_due_few: 'Ждёт ещё {{count}} байта тела: так указано в Content-Length.',
    body_bytes_due_many: 'Ждёт ещё {{count}} байт тела: так указано в Content-Length.',
    body_bytes_due_other: 'Ждёт ещё {{count}} байта тела: так указано в Content-Length.',
    chunk_size_due:
      'Ждёт строку размера следующего фрагмента (тело завершают фрагмент размера 0 и пустая строка).',
    chunk_data_due_one: 'Ждёт ещё {{count}} байт этого фрагмента.',
    chunk_data_due_few: 'Ждёт ещё {{count}} байта этого фрагмента.',
    chunk_data_due_many: 'Ждёт ещё {{count}} байт этого фрагмента.',
    chunk_data_due_other: 'Ждёт ещё {{count}} байта этого фрагмента.',
    answer_on_fin: 'Ждёт, пока клиент полузакроет соединение (его FIN), и только потом отвечает.',
    hanging: 'Намеренно зависает (после ответа: «Зависнуть»): ответа не будет никогда.',
    awaiting_peer_fin: 'FIN сервера отправлен, ждёт FIN клиента.',
    keep_alive_idle:
      'Постоянное соединение простаивает: ждёт следующего запроса и закроется после {{seconds}} с тишины.',
    response_bytes_due_one: 'По Content-Length ответа осталось отправить ещё {{count}} байт.',
    response_bytes_due_few: 'По Content-Length ответа осталось отправить ещё {{count}} байта.',
    response_bytes_due_many: 'По Content-Length ответа осталось отправить ещё {{count}} байт.',
    response_bytes_due_other: 'По Content-Length ответа осталось отправить ещё {{count}} байта.',
    reads_until_close:
      'В ответе нет ни Content-Length, ни фрагментированной передачи: клиент читает, пока сервер не закроет соединение.',
  },
  client: {
    queued_in_backlog:
      'Ожидание в очереди сервера (backlog) под номером {{position}}: сервер обслуживает клиентов по одному, и accept() для вас ещё не вернулся. Всё, что вы отправите, до тех пор ждёт в ядре.',
    awaiting_request: 'Сервер ждёт вашего запроса.',
    awaiting_blank_line: 'Сервер ждёт пустой строки, завершающей ваш запрос: отправьте пустую строку.',
    body_bytes_due_one: 'Сервер ждёт ещё {{count}} байт тела: так указано в вашем Content-Length.',
    body_bytes_due_few: 'Сервер ждёт ещё {{count}} байта тела: так указано в вашем Content-Length.',
    body_bytes_due_many: 'Сервер ждёт ещё {{count}} байт тела: так указано в вашем Content-Length.',
    body_bytes_due_other: 'Сервер ждёт ещё {{count}} байта тела: так указано в вашем Content-Length.',
    chunk_size_due:
      'Сервер ждёт строку размера вашего следующего фрагмента (тело завершают фрагмент размера 0 и пустая строка).',
    chunk_data_due_one: 'Сервер ждёт ещё {{count}} байт этого фрагмента.',
    chunk_data_due_few: 'Сервер ждёт ещё {{count}} байта этого фрагмента.',
    chunk_data_due_many: 'Сервер ждёт ещё {{count}} байт этого фрагмента.',
    chunk_data_due_other: 'Сервер ждёт ещё {{count}} байта этого фрагмента.',
    answer_on_fin: 'Сервер ответит, когда вы полузакроете соединение: нажмите «Полузакрыть (отправить FIN)».',
    hanging:
      'Сервер намеренно зависает (после ответа: «Зависнуть»): ответа не будет. Закройте соединение, когда увидите достаточно.',
    awaiting_peer_fin: 'Сервер отправил FIN и ждёт вашего: полузакройте или закройте соединение, чтобы завершить обмен.',
    keep_alive_idle:
      'Постоянное соединение: сервер ждёт вашего следующего запроса и закроет соединение после {{seconds}} с тишины.',
    response_bytes_due_one: 'Content-Length обещает ещё {{count}} байт ответа.',
    response_bytes_due_few: 'Content-Length обещает ещё {{count}} байта ответа.',
    response_bytes_due_many: 'Content-Length обещает ещё {{count}} байт ответа.',
    response_bytes_due_other: 'Content-Length обещает ещё {{count}} байта ответа.',
    reads_until_close:
      'В ответе нет ни Content-Length, ни фрагментированной передачи, поэтому клиент читает, пока сервер не закроет соединение.',
  },
  bytes: {
    queued_in_backlog: 'Сервер ещё не принял соединение (номер {{position}} в его очереди ожидания).',
    awaiting_request: 'Пока ничего не отправлено: HTTP-сервер ждёт вашего запроса.',
    awaiting_blank_line: 'В вашем запросе ещё нет пустой строки: HTTP-сервер ждёт её, прежде чем ответить.',
    body_bytes_due_one: 'По вашему Content-Length должен прийти ещё {{count}} байт тела: HTTP-сервер ждёт его.',
    body_bytes_due_few: 'По вашему Content-Length должны прийти ещё {{count}} байта тела: HTTP-сервер ждёт их.',
    body_bytes_due_many: 'По вашему Content-Length должны прийти ещё {{count}} байт тела: HTTP-сервер ждёт их.',
    body_bytes_due_other: 'По вашему Content-Length должны прийти ещё {{count}} байта тела: HTTP-сервер ждёт их.',
    chunk_size_due:
      'Ваше фрагментированное тело не закончено: ожидается строка размера следующего фрагмента (тело завершают фрагмент размера 0 и пустая строка).',
    chunk_data_due_one: 'Ожидается ещё {{count}} байт этого фрагмента.',
    chunk_data_due_few: 'Ожидается ещё {{count}} байта этого фрагмента.',
    chunk_data_due_many: 'Ожидается ещё {{count}} байт этого фрагмента.',
    chunk_data_due_other: 'Ожидается ещё {{count}} байта этого фрагмента.',
    answer_on_fin: 'Сервер может ответить только после того, как вы полузакроете соединение.',
    hanging: 'Ответа пока нет.',
    awaiting_peer_fin:
      'Сервер отправил FIN: больше он ничего не пришлёт. Сервер, который полузакрыл соединение, ждёт вашего FIN.',
    keep_alive_idle: 'Соединение сохраняется (keep-alive) и простаивает.',
    response_bytes_due_one: 'Content-Length обещает ещё {{count}} байт ответа.',
    response_bytes_due_few: 'Content-Length обещает ещё {{count}} байта ответа.',
    response_bytes_due_many: 'Content-Length обещает ещё {{count}} байт ответа.',
    response_bytes_due_other: 'Content-Length обещает ещё {{count}} байта ответа.',
    reads_until_close:
      'В ответе нет ни Content-Length, ни фрагментированной передачи, поэтому клиент читает, пока сервер не закроет соединение.',
  },
  /** The timer that ends the wait, counting down (count: whole seconds left). */
  timer: {
    idle_one: 'Сервер закроет соединение через {{count}} секунду, если больше ничего не придёт.',
    idle_few: 'Сервер закроет соединение через {{count}} секунды, если больше ничего не придёт.',
    idle_many: 'Сервер закроет соединение через {{count}} секунд, если больше ничего не придёт.',
    idle_other: 'Сервер закроет соединение через {{count}} секунды, если больше ничего не придёт.',
    header_one: 'Сервер закроет соединение через {{count}} секунду, если к тому времени не придёт весь запрос.',
    header_few: 'Сервер закроет соединение через {{count}} секунды, если к тому времени не придёт весь запрос.',
    header_many: 'Сервер закроет соединение через {{count}} секунд, если к тому времени не придёт весь запрос.',
    header_other: 'Сервер закроет соединение через {{count}} секунды, если к тому времени не придёт весь запрос.',
    fin_wait_one: 'Соединение всё равно закроется через {{count}} секунду.',
    fin_wait_few: 'Соединение всё равно закроется через {{count}} секунды.',
    fin_wait_many: 'Соединение всё равно закроется через {{count}} секунд.',
    fin_wait_other: 'Соединение всё равно закроется через {{count}} секунды.',
    due: 'Время ожидания сервера истекло: он закрывает соединение.',
  },
} as const;
