// Russian words of the body preview (ui.body): a message's content as the application sees it.
/** A message's body as the application sees it: framing off, content codings undone. */
export const body = {
  heading: 'Тело',
  none: 'Тела нет.',
  summary_one: '{{count}} байт, {{type}}',
  summary_few: '{{count}} байта, {{type}}',
  summary_many: '{{count}} байт, {{type}}',
  summary_other: '{{count}} байта, {{type}}',
  unknownType: 'тип неизвестен (нет Content-Type)',
  dechunked: 'фрагментированная передача снята: размеры фрагментов и CRLF — не содержимое',
  decoded: 'кодирование {{codings}} снято, после декодирования байт: {{count}}',
  decoding: 'Декодирование {{codings}}…',
  unsupported: 'Этот браузер не умеет снимать кодирование {{coding}}, поэтому показаны только исходные байты.',
  corrupt: 'Эти байты — не корректные данные {{coding}}: заголовок Content-Encoding утверждает то, чему тело не соответствует.',
  incomplete: 'Тело пришло не полностью (или не сохранено в памяти): показано то, что есть.',
  image: 'Изображение, каким его показал бы браузер ({{type}})',
  imageFailed: 'Из этих байтов не получается изображение типа {{type}}.',
  binary: 'Это не текст: показано начало (байт: {{count}}), каждый нетекстовый байт — значком.',
  truncated: 'Показано байт: {{shown}} из {{total}}.',
} as const;
