// Russian words of exporting a connection (ui.export), keys as in en/ui-export.ts.
export const exportWords = {
  label: 'Экспорт',
  pcapng: 'pcapng (для Wireshark)',
  pcapngTitle: 'Сохранить это соединение как файл захвата pcapng, чтобы открыть его в Wireshark или tshark',
  har: 'Файл HAR',
  harTitle: 'Сохранить HTTP-сообщения этого соединения в файл HAR 1.2, чтобы открыть его в инструментах разработчика браузера',
  evicted: 'Часть байтов полезной нагрузки удалена ради экономии памяти: в файле есть заголовки пакетов без них, и это в нём отмечено.',
  failed: 'Не удалось экспортировать: {{reason}}',
  copyAs: 'Копировать как…',
  copyAsTitle: 'Скопировать команду, которая отправит этот запрос ещё раз',
  copyAsFor: 'Копировать как… (запрос {{n}})',
  copyForm: {
    curl: 'команда curl',
    nc: 'конвейер printf | nc',
    python: 'скрипт на Python',
  },
  copyFormTitle: {
    curl: 'Тот же метод, цель запроса, поля и тело, отправленные через curl (заголовочную часть curl пишет по-своему)',
    nc: 'Ровно эти байты, включая CR и LF, отправленные printf через nc',
    python: 'Ровно эти байты, отправленные коротким скриптом на Python через сокет',
  },
  copied: 'Скопировано: {{form}}.',
  copyGone: 'Байты этого запроса больше не хранятся: копировать нечего.',
  copyFailed: 'Не удалось скопировать: {{reason}}',
} as const;
