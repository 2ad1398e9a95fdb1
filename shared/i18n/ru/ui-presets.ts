// Russian words of the canned-response presets (shared/server/presets.ts: a label and the one thing each
// teaches) and of the response editor's one-click fixes (shared/server/response-fixes.ts: ui.fixes.<code>).
import type { FixWords, PresetWords } from '../preset-words';

export const presets = {
  'l1-hello-world': {
    label: 'L1: Hello World, затем FIN',
    teaches:
      'Без Content-Length браузер узнаёт, что страница получена целиком, только когда сервер полузакрывает соединение (его FIN).',
  },
  'l2-hello-bare-lf': {
    label: 'L2: Hello, World! с одиночными LF, без заголовков',
    teaches:
      'Строка состояния, ни одного заголовка и одиночные LF в конце строк: ответ некорректен, но браузеры и curl всё равно его показывают.',
  },
  'l3-page': {
    label: 'L3: HTML-страница',
    teaches:
      'Content-Type: text/html делает ответ страницей; её <img src="test.jpg"> заставляет браузер отправить второй запрос.',
  },
  'l3-image': {
    label: 'L3: изображение, байт в байт как в уроке',
    teaches:
      'Заголовок говорит, что содержится в теле (Content-Type: image/jpg), но ответ из урока начинается с пустой строки и указывает HTTP/1.x: Chromium всё равно показывает изображение, curl его отвергает.',
  },
  'l3-page-and-image': {
    label: 'L3: страница и изображение (маршруты)',
    teaches:
      'Разные ответы для разных путей: на GET / приходит страница, на GET /test.jpg — изображение. Переключает сервер на маршруты.',
  },
  'l3-form': {
    label: 'L3: страница, изображение и форма (маршруты)',
    teaches:
      'POST несёт тело после пустой строки: отправьте форму, и сервер ответит тем самым запросом, который получил, — в виде страницы. Переключает сервер на маршруты.',
  },
  'l4-not-found': {
    label: 'L4: 404 Not Found',
    teaches: 'Код 4xx — ошибка клиента: запрошенного файла нет, и об этом сообщает короткий текст.',
  },
  'http-keep-alive': {
    label: 'Постоянное соединение с Content-Length',
    teaches: 'Content-Length задаёт конец тела, поэтому соединение может остаться открытым для следующего запроса.',
  },
  'http-chunked': {
    label: 'Фрагментированное тело',
    teaches:
      'Transfer-Encoding: chunked передаёт тело частями, перед каждой — её размер в шестнадцатеричном виде; в конце — фрагмент нулевого размера.',
  },
  'http-gzip': {
    label: 'Тело, сжатое gzip',
    teaches: 'Content-Encoding: gzip: тело передаётся сжатым, и клиент распаковывает его перед показом.',
  },
  'http-redirect': {
    label: '302 Found (перенаправление)',
    teaches: 'Код 3xx отправляет клиента в другое место: куда именно — говорит заголовок Location.',
  },
  'http-server-error': {
    label: '500 Internal Server Error',
    teaches: 'Код 5xx — ошибка сервера, а не клиента: запрос, возможно, был в порядке.',
  },
  'broken-no-blank-line': {
    label: 'Дефект: нет пустой строки',
    teaches: 'Без пустой строки заголовочная часть не заканчивается: тело читается как ещё одна строка заголовка.',
  },
  'broken-content-length-long': {
    label: 'Дефект: Content-Length слишком велик',
    teaches:
      'Заголовок обещает больше байтов, чем приходит: клиент ждёт их, а затем сообщает, что передача оборвалась.',
  },
  'broken-content-length-short': {
    label: 'Дефект: Content-Length слишком мал',
    teaches: 'Заголовок обещает меньше байтов, чем отправлено: клиент останавливается на этом, а остальное теряется.',
  },
  'broken-no-status-line': {
    label: 'Дефект: нет строки состояния',
    teaches: 'Без строки состояния байты — не HTTP/1.x: curl отвергает их, если не указать --http0.9.',
  },
} satisfies PresetWords;

export const fixes = {
  set_content_length: 'Задать Content-Length {{value}} — настоящую длину тела',
  add_blank_line: 'Добавить пустую строку в конце заголовочной части',
  bare_lf_to_crlf_one: 'Заменить {{count}} одиночный LF в заголовочной части на CRLF',
  bare_lf_to_crlf_few: 'Заменить {{count}} одиночных LF в заголовочной части на CRLF',
  bare_lf_to_crlf_many: 'Заменить {{count}} одиночных LF в заголовочной части на CRLF',
  bare_lf_to_crlf_other: 'Заменить {{count}} одиночного LF в заголовочной части на CRLF',
  add_reason_phrase: 'Добавить поясняющую фразу «{{reason}}»',
  add_status_line: 'Добавить строку состояния: {{line}}',
  remove_empty_line_one: 'Удалить {{count}} пустую строку перед строкой состояния',
  remove_empty_line_few: 'Удалить {{count}} пустые строки перед строкой состояния',
  remove_empty_line_many: 'Удалить {{count}} пустых строк перед строкой состояния',
  remove_empty_line_other: 'Удалить {{count}} пустой строки перед строкой состояния',
  set_http_version: 'Указать версию {{version}}',
  trim_reason: 'Удалить пробелы после поясняющей фразы',
  remove_bytes_after_body_one: 'Удалить {{count}} байт после тела',
  remove_bytes_after_body_few: 'Удалить {{count}} байта после тела',
  remove_bytes_after_body_many: 'Удалить {{count}} байт после тела',
  remove_bytes_after_body_other: 'Удалить {{count}} байта после тела',
} satisfies FixWords<'one' | 'few' | 'many' | 'other'>;
