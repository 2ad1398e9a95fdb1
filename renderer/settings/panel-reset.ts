// A saved choice can be what breaks a panel (a static file's Bytes view once threw as it drew, and
// since the chosen view was saved, every reload drew it again). So the panels showing their error
// fallback are kept in the `layout` section (failedPanels, written by settings-sync.ts), and at
// the next start the settings those panels draw from are reset to their defaults, with a notice.
//
// Only a panel still broken when the app closed counts: one drawn again successfully (Reload,
// another view chosen) is taken off the list, so a failure the person got past resets nothing.
// Byte mode (Text/Hex/Split) and the structure tree are not saved (byte-view.tsx keeps them in
// state), so a Bytes failure resets only the journal's view and size.
import type { SettingsNotice, SettingsSection, StoredSettings } from '../../shared/contract/app-settings';
import { isPanelId, type PanelId } from '../ui/panel-ids';

/** The layout section's key for the panels left broken, as a comma-separated list of ids. */
export const FAILED_PANELS_KEY = 'failedPanels';

/** The settings a panel draws from (words: ui.settings.panelResets.<group>). */
export const RESET_GROUPS = ['journal', 'client', 'server', 'response'] as const;
export type ResetGroup = (typeof RESET_GROUPS)[number];
export function isResetGroup(name: string): name is ResetGroup {
  return (RESET_GROUPS as readonly string[]).includes(name);
}

const GROUP_OF: Record<PanelId, ResetGroup | null> = {
  server: 'server',
  editor: 'response',
  client: 'client',
  connections: null, // keeps nothing across restarts
  journal: 'journal',
  events: 'journal',
  bytes: 'journal',
  bytesText: 'journal',
  bytesHex: 'journal',
  structure: 'journal',
  diagram: 'journal',
  lessons: null, // keeps nothing of its own in the settings yet
};

/** The layout fields each group owns (the rest of its settings are whole sections). */
const LAYOUT_KEYS: Record<ResetGroup, readonly string[]> = {
  journal: ['journalView', 'journalLarge'],
  client: ['clientActive'],
  server: [],
  response: [],
};
const SECTION_OF: Record<ResetGroup, SettingsSection | null> = { journal: null, client: 'client', server: 'server', response: 'response' };

type Layout = NonNullable<StoredSettings['layout']>;

/** The layout section with the failed panels recorded (nothing when none is). */
export function withFailedPanels(layout: Layout, failed: readonly PanelId[]): Layout {
  return failed.length === 0 ? layout : { ...layout, [FAILED_PANELS_KEY]: failed.join(',') };
}

export function failedPanelsOf(layout: Layout | undefined): PanelId[] {
  const value = layout?.[FAILED_PANELS_KEY];
  if (typeof value !== 'string') return [];
  return [...new Set(value.split(',').filter(isPanelId))];
}

export interface PanelReset {
  /** What was stored, without the record and without what the failed panels draw from. */
  stored: StoredSettings;
  /** One `panel_reset` per group reset, naming the first panel of the group that failed. */
  notices: SettingsNotice[];
  /** The sections to save now, so that the file holds the defaults too (and no record). */
  sections: SettingsSection[];
}

export function resetFailedPanels(stored: StoredSettings): PanelReset {
  if (!stored.layout || !Object.hasOwn(stored.layout, FAILED_PANELS_KEY)) return { stored, notices: [], sections: [] };
  const firstOf = new Map<ResetGroup, PanelId>();
  for (const panel of failedPanelsOf(stored.layout)) {
    const group = GROUP_OF[panel];
    if (group && !firstOf.has(group)) firstOf.set(group, panel);
  }
  const layout: Layout = { ...stored.layout };
  delete layout[FAILED_PANELS_KEY];
  const next: StoredSettings = { ...stored, layout };
  const sections = new Set<SettingsSection>(['layout']);
  for (const group of firstOf.keys()) {
    for (const key of LAYOUT_KEYS[group]) delete layout[key];
    const section = SECTION_OF[group];
    if (section) {
      delete next[section];
      sections.add(section);
    }
  }
  const notices: SettingsNotice[] = [...firstOf].map(([group, panel]) => ({ code: 'panel_reset', params: { panel, group } }));
  return { stored: next, notices, sections: [...sections] };
}
