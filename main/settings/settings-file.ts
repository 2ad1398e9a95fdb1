// The settings file's shape, `{ "format": 1, "sections": { <section>: <value>, ... } }`, read and
// written apart from any disk: what a file's text holds, section by section, and the text a set of
// sections becomes. Each known section is checked against its own schema, so one damaged section
// costs only itself; sections this version does not know (written by a newer one) are kept as
// they are and written back, so going back a version and forth again loses nothing.
import {
  SECTION_SCHEMAS,
  SETTINGS_SECTIONS,
  type SettingsSection,
  type StoredSettings,
} from '../../shared/contract/app-settings';
import { inputOutOfBounds, MAX_INPUT_DEPTH } from '../host/input-bounds';
import { jsonShapeWithin } from './json-shape';

export const SETTINGS_FORMAT = 1;

export interface SettingsContents {
  /** The sound sections of this version. */
  sections: StoredSettings;
  /**
   * Written back untouched: sections under names this version does not know, and damaged ones
   * that could not be copied aside (a known section of the same name, once saved, replaces them).
   */
  foreign: Record<string, unknown>;
}

export type ParsedFile =
  | {
      kind: 'ok';
      contents: SettingsContents;
      /** Known sections that failed their schema (not in `contents`), with what the file held. */
      damaged: Array<{ section: SettingsSection; value: unknown }>;
    }
  /** Not JSON, or not the `{format, sections}` object: nothing in it can be trusted. */
  | { kind: 'corrupt' };

const KNOWN: ReadonlySet<string> = new Set(SETTINGS_SECTIONS);

export function emptyContents(): SettingsContents {
  return { sections: {}, foreign: {} };
}

/**
 * Past these a file is not one Wirebench wrote (a section may nest MAX_INPUT_DEPTH deep under the
 * file's own levels, with a little room, and no settings come near 100,000 values): it is set aside unparsed.
 */
const FILE_SHAPE = { maxDepth: MAX_INPUT_DEPTH + 4, maxValues: 100_000 };

export function parseSettingsFile(text: string): ParsedFile {
  if (!jsonShapeWithin(text, FILE_SHAPE)) return { kind: 'corrupt' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'corrupt' };
  }
  if (!isPlainObject(data) || data.format !== SETTINGS_FORMAT || !isPlainObject(data.sections)) return { kind: 'corrupt' };

  const sections: Record<string, unknown> = {};
  const foreign: Record<string, unknown> = {};
  const damaged: Array<{ section: SettingsSection; value: unknown }> = [];
  for (const [name, value] of Object.entries(data.sections)) {
    if (!KNOWN.has(name)) {
      foreign[name] = value;
      continue;
    }
    const section = name as SettingsSection;
    const parsed = parseSection(section, value);
    if (parsed !== undefined) sections[section] = parsed;
    else damaged.push({ section, value });
  }
  return { kind: 'ok', contents: { sections, foreign }, damaged };
}

/** The file's text: known sections after foreign ones, so a known name always wins. */
export function settingsFileText(contents: SettingsContents): string {
  return `${JSON.stringify({ format: SETTINGS_FORMAT, sections: { ...contents.foreign, ...contents.sections } }, null, 2)}\n`;
}

/**
 * A section's value if it is sound, else undefined. Measured first (depth, number of values), as
 * the door measures a command's input: a schema parse recurses per level and walks every key, so
 * a section nested 2,000 deep threw, and one of 2 million keys took seconds. Anything that throws
 * is a damaged section too, never a failed load.
 */
function parseSection(section: SettingsSection, value: unknown): unknown {
  if (inputOutOfBounds(value) !== null) return undefined;
  try {
    const parsed = SECTION_SCHEMAS[section].safeParse(value);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
