// Russian words of the workbench's layout (issue 17): the panes, their separators and toggles, the
// side column's tabs, and the folded server card.
export const layout = {
  panes: 'Панели рабочего места',
  side: { tabs: 'Сервер или уроки', server: 'Сервер', lessons: 'Уроки' },
  // Each separator's accessible name: what moving it resizes (arrow keys move it, Enter folds the pane before it).
  separator: {
    side: 'Изменить ширину колонки сервера и уроков (клавиши со стрелками; Enter сворачивает её)',
    client: 'Изменить размер консоли клиента относительно соединений и журнала (клавиши со стрелками)',
    conns: 'Изменить размер списка соединений относительно журнала (клавиши со стрелками; Enter сворачивает список)',
  },
  toggle: {
    side: 'Сервер и уроки',
    sideTip: 'Показать или скрыть колонку с сервером и уроками',
    conns: 'Соединения',
    connsTip: 'Показать или скрыть список соединений над журналом',
  },
  card: {
    next: 'Следующий сервер',
    editing: 'Настройка работающего сервера',
    address: 'Адрес',
    answers: 'Чем отвечает',
    timing: 'Отвечает',
    after: 'После ответа',
    edit: 'Изменить настройки',
    fold: 'Свернуть настройки',
  },
} as const;
