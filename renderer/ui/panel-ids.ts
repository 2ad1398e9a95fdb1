// The parts of the workbench that each sit behind an error boundary of their own (issue 14): a
// failure in one is shown in its place only. The ids name the fallback's words
// (ui.boundary.title.<id>, ui.boundary.the.<id>) and, through renderer/settings/panel-reset.ts,
// which kept settings are reset at the next start when the part was left broken.
export const PANEL_IDS = [
  'server',
  'editor',
  'client',
  'connections',
  'journal',
  'events',
  'bytes',
  'bytesText',
  'bytesHex',
  'structure',
  'diagram',
  'lessons',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export function isPanelId(value: string): value is PanelId {
  return (PANEL_IDS as readonly string[]).includes(value);
}
