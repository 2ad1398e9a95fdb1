// Russian words of session files and recordings (ui.recording), keys as in en/ui-recording.ts.
export const recordingWords = {
  group: 'Сеанс',
  save: 'Сохранить сеанс',
  saveTitle: 'Сохранить все соединения живого рабочего места — с байтами, временем, FIN и RST — в файл сеанса',
  open: 'Открыть…',
  openTitle: 'Открыть файл сеанса или захват трафика (pcap, pcapng) из tcpdump или Wireshark, чтобы посмотреть и воспроизвести',
  label: 'Запись',
  showing: 'Запись: {{name}} (только просмотр)',
  position: 'событие {{shown}} из {{total}} · {{ms}} мс',
  restart: 'Воспроизвести сначала',
  play: 'Пуск',
  pause: 'Пауза',
  speed: 'Скорость',
  times: '{{speed}}×',
  step: 'Следующее событие',
  toEnd: 'В конец',
  backToLive: 'Вернуться к живому',
} as const;
