// English words of the settings banner (ui.settings): what happened to the settings file, said so
// that the person knows what was kept, what was lost, and where the old file is. A failed save is
// worded by errors.settings_unwritable.
export const settings = {
  label: 'Settings',
  notice: {
    corrupt:
      'Your settings file {{file}} was damaged, so Wirebench started with its default settings. The damaged file was kept as {{setAside}}.',
    sectionReset:
      'The saved {{section}} in {{file}} was damaged and starts from its defaults; your other settings loaded. A copy of the file was kept as {{setAside}}.',
    sectionResetKept:
      'The saved {{section}} in {{file}} was damaged and starts from its defaults; your other settings loaded. No copy could be made beside the file, so the damaged part was left in it as it was.',
    panelReset:
      'When Wirebench last ran, {{panel}} stopped working and was still not shown when it closed. In case a saved choice caused it, {{what}} started from the default this time.',
    unreadable:
      'Your settings file {{file}} could not be read ({{code}}), so Wirebench started with its default settings and will not overwrite it. Check that you can read the file, then restart.',
  },
  section: {
    response: 'response',
    presets: 'list of presets',
    server: 'server form',
    client: 'client console',
    layout: 'layout',
    lessons: 'Lessons panel’s welcome',
    language: 'language',
  },
  // What a panel that was left broken has reset (ui.settings.notice.panelReset's `what`).
  panelResets: {
    journal: 'the journal’s chosen view and size',
    client: 'the client console’s saved targets, typing choices and open tab',
    server: 'the server form',
    response: 'the canned response being edited (your saved presets are kept)',
  },
  dismiss: 'Dismiss',
  dismissTip: 'Hide these messages about your settings.',
} as const;
