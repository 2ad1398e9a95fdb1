// English words of the workbench's layout (issue 17): the panes, their separators and toggles, the
// side column's tabs, and the folded server card.
export const layout = {
  panes: 'Workbench panes',
  side: { tabs: 'Server or lessons', server: 'Server', lessons: 'Lessons' },
  // Each separator's accessible name: what moving it resizes (arrow keys move it, Enter folds the pane before it).
  separator: {
    side: 'Resize the server and lessons column (arrow keys; Enter folds it)',
    client: 'Resize the client console against the connections and journal (arrow keys)',
    conns: 'Resize the connections list against the journal (arrow keys; Enter folds the list)',
  },
  toggle: {
    side: 'Server & lessons',
    sideTip: 'Show or hide the column with the server and the lessons',
    conns: 'Connections',
    connsTip: 'Show or hide the list of connections above the journal',
  },
  card: {
    next: 'Next server',
    editing: 'Editing the running server',
    address: 'Address',
    answers: 'What answers',
    timing: 'Answers',
    after: 'After',
    edit: 'Edit settings',
    fold: 'Fold settings',
  },
} as const;
