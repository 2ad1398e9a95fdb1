// Simplified Chinese words of the workbench's layout: panes, separators, toggles, side tabs, the folded server card.
export const layout = {
  panes: '工作台窗格',
  side: { tabs: '服务器或课程', server: '服务器', lessons: '课程' },
  // Each separator's accessible name: what moving it resizes (arrow keys move it, Enter folds the pane before it).
  separator: {
    side: '调整服务器与课程栏的宽度（方向键；按 Enter 收起该栏）',
    client: '调整客户端控制台与连接列表、日志之间的大小（方向键）',
    conns: '调整连接列表与日志之间的大小（方向键；按 Enter 收起列表）',
  },
  toggle: {
    side: '服务器和课程',
    sideTip: '显示或隐藏服务器与课程所在的栏',
    conns: '连接',
    connsTip: '显示或隐藏日志上方的连接列表',
  },
  card: {
    next: '下一个服务器',
    editing: '正在编辑运行中的服务器',
    address: '地址',
    answers: '应答内容',
    timing: '应答时机',
    after: '应答之后',
    edit: '编辑设置',
    fold: '收起设置',
  },
} as const;
