// English words of a panel that failed to draw (ui.boundary): it says which part of the workbench
// is missing and that the rest still works; the error's own message is shown below as a detail
// (it is the program's words, not the person's), and the details copied are for a bug report.
export const boundary = {
  failed: 'Something went wrong while drawing {{panel}}, so it cannot be shown. The rest of Wirebench still works.',
  errorLabel: 'Error:',
  noMessage: '(the error had no message)',
  copy: 'Copy details',
  copyTip: 'Copies what a bug report needs: the panel, the error, where in the code it happened, and the version of Wirebench.',
  copied: 'Details copied.',
  copyFailed: 'Could not copy. The details are shown below: select them and copy them by hand.',
  reload: 'Reload this panel',
  reloadTip: 'Draws this panel afresh. If the same problem is still there, it fails again.',
  details: 'Details',
  // The lines of the copied details.
  report: {
    app: 'Wirebench {{version}}',
    panel: 'Panel: {{panel}} ({{id}})',
    error: 'Error: {{message}}',
    stack: 'Stack:',
    componentStack: 'Component stack:',
    none: '(none)',
  },
  // Each part's name as a heading.
  title: {
    server: 'Server',
    editor: 'Response editor',
    client: 'Client console',
    connections: 'Connections',
    journal: 'Journal',
    events: 'Events',
    bytes: 'Bytes',
    bytesText: 'Bytes: text',
    bytesHex: 'Bytes: hex',
    structure: 'Bytes: structure',
    diagram: 'Diagram',
    lessons: 'Lessons',
  },
  // Each part's name inside a sentence.
  the: {
    server: 'the server panel',
    editor: 'the response editor',
    client: 'the client console',
    connections: 'the list of connections',
    journal: 'the journal',
    events: 'the Events view',
    bytes: 'the Bytes view',
    bytesText: 'the text pane of the Bytes view',
    bytesHex: 'the hex pane of the Bytes view',
    structure: 'the structure tree of the Bytes view',
    diagram: 'the Diagram view',
    lessons: 'the lessons panel',
  },
} as const;
