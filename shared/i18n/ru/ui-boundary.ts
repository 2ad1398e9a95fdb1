// Russian words of a panel that failed to draw (ui.boundary): which part of the workbench is missing
// and that the rest still works; the error's own message is shown below as a detail. The names in
// `the` are used as the object of a verb (accusative), so they are chosen to read the same there.
export const boundary = {
  failed: 'Не удалось отрисовать {{panel}}, поэтому эта часть не показана. Остальные части Wirebench работают.',
  errorLabel: 'Ошибка:',
  noMessage: '(у ошибки нет сообщения)',
  copy: 'Копировать сведения',
  copyTip:
    'Копирует всё, что нужно для отчёта об ошибке: панель, ошибку, место в коде, где она возникла, и версию Wirebench.',
  copied: 'Сведения скопированы.',
  copyFailed: 'Не удалось скопировать. Сведения показаны ниже: выделите их и скопируйте вручную.',
  reload: 'Перезагрузить панель',
  reloadTip: 'Отрисовывает панель заново. Если проблема осталась, ошибка повторится.',
  details: 'Подробности',
  // The lines of the copied details.
  report: {
    app: 'Wirebench {{version}}',
    panel: 'Панель: {{panel}} ({{id}})',
    error: 'Ошибка: {{message}}',
    stack: 'Стек вызовов:',
    componentStack: 'Стек компонентов:',
    none: '(нет)',
  },
  // Each part's name as a heading.
  title: {
    server: 'Сервер',
    editor: 'Редактор ответа',
    client: 'Консоль клиента',
    connections: 'Соединения',
    journal: 'Журнал',
    events: 'События',
    bytes: 'Байты',
    bytesText: 'Байты: текст',
    bytesHex: 'Байты: hex',
    structure: 'Байты: структура',
    diagram: 'Диаграмма',
    lessons: 'Уроки',
  },
  // Each part's name inside a sentence.
  the: {
    server: 'панель сервера',
    editor: 'редактор ответа',
    client: 'консоль клиента',
    connections: 'список соединений',
    journal: 'журнал',
    events: 'вид «События»',
    bytes: 'вид «Байты»',
    bytesText: 'панель текста в виде «Байты»',
    bytesHex: 'панель hex в виде «Байты»',
    structure: 'дерево структуры в виде «Байты»',
    diagram: 'вид «Диаграмма»',
    lessons: 'панель уроков',
  },
} as const;
