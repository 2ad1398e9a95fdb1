// What Wirebench remembers across restarts, in sections that are read, checked and written one by
// one: a section that is damaged falls back to its defaults without taking the others with it.
// Every section is plain JSON (bytes travel as base64), so the file is the same whichever host
// writes it: the Electron app (in its user data directory) or the web host (in the user's config
// directory). Main checks each section against its schema when it loads the file and when a
// renderer saves one; the renderer owns what the values mean.
import { z } from 'zod';
import { LANGUAGE_CHOICES } from '../i18n/languages';

export const SETTINGS_SECTIONS = ['response', 'presets', 'server', 'client', 'layout', 'lessons', 'language'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** The most a section may hold once written as JSON: a response with an image body fits. */
export const SECTION_MAX_CHARS = 24 * 1024 * 1024;

/** A body taken from a file: its bytes (base64), its name, and the media type it was picked as. */
export const FileBody = z
  .object({
    name: z.string().min(1).max(255),
    type: z.string().max(200),
    base64: z.string().max(SECTION_MAX_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  })
  .strict();
export type FileBody = z.infer<typeof FileBody>;

/**
 * A response as the editor holds it: `text` is the editor's document (escaped text, see
 * renderer/lib/escaped-text.ts), and, when the body comes from a file, `body` is that file: the
 * bytes sent are the text's bytes followed by the file's.
 */
export const ResponseDoc = z
  .object({
    text: z.string().max(SECTION_MAX_CHARS),
    body: FileBody.nullable(),
  })
  .strict();
export type ResponseDoc = z.infer<typeof ResponseDoc>;

/** What Enter inserts in the response editor: CR LF (HTTP/1.1), or a bare LF (lesson L2). */
export const EnterInserts = z.enum(['crlf', 'lf']);
export type EnterInserts = z.infer<typeof EnterInserts>;

/** The server's canned response being edited, and what Enter inserts. */
export const ResponseSection = ResponseDoc.extend({ enter: EnterInserts }).strict();
export type ResponseSection = z.infer<typeof ResponseSection>;

/** A preset the learner saved: a name they chose, and a response. */
export const UserPreset = ResponseDoc.extend({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().trim().min(1).max(100),
}).strict();
export type UserPreset = z.infer<typeof UserPreset>;

export const PresetsSection = z.object({ presets: z.array(UserPreset).max(200) }).strict();
export type PresetsSection = z.infer<typeof PresetsSection>;

/**
 * Form fields as the person left them (numbers as typed text): the renderer reads back only the
 * fields it knows, each checked for its type, so a field renamed in a later version is ignored.
 */
const FormFields = z.record(z.string().max(100), z.json());

export const ServerSection = z.object({ draft: FormFields }).strict();
export const ClientSection = z.object({ sessions: z.array(FormFields).max(50) }).strict();
export const LayoutSection = z.record(z.string().max(100), z.union([z.string().max(200), z.number(), z.boolean()]));

/** The Lessons panel: whether the learner has dismissed its first-run welcome (or chosen a lesson from it). */
export const LessonsSection = z.object({ welcomeDismissed: z.boolean() }).strict();
export const DEFAULT_LESSONS_SECTION: z.infer<typeof LessonsSection> = { welcomeDismissed: false };

/** The language the person chose in the app, or `system`: follow the system's (the default). */
export const LanguageSection = z.object({ choice: z.enum(LANGUAGE_CHOICES) }).strict();
export const DEFAULT_LANGUAGE_SECTION: z.infer<typeof LanguageSection> = { choice: 'system' };

export const SECTION_SCHEMAS = {
  response: ResponseSection,
  presets: PresetsSection,
  server: ServerSection,
  client: ClientSection,
  layout: LayoutSection,
  lessons: LessonsSection,
  language: LanguageSection,
} as const satisfies Record<SettingsSection, z.ZodType>;

export type SectionValue<S extends SettingsSection> = z.infer<(typeof SECTION_SCHEMAS)[S]>;

/** What was stored: each section that was there and sound. A missing one takes its defaults. */
export const StoredSettings = z
  .object({
    response: ResponseSection.optional(),
    presets: PresetsSection.optional(),
    server: ServerSection.optional(),
    client: ClientSection.optional(),
    layout: LayoutSection.optional(),
    lessons: LessonsSection.optional(),
    language: LanguageSection.optional(),
  })
  .strict();
export type StoredSettings = z.infer<typeof StoredSettings>;

/**
 * Something about the settings file a person should know, said as a code with parameters like an
 * error (the renderer words it from `ui.settings.notice.<code>`):
 * - corrupt: the file was not JSON, or not an object; it was renamed to `setAside` and every
 *   section starts from its defaults. params: { file, setAside }
 * - section_reset: one section did not match its schema; the file was copied to `setAside` and
 *   that section starts from its defaults, the others load. params: { file, section, setAside }
 * - unreadable: the file exists but could not be read (permissions...). params: { file, code }
 * - panel_reset: made by the renderer, not main: a panel was still failing to draw when the app
 *   last closed, so the settings it draws from start from their defaults (renderer/settings/
 *   panel-reset.ts). params: { panel (its id), group (which settings: journal, client, server,
 *   response) }
 */
export const SETTINGS_NOTICE_CODES = ['corrupt', 'section_reset', 'unreadable', 'panel_reset'] as const;
export const SettingsNotice = z.object({
  code: z.enum(SETTINGS_NOTICE_CODES),
  params: z.record(z.string(), z.string()),
});
export type SettingsNotice = z.infer<typeof SettingsNotice>;

/** settings.save's input: one section and its new value. */
const save = <S extends SettingsSection, V extends z.ZodType>(section: S, value: V) =>
  z.object({ section: z.literal(section), value }).strict();

export const SectionSave = z.discriminatedUnion('section', [
  save('response', ResponseSection),
  save('presets', PresetsSection),
  save('server', ServerSection),
  save('client', ClientSection),
  save('layout', LayoutSection),
  save('lessons', LessonsSection),
  save('language', LanguageSection),
]);
export type SectionSave = z.infer<typeof SectionSave>;
