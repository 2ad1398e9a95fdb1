// Russian words of the settings banner (ui.settings): what happened to the settings file, what was
// kept, what was lost, and where the old file is. A failed save is worded by errors.settings_unwritable.
export const settings = {
  label: 'Настройки',
  notice: {
    corrupt:
      'Файл настроек {{file}} был повреждён, поэтому Wirebench запущен с настройками по умолчанию. Повреждённый файл сохранён как {{setAside}}.',
    sectionReset:
      'Сохранённый раздел «{{section}}» в {{file}} был повреждён и начинается со значений по умолчанию; остальные ваши настройки загружены. Копия файла сохранена как {{setAside}}.',
    sectionResetKept:
      'Сохранённый раздел «{{section}}» в {{file}} был повреждён и начинается со значений по умолчанию; остальные ваши настройки загружены. Сделать копию рядом с файлом не удалось, поэтому повреждённая часть осталась в нём как была.',
    panelReset:
      'При прошлом запуске Wirebench не удалось отрисовать {{panel}}, и к закрытию программы это так и не исправилось. На случай, если причиной был сохранённый выбор, в этот раз со значений по умолчанию начинается: {{what}}.',
    unreadable:
      'Не удалось прочитать файл настроек {{file}} ({{code}}), поэтому Wirebench запущен с настройками по умолчанию и не будет его перезаписывать. Проверьте, что файл доступен вам для чтения, и перезапустите программу.',
  },
  section: {
    response: 'ответ',
    presets: 'список заготовок',
    server: 'форма сервера',
    client: 'консоль клиента',
    layout: 'расположение панелей',
    lessons: 'приветствие панели уроков',
    language: 'язык',
  },
  // What a panel that was left broken has reset (ui.settings.notice.panelReset's `what`).
  panelResets: {
    journal: 'выбранный вид и размер журнала',
    client: 'сохранённые адреса, настройки ввода и открытая вкладка консоли клиента',
    server: 'форма сервера',
    response: 'редактируемый заготовленный ответ (ваши сохранённые заготовки не тронуты)',
  },
  dismiss: 'Скрыть',
  dismissTip: 'Скрыть эти сообщения о ваших настройках.',
} as const;
