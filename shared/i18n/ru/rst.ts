// Russian words for an RST that reached one of our sockets, and why it came (shared/teardown/rst-reason.ts).
// `client`: our console's or `wirebench connect`'s connection, whose peer is a server; `server`:
// a connection our server accepted, whose peer is a client. Each reason is a clause, shown after
// "RST received" (the status line, the card, the transcript, the journal, the CLI).
import type { RstCause } from '../../teardown/rst-reason';

export const rst = {
  client: {
    sent_after_fin: 'сервер уже закрыл свой сокет, поэтому его ядро ответило на ваши байты RST',
    after_fin:
      'сервер завершил соединение через RST, а не одним только FIN: он аварийно закрыл сокет (SO_LINGER 0) или закрыл его, не дочитав ваши байты',
    mid_exchange:
      'сервер сбросил соединение посреди обмена, без FIN: он намеренно аварийно закрыл сокет (SO_LINGER 0) или закрыл его, не дочитав ваши байты',
    before_data:
      'сервер сбросил соединение, ничего не отправив: он намеренно аварийно закрыл сокет (SO_LINGER 0) или закрыл его, не дочитав ваши байты',
  },
  server: {
    sent_after_fin: 'клиент уже закрыл свой сокет, поэтому его ядро ответило на байты сервера RST',
    after_fin:
      'клиент завершил соединение через RST, а не одним только FIN: он аварийно закрыл сокет (SO_LINGER 0) или закрыл его, не дочитав байты сервера',
    mid_exchange:
      'клиент сбросил соединение посреди обмена, без FIN: он намеренно аварийно закрыл сокет (SO_LINGER 0) или закрыл его, не дочитав байты сервера',
    before_data:
      'клиент сбросил соединение, ничего не отправив: он намеренно аварийно закрыл сокет (SO_LINGER 0) или закрыл его, не дочитав байты сервера',
  },
  /** How it reached us: said in the journal's line for the event. */
  how: {
    read: 'наше чтение завершилось ошибкой ECONNRESET',
    write: 'наша запись завершилась ошибкой (EPIPE или ECONNRESET)',
    kernel: 'по таблице ядра сокет вышел из CLOSE_WAIT без нашего FIN; Node об этом ещё не знает',
  },
} satisfies Record<'client' | 'server', Record<RstCause, string>> & { how: Record<'read' | 'write' | 'kernel', string> };
