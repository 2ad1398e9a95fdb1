// Simplified Chinese words of the settings banner (ui.settings): what happened to the settings file.
export const settings = {
  label: '设置',
  notice: {
    corrupt: '你的设置文件 {{file}} 已损坏，因此 Wirebench 以默认设置启动。损坏的文件已保留为 {{setAside}}。',
    sectionReset:
      '{{file}} 中保存的{{section}}已损坏，已恢复为默认值；你的其他设置已正常加载。该文件的副本已保留为 {{setAside}}。',
    sectionResetKept:
      '{{file}} 中保存的{{section}}已损坏，已恢复为默认值；你的其他设置已正常加载。无法在该文件旁边另存副本，因此损坏的部分原样留在了文件中。',
    panelReset:
      'Wirebench 上次运行时，{{panel}}出了故障，直到关闭时仍无法显示。为防是某个已保存的选择导致了问题，这次{{what}}已恢复为默认。',
    unreadable:
      '无法读取你的设置文件 {{file}}（{{code}}），因此 Wirebench 以默认设置启动，并且不会覆盖该文件。请确认你能读取该文件，然后重新启动。',
  },
  section: {
    response: '响应',
    presets: '预设列表',
    server: '服务器表单',
    client: '客户端控制台',
    layout: '布局',
    lessons: '课程面板的欢迎信息',
    language: '语言设置',
  },
  // What a panel that was left broken has reset (ui.settings.notice.panelReset's `what`).
  panelResets: {
    journal: '日志所选的视图和大小',
    client: '客户端控制台保存的目标、输入选项和打开的标签页',
    server: '服务器表单',
    response: '正在编辑的预设响应（你保存的预设仍然保留）',
  },
  dismiss: '关闭',
  dismissTip: '隐藏这些关于设置的消息。',
} as const;
