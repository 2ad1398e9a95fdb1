// Russian sentences for the server's journal notes (shared/contract/notes.ts): what it decided and why.
import type { NoteCode } from '../../contract/notes';

export const notes = {
  request_complete:
    'Запрос получен полностью, байт: {{length}} (строка запроса, заголовки, пустая строка и тело).',
  request_invalid: 'Это не корректный HTTP-запрос ({{reason}}); сервер всё равно отвечает.',
  answered: 'Сервер ответил ({{responder}}{{status}}, версия ответа {{version}}).',
  static_file: 'Отдан файл {{file}} для {{path}} как {{contentType}}.',
  static_not_found: 'В корневом каталоге документов нет файла для {{path}}: 404 Not Found.',
  path_refused: 'Цель {{target}} отклонена: этот путь вывел бы за пределы корневого каталога документов.',
  route_matched: 'Ответил маршрут {{method}} {{path}}.',
  route_unmatched: 'Нет маршрута для {{method}} {{path}}: 404 Not Found.',
  keep_alive_waiting: 'Постоянное соединение (keep-alive): соединение остаётся открытым для следующего запроса.',
  keep_alive_declined: 'Соединение не сохраняется для следующего запроса: {{reason}}.',
  drip_started: 'Ответ выдаётся по каплям: порциями по {{bytes}} Б с интервалом {{everyMs}} мс.',
  hanging: 'Зависание: сервер не ответит никогда, клиент должен сам прекратить ожидание.',
  waiting_for_fin: 'Наш FIN отправлен; ждём до {{ms}} мс, пока клиент тоже закроет свою сторону.',
  static_no_root:
    'Корневой каталог документов не задан, и заменить его примером сайта нельзя: 500 Internal Server Error. Выберите папку, которую раздавать.',
  static_root_missing:
    'Не удаётся открыть корневой каталог документов {{root}} ({{code}}): 500 Internal Server Error. Проверьте, что папка существует.',
  method_not_allowed: 'Файлы читаются только методом {{allow}}, а не {{method}}: 405 Method Not Allowed.',
  target_not_a_path: 'Цель запроса {{target}} — не путь: 400 Bad Request.',
  file_too_large:
    'Размер {{file}} в байтах — {{size}}, а сервер отправляет за раз не больше {{limit}}: 500 Internal Server Error.',
  file_unreadable: 'Не удалось прочитать {{file}} ({{code}}): 500 Internal Server Error.',
  resolved:
    'Имя {{host}} преобразовано в адреса {{addresses}}; соединение установлено с {{connected}}. Адреса, к которым до этого подключиться не удалось: {{failed}}.',
  client_gave_up: 'За {{ms}} мс ответ не пришёл, поэтому клиент прекращает ожидание и закрывает соединение.',
} satisfies Record<NoteCode, string>;
