// What the `server`, `client` and `layout` settings sections hold, taken from the store and put
// back into it. Only what a person chose is kept: form fields as typed, a session's target and
// typing choices, which view is shown; never live state (connections, transcripts, errors).
// Reading back trusts nothing: main checked only that a section is JSON of the right outline
// (shared/contract/app-settings.ts), so each field is taken only if it has the type the store needs, and
// anything unknown (a field renamed or added by another version) is ignored.
import type { SectionValue } from '../../shared/contract/app-settings';
import { ACCEPT_MODES, AFTER_ANSWER, ANSWER_WHEN, RESPONDER_KINDS } from '../../shared/server/choices';
import { LINE_ENDINGS } from '../../shared/client/typed-input';
import { ROUTE_DRAFT_KINDS, type RouteDraft, type ServerDraft } from '../store/server-draft';
import type { ClientSession, InputMode, JournalViewKind } from '../store/state-types';

type Json = SectionValue<'server'>['draft'][string];
type Fields = Record<string, Json>;

const INPUT_MODES: readonly InputMode[] = ['line', 'char', 'hex'];
const JOURNAL_VIEWS: readonly JournalViewKind[] = ['events', 'bytes', 'diagram'];
/** The most sessions the section holds (its schema's limit). */
const MAX_SESSIONS = 50;

type Reader<T> = (value: unknown) => value is T;
const isString: Reader<string> = (v): v is string => typeof v === 'string';
const isBoolean: Reader<boolean> = (v): v is boolean => typeof v === 'boolean';
const oneOf =
  <T extends string>(choices: readonly T[]): Reader<T> =>
  (v): v is T =>
    typeof v === 'string' && (choices as readonly string[]).includes(v);

const isRoute: Reader<RouteDraft> = (v): v is RouteDraft => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  return (
    oneOf(ROUTE_DRAFT_KINDS)(r.kind) &&
    [r.method, r.path, r.text, r.file, r.contentType].every(isString)
  );
};
const isRoutes: Reader<RouteDraft[]> = (v): v is RouteDraft[] => Array.isArray(v) && v.every(isRoute);

/**
 * The server form's fields kept, each with its check. The canned response (cannedText, cannedBody)
 * is not among them: it is the `response` section's, kept by the response editor.
 */
const SERVER_FIELDS = {
  host: isString,
  port: isString,
  backlog: isString,
  expose: isBoolean,
  responder: oneOf(RESPONDER_KINDS),
  staticRoot: isString,
  staticBase: isString,
  staticNotFoundText: isString,
  routes: isRoutes,
  answerWhen: oneOf(ANSWER_WHEN),
  after: oneOf(AFTER_ANSWER),
  halfCloseWaitMs: isString,
  dripBytes: isString,
  dripEveryMs: isString,
  acceptMode: oneOf(ACCEPT_MODES),
  idleTimeoutS: isString,
  headerTimeoutS: isString,
} satisfies { [K in keyof ServerDraft]?: Reader<ServerDraft[K]> };

/** A session's choices kept; the rest of a session is live and starts afresh. */
const SESSION_FIELDS = {
  targetText: isString,
  timeoutText: isString,
  mode: oneOf(INPUT_MODES),
  ending: oneOf(LINE_ENDINGS),
  finalEnding: isBoolean,
  showControls: isBoolean,
} satisfies { [K in keyof ClientSession]?: Reader<ClientSession[K]> };

function pick<T extends object>(source: T, readers: Partial<Record<keyof T, unknown>>): Fields {
  const fields: Fields = {};
  for (const key of Object.keys(readers) as (keyof T & string)[]) fields[key] = structuredClone(source[key]) as Json;
  return fields;
}

function readInto<T extends object>(base: T, stored: unknown, readers: Partial<Record<keyof T, Reader<unknown>>>): T {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return base;
  const from = stored as Record<string, unknown>;
  const next = { ...base };
  for (const [key, read] of Object.entries(readers) as [keyof T & string, Reader<unknown>][]) {
    if (Object.hasOwn(from, key) && read(from[key])) next[key] = from[key] as T[keyof T & string];
  }
  return next;
}

export function serverSectionOf(draft: ServerDraft): SectionValue<'server'> {
  return { draft: pick(draft, SERVER_FIELDS) };
}

/** `base` with every stored field that has the right type; the others as they were. */
export function draftFromSection(section: SectionValue<'server'> | undefined, base: ServerDraft): ServerDraft {
  return readInto(base, section?.draft, SERVER_FIELDS);
}

export function clientSectionOf(sessions: readonly ClientSession[]): SectionValue<'client'> {
  return { sessions: sessions.slice(0, MAX_SESSIONS).map((s) => pick(s, SESSION_FIELDS)) };
}

/** Fresh sessions (from `make`) with the stored choices; null when nothing usable was stored. */
export function sessionsFromSection(section: SectionValue<'client'> | undefined, make: () => ClientSession): ClientSession[] | null {
  const stored = section?.sessions ?? [];
  if (stored.length === 0) return null;
  return stored.slice(0, MAX_SESSIONS).map((fields) => readInto(make(), fields, SESSION_FIELDS));
}

export interface Layout {
  journalView: JournalViewKind;
  journalLarge: boolean;
  /** Which client session tab is active, by position (session ids are made afresh each run). */
  clientActive: number;
  /** Pane sizes the person chose (percentages by `group:panel`); only those, so defaults can change. */
  panes?: Readonly<Record<string, number>>;
}

/** The layout section's keys for pane sizes: `pane:` and the pane's `group:panel`. */
const PANE_PREFIX = 'pane:';
const PANE_NAME = /^[a-z][a-z-]{0,30}:[a-z][a-z-]{0,30}$/;

export function layoutSectionOf(layout: Layout): SectionValue<'layout'> {
  const { panes, ...rest } = layout;
  const section: SectionValue<'layout'> = { ...rest };
  for (const [name, size] of Object.entries(panes ?? {})) section[PANE_PREFIX + name] = size;
  return section;
}

export function layoutFromSection(section: SectionValue<'layout'> | undefined, base: Layout): Layout {
  const next = readInto(base, section, { journalView: oneOf(JOURNAL_VIEWS), journalLarge: isBoolean });
  const active = section?.clientActive;
  if (typeof active === 'number' && Number.isInteger(active) && active >= 0) next.clientActive = active;
  const panes: Record<string, number> = {};
  for (const [key, size] of Object.entries(section ?? {})) {
    const name = key.slice(PANE_PREFIX.length);
    // A percentage of its group; anything else (another version's key, a hand-edited value) is ignored.
    if (key.startsWith(PANE_PREFIX) && PANE_NAME.test(name) && typeof size === 'number' && size >= 0 && size <= 100) panes[name] = size;
  }
  if (Object.keys(panes).length > 0) next.panes = panes;
  return next;
}
